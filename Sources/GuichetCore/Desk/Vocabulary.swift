/// A coded value of one of the visit vocabularies. The code is what is stored; the label is what the agent reads.
public protocol CodedValue: CaseIterable, Hashable, Sendable, RawRepresentable
where RawValue == String {
  /// French label shown on screen and in exports.
  var label: String { get }
}

/// How the person reached the desk.
public enum Channel: String, CodedValue {
  case walkIn = "walk_in"
  case phone
  case email

  public var label: String {
    switch self {
    case .walkIn: "Sur place"
    case .phone: "Téléphone"
    case .email: "Courriel"
    }
  }
}

/// Coarse public category; never more precise than the scheme's reporting needs.
public enum PublicCategory: String, CodedValue {
  case notSaid = "not_said"
  case initialEducation = "initial_education"
  case earlySchoolLeaver = "early_school_leaver"
  case jobSeeker = "job_seeker"
  case employee
  case selfEmployed = "self_employed"
  case senior
  case disability
  /// Cadre or young graduate (bac+3 and above), the public of the APEC; added for routing.
  case cadre
  case other

  public var label: String {
    switch self {
    case .notSaid: "Non précisé"
    case .initialEducation: "Jeune en formation initiale"
    case .earlySchoolLeaver: "Décrocheur"
    case .jobSeeker: "Demandeur d'emploi"
    case .employee: "Salarié"
    case .selfEmployed: "Indépendant"
    case .senior: "Senior (55 ans et +)"
    case .disability: "Personne handicapée (RQTH)"
    case .cadre: "Cadre ou jeune diplômé (bac+3)"
    case .other: "Autre"
    }
  }
}

/// Age band: bands only, a birth date is never recorded.
public enum AgeBand: String, CodedValue {
  case notSaid = "not_said"
  case under16 = "under_16"
  case from16to25 = "16_25"
  case from26to44 = "26_44"
  case from45to54 = "45_54"
  case from55 = "55_plus"

  public var label: String {
    switch self {
    case .notSaid: "Non précisé"
    case .under16: "Moins de 16 ans"
    case .from16to25: "16-25 ans"
    case .from26to44: "26-44 ans"
    case .from45to54: "45-54 ans"
    case .from55: "55 ans et +"
    }
  }
}

/// What the person asks for. A visit holds one or more.
public enum RequestKind: String, CodedValue {
  case jobInformation = "job_information"
  case training
  case vae
  case cpf
  case careerChange = "career_change"
  case apprenticeship
  case jobSearch = "job_search"
  case businessCreation = "business_creation"
  case schoolOrientation = "school_orientation"
  case other

  public var label: String {
    switch self {
    case .jobInformation: "Information métiers"
    case .training: "Formation"
    case .vae: "VAE"
    case .cpf: "CPF"
    case .careerChange: "Reconversion"
    case .apprenticeship: "Alternance / apprentissage"
    case .jobSearch: "Recherche d'emploi"
    case .businessCreation: "Création d'entreprise"
    case .schoolOrientation: "Orientation scolaire"
    case .other: "Autre demande"
    }
  }
}

/// What the desk gave the person.
public enum Outcome: String, CodedValue {
  case information
  case documentation
  case referral
  case appointmentBooked = "appointment_booked"
  case noBooking = "no_booking"
  case noAnswer = "no_answer"
  /// An arrival never taken in charge: closed by the queue (by hand, or at the day change), never coded
  /// in the visit form, and kept out of the waiting statistics (it has no start).
  case leftUnseen = "left_unseen"

  public var label: String {
    switch self {
    case .information: "Information délivrée"
    case .documentation: "Documentation remise"
    case .referral: "Orientation vers un partenaire"
    case .appointmentBooked: "Rendez-vous pris"
    case .noBooking: "Pas de rendez-vous"
    case .noAnswer: "Pas de réponse possible"
    case .leftUnseen: "Parti sans être reçu"
    }
  }

  /// The outcomes an agent codes in the visit form (« parti sans être reçu » belongs to the queue).
  public static let coded: [Outcome] = allCases.filter { $0 != .leftUnseen }

  /// Outcomes that must say why nothing could be answered or booked.
  public var needsReason: Bool { self == .noBooking || self == .noAnswer }
}

/// Why a visit ended with no answer or no booking; a code, never free text.
public enum NoAnswerReason: String, CodedValue {
  case consentDeclined = "consent_declined"
  case noSlot = "no_slot"
  case outOfScope = "out_of_scope"
  case personLeft = "person_left"
  case infoUnavailable = "info_unavailable"
  case other

  public var label: String {
    switch self {
    case .consentDeclined: "Consentement refusé"
    case .noSlot: "Aucun créneau disponible"
    case .outOfScope: "Hors du champ du service"
    case .personLeft: "Personne partie avant la fin"
    case .infoUnavailable: "Information non disponible"
    case .other: "Autre motif"
    }
  }
}
