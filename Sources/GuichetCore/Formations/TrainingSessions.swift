import Foundation

/// What « Se former » and `guichet formations` list sessions for: a métier (ROME) or a certification (RNCP).
public enum TrainingSubject: Hashable, Sendable, CustomStringConvertible {
  case rome(String)
  case rncp(String)

  public var code: String {
    switch self {
    case .rome(let code), .rncp(let code): code
    }
  }

  public var description: String {
    switch self {
    case .rome(let code): "métier \(code)"
    case .rncp(let code): "certification \(code)"
    }
  }

  /// The French words that agree with the subject's gender: « le métier » / « ce métier », « la
  /// certification » / « cette certification ».
  public var determiners: (definite: String, demonstrative: String) {
    switch self {
    case .rome: ("le", "ce")
    case .rncp: ("la", "cette")
    }
  }
}

/// Where the visitor stands, to rank places: a commune, or only a territory (ZTEF), or nothing known.
public enum TrainingOrigin: Hashable, Sendable {
  case commune(String)
  case territory(Int64)
  case anywhere
}

/// How near a session's place is to the visitor. No coordinates exist in the reference data, so nearness is
/// the administrative nesting: the same commune, its bassin, its territory, its département, then the rest.
public enum TrainingProximity: Int, Comparable, Sendable, Codable, CaseIterable {
  case sameCommune = 0
  case sameBassin
  case sameTerritory
  case sameDepartement
  case elsewhere

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  public var label: String {
    switch self {
    case .sameCommune: "même commune"
    case .sameBassin: "même bassin"
    case .sameTerritory: "même territoire"
    case .sameDepartement: "même département"
    case .elsewhere: "plus loin"
    }
  }

  /// The JSON spelling of `guichet formations --format json`.
  public var key: String {
    switch self {
    case .sameCommune: "commune"
    case .sameBassin: "bassin"
    case .sameTerritory: "territoire"
    case .sameDepartement: "departement"
    case .elsewhere: "ailleurs"
    }
  }
}

/// A certification a session prepares, with its title when the RNCP data knows the code, and its débouchés:
/// the InserJeunes figures its fiche shows (latest millésime by voie), empty when InserJeunes has none.
public struct TrainingCertification: Equatable, Sendable {
  public var code: String
  public var title: String?
  public var outcomes: [DiplomaOutcome]

  public init(code: String, title: String?, outcomes: [DiplomaOutcome] = []) {
    self.code = code
    self.title = title
    self.outcomes = outcomes
  }
}

/// One session of a training offer, as listed near the visitor.
public struct TrainingSession: Equatable, Sendable {
  public var formationTitle: String
  public var organisation: String
  public var siret: String
  /// The training place's name, when the file gives one.
  public var placeName: String?
  public var town: String
  public var postcode: String?
  public var inseeCode: String?
  /// `yyyymmdd`; nil when the file says « date à préciser » (00000000 / 99999999).
  public var startDay: Int?
  public var endDay: Int?
  /// The action takes entrants all along the session (« entrées/sorties permanentes »).
  public var permanentEntry: Bool
  public var certifications: [TrainingCertification]
  public var romeCodes: [String]
  /// LHÉO codes as published (no label table came with the schema): public visé and financeurs.
  public var publicCodes: [String]
  public var fundingCodes: [String]
  /// The establishment (UAI) the offer names for the place or the organisation, and its InserJeunes
  /// figures (all its diplomas pooled), empty when it has none.
  public var uai: String?
  public var establishmentOutcomes: [EstablishmentOutcome]
  /// Nil when the visitor's place is not known (sessions then come soonest first).
  public var proximity: TrainingProximity?

  public init(
    formationTitle: String, organisation: String, siret: String, placeName: String?, town: String,
    postcode: String?, inseeCode: String?, startDay: Int?, endDay: Int?, permanentEntry: Bool,
    certifications: [TrainingCertification], romeCodes: [String], publicCodes: [String],
    fundingCodes: [String], uai: String? = nil, establishmentOutcomes: [EstablishmentOutcome] = [],
    proximity: TrainingProximity?
  ) {
    self.formationTitle = formationTitle
    self.organisation = organisation
    self.siret = siret
    self.placeName = placeName
    self.town = town
    self.postcode = postcode
    self.inseeCode = inseeCode
    self.startDay = startDay
    self.endDay = endDay
    self.permanentEntry = permanentEntry
    self.certifications = certifications
    self.romeCodes = romeCodes
    self.publicCodes = publicCodes
    self.fundingCodes = fundingCodes
    self.uai = uai
    self.establishmentOutcomes = establishmentOutcomes
    self.proximity = proximity
  }

  /// « du 12/01/2027 au 30/06/2027 », « à partir du … », « entrées permanentes jusqu'au … », « dates à préciser ».
  public var datesLabel: String {
    let start = startDay.map(Day.french)
    let end = endDay.map(Day.french)
    switch (start, end) {
    case (let start?, let end?):
      return permanentEntry
        ? "entrées permanentes du \(start) au \(end)" : "du \(start) au \(end)"
    case (let start?, nil): return "à partir du \(start)"
    case (nil, let end?): return "jusqu'au \(end)"
    case (nil, nil): return "dates à préciser"
    }
  }

  /// The place as one line: « Lycée Louise Michel, Grenoble (38000) ».
  public var placeLabel: String {
    let town = postcode.map { "\(self.town) (\($0))" } ?? self.town
    guard let placeName, !placeName.isEmpty else { return town }
    return "\(placeName), \(town)"
  }
}

/// The sessions for a subject, and whether any offers file was imported at all (an empty list means
/// something different then: nothing imported, or nothing for this subject).
public struct TrainingOffers: Equatable, Sendable {
  public struct Imported: Equatable, Sendable {
    /// The file's name as the administrator gave it (no folder).
    public var fileName: String
    /// `yyyy-MM-dd` (UTC) of the import.
    public var day: String
    public var sessionCount: Int

    public init(fileName: String, day: String, sessionCount: Int) {
      self.fileName = fileName
      self.day = day
      self.sessionCount = sessionCount
    }
  }

  public var subject: TrainingSubject
  /// The métier's or certification's title in the reference data, when known.
  public var subjectTitle: String?
  /// The visitor's commune or territory, named, when known.
  public var originName: String?
  public var imported: Imported?
  public var sessions: [TrainingSession]

  public init(
    subject: TrainingSubject, subjectTitle: String?, originName: String? = nil, imported: Imported?,
    sessions: [TrainingSession]
  ) {
    self.subject = subject
    self.subjectTitle = subjectTitle
    self.originName = originName
    self.imported = imported
    self.sessions = sessions
  }

  /// Attribution line: the offers come from the region's Carif-Oref (or Onisep) in LHÉO.
  public static let source = "Réseau des Carif-Oref – offre de formation (LHÉO 2.3)"

  /// What an empty list means when nothing was imported: where such a file comes from and who imports it.
  public static let nothingImported =
    "Aucune offre de formation importée. Le Carif-Oref de la région publie l'offre de formation au format LHÉO (fichier XML) ; un administrateur l'importe sur le poste serveur avec « guichet import lheo FICHIER »."
}
