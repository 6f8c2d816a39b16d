import GRDB
import GuichetCore

/// A desk stays signed in for hours, and an administrator may disable its account (from another desk or with
/// `guichet users disable` on the host) meanwhile. The caller a desk holds was read at login, so every store
/// function that takes a caller asks the account table, in the transaction that does its work, that the
/// account is still active with the role and structure it signed in with; otherwise it refuses with
/// `UserError.accountNoLongerValid`, which sends the console back to its login screen. The command line (the
/// service account that owns the file) has no account and is exempt.
enum LiveAccount {
  /// SQL that holds while the caller's account is active as the role and structure it signed in with.
  static func condition(_ caller: Caller) -> (String, StatementArguments) {
    if caller.isCommandLine { return ("1", []) }
    guard let account = caller.accountID else { return ("0", []) }
    return (
      """
      EXISTS (SELECT 1 FROM account live WHERE live.id = ? AND live.is_disabled = 0
        AND live.role = ? AND live.structure_id IS ?)
      """,
      [account, caller.role.rawValue, caller.structureID]
    )
  }

  /// Refuses a stale caller, read in `db`, the caller's own transaction.
  static func require(_ caller: Caller, in db: Database) throws {
    if caller.isCommandLine { return }
    let (live, arguments) = condition(caller)
    guard try Bool.fetchOne(db, sql: "SELECT \(live)", arguments: arguments) == true else {
      throw UserError.accountNoLongerValid
    }
  }
}

extension Caller {
  /// The one permission check of the store, made inside the transaction that does the work: the account is
  /// still what it was at login (`LiveAccount`), then `Permission`'s table allows the role.
  func require(_ permission: Permission, in db: Database) throws {
    try LiveAccount.require(self, in: db)
    try require(permission)
  }

  /// The live-account half alone, for the calls every role may make and that filter rows by role instead
  /// (a contact shown when visible, duplicates among visible contacts, one's own password).
  func requireLive(in db: Database) throws {
    try LiveAccount.require(self, in: db)
  }
}
