import Foundation

/// A person who logs in to the console: a login and a role, never their password or its hash outside the store.
public struct Account: Equatable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var login: String
  public var role: Role
  /// The operator structure of an advisor.
  public var structureID: Int64?
  public var isDisabled: Bool
  /// Set after too many wrong passwords; the account opens again after this instant.
  public var lockedUntil: Date?
  public var createdAt: Date

  public init(
    id: Int64, login: String, role: Role, structureID: Int64?, isDisabled: Bool,
    lockedUntil: Date?, createdAt: Date
  ) {
    self.id = id
    self.login = login
    self.role = role
    self.structureID = structureID
    self.isDisabled = isDisabled
    self.lockedUntil = lockedUntil
    self.createdAt = createdAt
  }

  public var caller: Caller { Caller(accountID: id, role: role, structureID: structureID) }
}

/// Whether anyone can administer a database's accounts, which decides what its login screen offers: the
/// first administrator's form only on a database with no account at all, since whoever stands at the desk
/// could fill it in.
public enum AdministrationState: Equatable, Sendable {
  case noAccount
  /// Accounts exist but no administrator is active: one is created or re-enabled on the host.
  case noActiveAdministrator
  case administered

  /// The host commands that give a database an administrator again, run as the service account.
  public static let hostCommands =
    "guichet users add --login IDENTIFIANT --role administrateur, ou guichet users enable IDENTIFIANT"
}
