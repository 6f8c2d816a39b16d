/// What an account may see and do. Permissions are decided in the store from this, never by the screens alone.
public enum Role: String, CaseIterable, Codable, Sendable {
  /// Reception agent: records visits and books; sees the contact of the bookings they made only.
  case agent
  /// Advisor of one operator structure: sees the appointments (and their contacts) of that structure only.
  case advisor
  /// Supervisor: aggregates only, never a contact.
  case supervisor
  /// Administrator: accounts and operators; no contact data either.
  case administrator

  public var label: String {
    switch self {
    case .agent: "agent d'accueil"
    case .advisor: "conseiller"
    case .supervisor: "superviseur"
    case .administrator: "administrateur"
    }
  }

  /// The role from its code or its French label (« conseiller »), as typed on a command line.
  public init?(typed text: String) {
    let folded = text.lowercased()
    switch folded {
    case "agent", "accueil", "agent d'accueil": self = .agent
    case "advisor", "conseiller", "conseillere", "conseillère": self = .advisor
    case "supervisor", "superviseur", "superviseuse": self = .supervisor
    case "administrator", "admin", "administrateur", "administratrice": self = .administrator
    default: return nil
    }
  }
}
