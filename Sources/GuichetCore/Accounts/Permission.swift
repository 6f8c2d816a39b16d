/// The permission matrix: what each role may do, by kind of data. Every store function that reads or changes
/// booking, agenda, operator, supervision, account or personal data checks one of these in its own transaction,
/// so no screen or command can do more than this table says. Row-level limits (« own ») are SQL conditions on
/// the consent or the advisor's structure, so a query never even returns the rows a caller may not see.
///
/// | Data kind (permission)            | agent                  | advisor                    | supervisor | administrator | command line |
/// |-----------------------------------|------------------------|----------------------------|------------|---------------|--------------|
/// | contact read (`readContact`)      | consents they took     | their structure's          | —          | —             | all, audited |
/// | contact write (`writeContact`)    | consents they took     | —                          | —          | —             | all, audited |
/// | consent (`takeConsent`)           | yes                    | —                          | —          | —             | yes          |
/// | booking (`book`)                  | consents they took     | —                          | —          | —             | yes          |
/// | cancel / move (`changeAppointment`)| bookings they made    | their structure's          | —          | —             | yes          |
/// | attendance (`recordAttendance`)   | —                      | their structure's          | —          | —             | yes          |
/// | appointment / agenda (`readAgenda`)| all, no foreign contact| their structure's only    | —          | —             | all          |
/// | visit coding (`codeVisit`): arrival, coding, closing, satisfaction | yes                    | —                          | —          | —             | yes          |
/// | availability (`publishAvailability`): opening rules, absences | — | their structure's advisors | — | yes | yes |
/// | operators admin (`administerOperators`): structures, advisors, routing, consent text | — | — | — | yes | yes |
/// | supervision / report (`readSupervision`, `setSupervisionTargets`) | — | —            | yes        | yes           | yes          |
/// | accounts (`administerAccounts`)   | own password only      | own password only          | own password only | yes    | yes          |
/// | audit trail (`readAudit`)         | —                      | —                          | —          | yes           | yes          |
/// | person export / erase (`handlePersonRequest`) | —          | —                          | —          | —             | yes          |
///
/// Why: the agent at the desk takes the consent, so only they see the contact they typed; the advisor receives
/// the person, so sees their own structure's appointments and contacts, records whether the person came and
/// publishes their structure's opening hours and absences;
/// supervisors and administrators run the service from aggregates and settings, never a person (setting up
/// operators needs nobody's appointments, so neither reads an agenda). The console offers a key only to the
/// roles its permission names (`KeyBinding.permission`), so this table is the only one. Structures, advisors' names, opening hours, free slots and
/// routing rules hold nobody's personal data and every role needs them to book, so reading them is open; so are
/// the anonymous visits (queue, counters), whose writing is the agents' since they are the statistics.
/// The command line is run on the server by the deployment's service account, which owns the database file and
/// can read every byte of it anyway: it acts with every permission, and the audit trail records it as such.
public enum Permission: CaseIterable, Sendable {
  case readContact
  case writeContact
  case takeConsent
  case book
  case changeAppointment
  case recordAttendance
  case readAgenda
  case codeVisit
  case publishAvailability
  case administerOperators
  case readSupervision
  case setSupervisionTargets
  case administerAccounts
  case readAudit
  case handlePersonRequest

  /// The roles a console account needs; the command line holds every permission.
  public var roles: Set<Role> {
    switch self {
    case .readContact: [.agent, .advisor]
    case .writeContact, .takeConsent, .book, .codeVisit: [.agent]
    case .changeAppointment: [.agent, .advisor]
    case .recordAttendance: [.advisor]
    case .readAgenda: [.agent, .advisor]
    case .publishAvailability: [.advisor, .administrator]
    case .administerOperators, .administerAccounts, .readAudit: [.administrator]
    case .readSupervision, .setSupervisionTargets: [.supervisor, .administrator]
    case .handlePersonRequest: []
    }
  }

  public func allows(_ caller: Caller) -> Bool {
    caller.isCommandLine || roles.contains(caller.role)
  }

  /// What the permission lets one do, as an infinitive (« consulter les indicateurs »).
  public var label: String {
    switch self {
    case .readContact: "lire ces coordonnées"
    case .writeContact: "saisir des coordonnées"
    case .takeConsent: "recueillir un consentement"
    case .book: "prendre un rendez-vous"
    case .changeAppointment: "annuler ou déplacer ce rendez-vous"
    case .recordAttendance: "noter si la personne a été reçue"
    case .readAgenda: "consulter les rendez-vous"
    case .codeVisit: "saisir des visites"
    case .publishAvailability: "modifier les plages d'ouverture et absences de ce conseiller"
    case .administerOperators: "administrer les structures, conseillers et règles"
    case .readSupervision: "consulter les indicateurs"
    case .setSupervisionTargets: "fixer les objectifs"
    case .administerAccounts: "gérer les comptes"
    case .readAudit: "consulter le journal d'audit"
    case .handlePersonRequest: "traiter les demandes d'accès et d'effacement"
    }
  }

  /// The one refusal message of the matrix, naming who may.
  public var refusal: String {
    let allowed = Role.allCases.filter(roles.contains).map(\.plural)
    let who =
      allowed.isEmpty
      ? "seule la ligne de commande du serveur peut"
      : "seuls les " + Self.list(allowed) + " peuvent"
    return "Accès refusé : \(who) \(label)."
  }

  static func list(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " et " + (items.last ?? "")
  }
}

extension Role {
  /// The French plural, for the refusal message.
  public var plural: String {
    switch self {
    case .agent: "agents d'accueil"
    case .advisor: "conseillers"
    case .supervisor: "superviseurs"
    case .administrator: "administrateurs"
    }
  }
}

extension Caller {
  /// The command line on the server, run by the service account that owns the file.
  public var isCommandLine: Bool { accountID == nil && role == .administrator }

  /// Throws the matrix's refusal when this caller lacks the permission.
  public func require(_ permission: Permission) throws(UserError) {
    guard permission.allows(self) else { throw UserError(permission.refusal) }
  }
}
