import GRDB
import GuichetCore

/// A desk stays signed in for hours, and an administrator may disable its account (from another desk or with
/// `guichet users disable` on the host) meanwhile. The caller a desk holds was read at login, so every store
/// function that takes a caller asks the account table, in the transaction that does its work, that the
/// account is still active with the role and structure it signed in with; otherwise it refuses with
/// `UserError.accountNoLongerValid`, which sends the console back to its login screen. The command line (the
/// service account that owns the file) has no account and is exempt.
enum LiveAccount {
  /// Refuses a stale caller (its account disabled, or no longer the role and structure it signed in with),
  /// read in `db`, the caller's own transaction.
  static func require(_ caller: Caller, in db: Database) throws {
    if caller.isCommandLine { return }
    guard let account = caller.accountID,
      try Bool.fetchOne(
        db,
        sql: """
          SELECT EXISTS (SELECT 1 FROM account WHERE id = ? AND is_disabled = 0
            AND role = ? AND structure_id IS ?)
          """, arguments: [account, caller.role.rawValue, caller.structureID]) == true
    else { throw UserError.accountNoLongerValid }
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
