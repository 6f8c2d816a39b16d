import Foundation
import GuichetCore
import GuichetStore
import GuichetUI

/// The signed-in account, shared by the services: each store call that touches contact data passes it,
/// and none can run before a login.
public final class SessionCaller: @unchecked Sendable {
  private let lock = NSLock()
  private var caller: Caller?

  public init() {}

  func set(_ account: Account) {
    lock.withLock { caller = account.caller }
  }

  /// The store refused the account: nothing more runs as it until someone logs in again.
  func clear() {
    lock.withLock { caller = nil }
  }

  func current() throws -> Caller {
    guard let caller = lock.withLock({ caller }) else {
      throw UserError("Connectez-vous pour continuer.")
    }
    return caller
  }
}

/// What the login screen needs from the store; a successful login sets the session's caller.
struct SessionServices: Sendable {
  var administrationState: @Sendable () throws -> AdministrationState
  var logIn: @Sendable (String, String) throws -> Account
  var createFirstAdministrator: @Sendable (String, String) throws -> Account
  /// Drops the signed-in caller once the store no longer accepts it.
  var signOut: @Sendable () -> Void = {}
  /// The agent hands the desk over: the log-out is audited (except on a file that may only be browsed,
  /// where nothing is written), then nothing more runs as that account.
  var changeUser: @Sendable (Date) throws -> Void = { _ in }

  /// On a file that may only be browsed, the login is checked without writing (no counter, no audit entry);
  /// every contact access still needs a write for its audit entry, so none happens there.
  static func live(_ database: AppDatabase, session: SessionCaller, readOnly: Bool)
    -> SessionServices
  {
    SessionServices(
      administrationState: { try database.administrationState() },
      logIn: { login, password in
        let account =
          readOnly
          ? try database.checkPassword(login: login, password: password)
          : try database.authenticate(login: login, password: password)
        session.set(account)
        return account
      },
      createFirstAdministrator: { login, password in
        _ = try database.createAccount(
          login: login, role: .administrator, password: password, by: nil)
        let account = try database.authenticate(login: login, password: password)
        session.set(account)
        return account
      },
      signOut: { session.clear() },
      changeUser: { now in
        defer { session.clear() }
        // No caller left (the store already ended the session): nothing to record.
        guard !readOnly, let caller = try? session.current() else { return }
        try database.logOut(by: caller, at: now)
      })
  }

  static let unavailable: SessionServices = {
    let error = UserError("Connexion indisponible.")
    return SessionServices(
      administrationState: { throw error }, logIn: { _, _ in throw error },
      createFirstAdministrator: { _, _ in throw error })
  }()
}

extension EffectInterpreter {
  func runSession(_ request: SessionRequest) -> [AppAction] {
    do {
      switch request {
      case .checkFirstAdministrator:
        return [.session(.administrationChecked(try services.session.administrationState()))]
      case .logIn(let login, let password):
        return [.session(.signedIn(try services.session.logIn(login, password)))]
      case .createFirstAdministrator(let login, let password):
        return [.session(.signedIn(try services.session.createFirstAdministrator(login, password)))]
      case .signOut:
        services.session.signOut()
        return []
      case .changeUser:
        try services.session.changeUser(now())
        return []
      }
    } catch {
      return [failure(error, "Connexion impossible") { .session(.refused($0)) }]
    }
  }
}
