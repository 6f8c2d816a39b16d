import Crypto
import Foundation
import GRDB
import GuichetCore

/// Appends hash-chained entries to the audit trail, inside the caller's write transaction, so an access
/// and its entry are committed together or not at all.
enum AuditLog {
  /// The previous hash of the very first entry.
  static let genesis = String(repeating: "0", count: 64)

  /// Where the actor acted from: a console account, the command line (the file's owner), or the automatic purge.
  enum Via: String {
    case console
    case commandLine = "command_line"
    case system
  }

  static func append(
    _ db: Database, by caller: Caller?, action: AuditAction, subject: String? = nil,
    subjectID: Int64? = nil, count: Int? = nil, via explicit: Via? = nil, at date: Date
  ) throws {
    let via: Via =
      explicit ?? (caller == nil ? .system : (caller?.accountID == nil ? .commandLine : .console))
    let id =
      (try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'")
        ?? 0) + 1
    let previous =
      try String.fetchOne(db, sql: "SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1")
      ?? String.fetchOne(
        db, sql: "SELECT hash FROM audit_anchor ORDER BY through_id DESC LIMIT 1") ?? genesis
    let fields = Fields(
      id: id, at: storedText(date), via: via.rawValue, accountID: caller?.accountID,
      role: caller?.role.rawValue, action: action.rawValue, subject: subject, subjectID: subjectID,
      count: count.map(Int64.init), previousHash: previous)
    try insert(db, fields)
  }

  /// Writes an entry as it is, hash included.
  static func insert(_ db: Database, _ fields: Fields) throws {
    try db.execute(
      sql: """
        INSERT INTO audit_entry
          (id, at, via, account_id, role, action, subject, subject_id, count, previous_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        fields.id, fields.at, fields.via, fields.accountID, fields.role, fields.action,
        fields.subject, fields.subjectID, fields.count, fields.previousHash, fields.hash,
      ])
  }

  /// Records that `caller` was shown a contact, unless the same account was shown it in the last 15 minutes:
  /// screens reload whenever another desk writes, and re-recording each reload would make desks with an
  /// agenda open wake each other forever (every entry is a write the others see).
  static func appendContactRead(_ db: Database, by caller: Caller, contactID: Int64?, at date: Date)
    throws
  {
    if let account = caller.accountID,
      try Bool.fetchOne(
        db,
        sql: """
          SELECT 1 FROM audit_entry
          WHERE subject = 'contact' AND subject_id = ? AND account_id = ? AND action = ? AND at >= ?
          LIMIT 1
          """,
        arguments: [
          contactID, account, AuditAction.contactRead.rawValue, date.addingTimeInterval(-900),
        ])
        == true
    {
      return
    }
    try append(
      db, by: caller, action: .contactRead, subject: "contact", subjectID: contactID, at: date)
  }

  /// The columns an entry's hash covers, in a fixed order (`previous_hash` chains it to the one before).
  struct Fields {
    var id: Int64
    var at: String
    var via: String
    var accountID: Int64?
    var role: String?
    var action: String
    var subject: String?
    var subjectID: Int64?
    var count: Int64?
    var previousHash: String

    init(
      id: Int64, at: String, via: String, accountID: Int64?, role: String?, action: String,
      subject: String?, subjectID: Int64?, count: Int64?, previousHash: String
    ) {
      self.id = id
      self.at = at
      self.via = via
      self.accountID = accountID
      self.role = role
      self.action = action
      self.subject = subject
      self.subjectID = subjectID
      self.count = count
      self.previousHash = previousHash
    }

    init(row: Row) {
      self.init(
        id: row["id"], at: row["at"], via: row["via"], accountID: row["account_id"],
        role: row["role"], action: row["action"], subject: row["subject"],
        subjectID: row["subject_id"], count: row["count"], previousHash: row["previous_hash"])
    }

    /// Each field is length-prefixed so no two different entries serialise the same way.
    var hash: String {
      let parts: [String?] = [
        String(id), at, via, accountID.map(String.init), role, action, subject,
        subjectID.map(String.init), count.map(String.init), previousHash,
      ]
      let text = parts.map { part in part.map { "\($0.utf8.count):\($0)" } ?? "-" }
        .joined(separator: "|")
      return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
  }

  /// The text SQLite stores for a date, which is what the hash covers.
  static func storedText(_ date: Date) -> String {
    String.fromDatabaseValue(date.databaseValue) ?? ""
  }
}
