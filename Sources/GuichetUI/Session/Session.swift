import Foundation
import GuichetCore

/// Who uses the console right now. Until someone logs in, and while the desk is locked, keys go to the
/// login screen only and nothing is loaded; the route stack underneath is kept as it was.
public enum Session: Equatable, Sendable {
  case signedOut(LoginScreen.State)
  case signedIn(Account)
  case locked(Account, LoginScreen.State)

  public var account: Account? {
    switch self {
    case .signedOut: nil
    case .signedIn(let account), .locked(let account, _): account
    }
  }

  public var isSignedIn: Bool {
    if case .signedIn = self { return true }
    return false
  }
}

/// What the login screen asks the store.
public enum SessionRequest: Equatable, Sendable {
  /// Whether the database has no account yet (then the first administrator's form), or no active
  /// administrator (then how to give it one on the host).
  case checkFirstAdministrator
  case logIn(login: String, password: String)
  case createFirstAdministrator(login: String, password: String)
  /// The session ended (`SessionEvent.accountNoLongerValid`): nothing more runs as that account.
  case signOut
  /// The agent hands the desk over (F12, then F12 on the lock screen): audited, then signed out.
  case changeUser
}

/// The store's answers.
public enum SessionEvent: Equatable, Sendable {
  case administrationChecked(AdministrationState)
  case signedIn(Account)
  /// Any refusal: the message is the same whether the account exists or not.
  case refused(UserError)
  /// The store refused the account the desk holds (`UserError.Kind.accountNoLongerValid`: disabled, or
  /// its role or structure changed since the login), whatever screen asked: the session ends.
  case accountNoLongerValid(UserError)
}
