import Crypto
import Foundation
import GRDB
import GuichetCore

/// The erasures a restore must redo. A backup taken before an erasure still holds the person; the ledger
/// lets `guichet restore` erase them again without keeping what was erased: each erased phone and e-mail is
/// stored as HMAC-SHA256 under this file's secret key, never in clear. A row is kept `retentionDays`, as long
/// as backups may be kept; an older backup must not be restored (the README says so).
public enum ErasureLedger {
  /// How long an erasure is remembered, and so how long a backup may be kept.
  public static let retentionDays = 366

  /// One erased value, as carried from the live file into a restored one.
  public struct Entry: Equatable, Sendable {
    public var secret: Data
    public var kind: String
    public var digest: Data
    public var erasedAt: Date
  }

  static func digest(_ kind: String, _ value: String, secret: Data) -> Data {
    Data(
      HMAC<SHA256>.authenticationCode(
        for: Data("\(kind):\(value)".utf8), using: SymmetricKey(data: secret)))
  }

  /// Records the erased contact's phone and e-mail under this file's own key (the first one).
  static func record(_ db: Database, phone: String?, email: String?, at date: Date) throws {
    guard
      let key = try Row.fetchOne(db, sql: "SELECT id, secret FROM erasure_key ORDER BY id LIMIT 1")
    else { return }
    let secret: Data = key["secret"]
    for (kind, value) in [("phone", phone), ("email", email)] {
      guard let value else { continue }
      try db.execute(
        sql: """
          INSERT INTO erasure_ledger (key_id, kind, digest, erased_at) VALUES (?, ?, ?, ?)
          ON CONFLICT (key_id, kind, digest) DO UPDATE SET erased_at = max(erased_at, excluded.erased_at)
          """,
        arguments: [key["id"] as Int64, kind, digest(kind, value, secret: secret), date])
    }
  }

  /// Every row of the ledger with its key, to carry into a restored copy.
  static func entries(_ db: Database) throws -> [Entry] {
    guard try db.tableExists("erasure_ledger") else { return [] }
    return try Row.fetchAll(
      db,
      sql: """
        SELECT k.secret, l.kind, l.digest, l.erased_at FROM erasure_ledger l
        JOIN erasure_key k ON k.id = l.key_id ORDER BY l.id
        """
    ).map {
      Entry(secret: $0["secret"], kind: $0["kind"], digest: $0["digest"], erasedAt: $0["erased_at"])
    }
  }

  /// Adds the entries (and their keys) to this file's ledger, keeping the later erasure time.
  static func carry(_ entries: [Entry], into db: Database) throws {
    for entry in entries {
      try db.execute(
        sql: "INSERT INTO erasure_key (secret) VALUES (?) ON CONFLICT (secret) DO NOTHING",
        arguments: [entry.secret])
      try db.execute(
        sql: """
          INSERT INTO erasure_ledger (key_id, kind, digest, erased_at)
          VALUES ((SELECT id FROM erasure_key WHERE secret = ?), ?, ?, ?)
          ON CONFLICT (key_id, kind, digest) DO UPDATE SET erased_at = max(erased_at, excluded.erased_at)
          """, arguments: [entry.secret, entry.kind, entry.digest, entry.erasedAt])
    }
  }

  /// The consents whose contact matches a ledger row (phone or e-mail) and was given before that erasure:
  /// a person who came back and consented again after being erased keeps the new contact.
  static func matchingConsents(_ db: Database) throws -> [Int64] {
    let keys = try Row.fetchAll(db, sql: "SELECT id, secret FROM erasure_key ORDER BY id")
    var erasedAt: [Data: Date] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT key_id, kind, digest, erased_at FROM erasure_ledger")
    {
      let key: Data =
        Data("\(row["key_id"] as Int64)/\(row["kind"] as String)/".utf8) + (row["digest"] as Data)
      erasedAt[key] = row["erased_at"]
    }
    guard !erasedAt.isEmpty else { return [] }
    let contacts = try Row.fetchAll(
      db,
      sql: """
        SELECT ct.consent_id, ct.phone, ct.email, c.given_at FROM contact ct
        JOIN consent c ON c.id = ct.consent_id ORDER BY ct.id
        """)
    return contacts.compactMap { contact -> Int64? in
      let givenAt: Date = contact["given_at"]
      for key in keys {
        let keyID: Int64 = key["id"]
        for kind in ["phone", "email"] {
          guard let value: String = contact[kind] else { continue }
          let lookup =
            Data("\(keyID)/\(kind)/".utf8) + digest(kind, value, secret: key["secret"])
          if let erased = erasedAt[lookup], givenAt <= erased { return contact["consent_id"] }
        }
      }
      return nil
    }
  }

  /// Drops the rows older than `retentionDays`, and the carried keys no row uses any more.
  static func purge(_ db: Database, now: Date) throws -> Int {
    try db.execute(
      sql: "DELETE FROM erasure_ledger WHERE erased_at < ?",
      arguments: [now.addingTimeInterval(-Double(retentionDays) * 86_400)])
    let removed = db.changesCount
    try db.execute(
      sql: """
        DELETE FROM erasure_key WHERE id > (SELECT min(id) FROM erasure_key)
          AND id NOT IN (SELECT key_id FROM erasure_ledger)
        """)
    return removed
  }
}
