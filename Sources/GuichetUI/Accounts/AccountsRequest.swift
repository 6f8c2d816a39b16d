import Foundation
import GuichetCore

/// One write on the accounts screen: each is one store call, in one transaction, checked and audited there.
/// A password travels in the request only, never in the screen's state once sent.
public enum AccountWrite: Equatable, Sendable {
  case create(login: String, role: Role, structureID: Int64?, password: String)
  case disable(login: String)
  case enable(login: String)
  case changePassword(login: String, password: String)

  public var login: String {
    switch self {
    case .create(let login, _, _, _), .disable(let login), .enable(let login),
      .changePassword(let login, _):
      login
    }
  }
}

/// The accounts screen's work for the runtime (administrators only; the store checks the caller).
public enum AccountsRequest: Equatable, Sendable {
  /// Every account, with the structures an advisor may belong to.
  case load
  case write(AccountWrite)
}

/// The answers to `AccountsRequest`.
public enum AccountsEvent: Equatable, Sendable {
  /// The accounts, the structures to name an advisor's, and each account's last login in the audit trail.
  case loaded([Account], structures: [OperatorStructure], lastLogins: [Int64: Date])
  /// Done; the message says what in French, the login is selected once the list reloads.
  case written(login: String, message: String)
  case failed(UserError)
}
