import Foundation
import GuichetCore
import GuichetStore
import GuichetUI

/// What the accounts screen needs from the store: the same functions `guichet users` uses, called as the
/// signed-in account, so the store decides (administrators only) and audits each write.
struct AccountsServices: Sendable {
  var load: @Sendable () throws -> ([Account], [OperatorStructure], [Int64: Date])
  /// Carries out one write and says in French what was done.
  var write: @Sendable (AccountWrite, Date) throws -> String

  static func live(_ database: AppDatabase, session: SessionCaller) -> AccountsServices {
    AccountsServices(
      load: {
        let caller = try session.current()
        return (
          try database.accounts(by: caller), try database.operatorStructures(includeInactive: true),
          try database.lastLogins(by: caller)
        )
      },
      write: { write, now in try perform(write, on: database, by: try session.current(), now: now) }
    )
  }

  static func perform(_ write: AccountWrite, on database: AppDatabase, by caller: Caller, now: Date)
    throws -> String
  {
    switch write {
    case .create(let login, let role, let structureID, let password):
      let account = try database.createAccount(
        login: login, role: role, structureID: structureID, password: password, by: caller,
        now: now)
      return "Compte créé : \(account.login) (\(account.role.label))."
    case .disable(let login):
      let account = try database.disableAccount(login: login, by: caller, now: now)
      return "Compte désactivé : \(account.login) ne peut plus se connecter."
    case .enable(let login):
      let account = try database.enableAccount(login: login, by: caller, now: now)
      return "Compte réactivé : \(account.login)."
    case .changePassword(let login, let password):
      try database.changePassword(login: login, to: password, by: caller, now: now)
      return "Mot de passe changé : \(login) (verrouillage levé s'il y en avait un)."
    }
  }

  static let unavailable: AccountsServices = {
    let error = UserError("Comptes indisponibles.")
    return AccountsServices(load: { throw error }, write: { _, _ in throw error })
  }()
}

extension EffectInterpreter {
  func runAccounts(_ request: AccountsRequest) -> [AppAction] {
    let accounts = services.accounts
    let actions: [AppAction]
    switch request {
    case .load:
      actions = attempt {
        let (list, structures, lastLogins) = try accounts.load()
        return .accounts(.loaded(list, structures: structures, lastLogins: lastLogins))
      }
    case .write(let write):
      actions = attempt {
        .accounts(.written(login: write.login, message: try accounts.write(write, now())))
      }
    }
    return reported(actions) { .accounts(.failed($0)) }
  }
}
