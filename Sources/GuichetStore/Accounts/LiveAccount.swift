import GRDB
import GuichetCore

/// A desk stays signed in for hours, and an administrator may disable its account from another desk meanwhile.
/// The caller a desk holds was read at login, so every row-level permission condition also asks the account
/// table: a disabled account (or one whose role or structure no longer match) reaches no contact and changes no
/// appointment from its next query on, without waiting for the desk to lock.
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

  /// `condition` joined to a row-level one.
  static func and(_ caller: Caller, _ rows: (String, StatementArguments)) -> (
    String, StatementArguments
  ) {
    let (live, arguments) = condition(caller)
    return ("(\(rows.0)) AND \(live)", rows.1 + arguments)
  }
}
