import GuichetCore

/// What each role may open from the console. The store checks every call again (it decides what data
/// comes back); this keeps forbidden keys off the screen and answers them with one short French line.
public enum ConsoleFeature: Equatable, Sendable, CaseIterable {
  /// Visits at the desk: new visit, arrivals, queue, today's visits, and booking from a visit.
  case visits
  /// Métiers, certifications, labour needs and the structures directory: no personal data.
  case information
  case agenda
  /// An appointment found by its reference: move, cancel, slip, consent withdrawal.
  case appointments
  /// Operator structures, advisors, opening hours and routing rules.
  case operators
  case accounts
  case dashboard

  /// The roles allowed, in the order the refusal names them.
  public var roles: [Role] {
    switch self {
    case .visits: [.agent]
    case .information: Role.allCases
    case .agenda, .appointments: [.agent, .advisor]
    case .operators, .accounts: [.administrator]
    case .dashboard: [.supervisor, .administrator]
    }
  }

  public func allows(_ role: Role?) -> Bool {
    role.map(roles.contains) ?? false
  }

  /// « Réservé aux administrateurs. », « Réservé aux agents d'accueil et aux conseillers. »
  public var refusal: String {
    "Réservé " + roles.map { "aux " + $0.plural }.joined(separator: " et ") + "."
  }
}

extension Route {
  /// The feature a route belongs to; nil for the home screen and help, open to everyone signed in.
  public var feature: ConsoleFeature? {
    switch self {
    case .home, .help: nil
    case .queue, .todayVisits, .visitForm, .booking: .visits
    case .search, .occupation, .certification, .labourNeeds, .structures: .information
    case .agenda: .agenda
    case .appointment: .appointments
    case .admin: .operators
    case .accounts: .accounts
    case .dashboard: .dashboard
    }
  }
}
