import GRDB
import GuichetCore

/// The row-level part of `Permission` for contact data, as one SQL condition on a consent row, so every query
/// that could return a contact filters in SQL rather than after the fact:
/// - agent: contacts given under a consent they took themselves;
/// - advisor: contacts given for their own structure;
/// - supervisor and console administrator: none;
/// - the command line (the file's owner, who can read every byte anyway): all, and every access is audited.
/// Whether the caller's account is still active is checked once per transaction, before (`LiveAccount`).
enum ContactAccess {
  static func condition(_ caller: Caller, consent alias: String) -> (String, StatementArguments) {
    if caller.isCommandLine { return ("1", []) }
    return rows(caller, consent: alias)
  }

  static func rows(_ caller: Caller, consent alias: String) -> (String, StatementArguments) {
    guard Permission.readContact.allows(caller) else { return ("0", []) }
    switch caller.role {
    case .agent:
      guard let account = caller.accountID else { return ("0", []) }
      return ("\(alias).account_id = ?", [account])
    case .advisor:
      guard let structure = caller.structureID else { return ("0", []) }
      return ("\(alias).recipient_structure_id = ?", [structure])
    case .supervisor, .administrator:
      return ("0", [])
    }
  }

  static func mayRead(_ db: Database, _ caller: Caller, consentID: Int64) throws -> Bool {
    let (condition, arguments) = condition(caller, consent: "c")
    return try Bool.fetchOne(
      db, sql: "SELECT 1 FROM consent c WHERE c.id = ? AND \(condition)",
      arguments: [consentID] + arguments) ?? false
  }

  /// Writing a contact: the agent who took the consent (or the command line).
  static func mayWrite(_ db: Database, _ caller: Caller, consentID: Int64) throws -> Bool {
    guard Permission.writeContact.allows(caller) else { return false }
    return try mayRead(db, caller, consentID: consentID)
  }

  /// The row-level refusal (the role may read contacts, not this one).
  static let refused =
    "Accès refusé : ces coordonnées ont été recueillies par un autre agent d'accueil ou pour une autre structure."
}
