import GuichetCore

extension Route {
  /// The store permission a screen needs, from `Permission`; nil for the screens every signed-in role may
  /// open (home, help, and the information lookup, which holds no personal data).
  public var permission: Permission? {
    switch self {
    case .home, .help: nil
    case .queue, .todayVisits, .visitForm, .booking: .codeVisit
    case .search, .occupation, .certification, .labourNeeds, .structures: nil
    case .agenda: .readAgenda
    case .appointment: .changeAppointment
    case .admin: .administerOperators
    case .accounts: .administerAccounts
    case .dashboard: .readSupervision
    }
  }
}
