import Foundation
import GRDB
import GuichetCore

/// What `guichet audit verify` found.
public struct AuditVerification: Equatable, Sendable {
  public var entries: Int
  /// French description of the first break in the chain, nil when the trail is intact.
  public var problem: String?
  public var isIntact: Bool { problem == nil }
}

/// One entry as `guichet audit list` shows it: ids and codes only.
public struct AuditEntry: Equatable, Sendable {
  public var id: Int64
  public var at: Date
  public var via: String
  public var accountID: Int64?
  public var role: Role?
  public var action: AuditAction?
  public var subject: String?
  public var subjectID: Int64?
  public var count: Int?
}

extension AppDatabase {
  /// Months audit entries are kept; the CNIL recommends 6 months to a year for access logs.
  public static let auditRetentionMonths = 6...12
  public static let defaultAuditRetentionMonths = 12

  /// Recomputes every hash from the last anchor on. A modified entry changes its hash; a deleted one breaks
  /// the link of the next; a deleted last entry leaves SQLite's AUTOINCREMENT counter ahead of the last id.
  public func verifyAudit() throws -> AuditVerification {
    try StoreErrors.run("Vérification du journal d'audit") {
      try writer.read { db in
        let anchor = try Row.fetchOne(
          db, sql: "SELECT through_id, hash FROM audit_anchor ORDER BY through_id DESC LIMIT 1")
        var expectedPrevious: String = anchor?["hash"] ?? AuditLog.genesis
        var expectedID: Int64 = (anchor?["through_id"] ?? 0) + 1
        var count = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_entry ORDER BY id")
        while let row = try rows.next() {
          let fields = AuditLog.Fields(row: row)
          if fields.id != expectedID {
            return AuditVerification(
              entries: count,
              problem: "entrée n° \(expectedID) manquante (supprimée hors de la purge prévue)")
          }
          if fields.previousHash != expectedPrevious {
            return AuditVerification(
              entries: count,
              problem:
                "chaînage rompu à l'entrée n° \(fields.id) : l'entrée précédente a été modifiée ou supprimée"
            )
          }
          let stored: String = row["hash"]
          if fields.hash != stored {
            return AuditVerification(
              entries: count, problem: "l'entrée n° \(fields.id) a été modifiée")
          }
          expectedPrevious = stored
          expectedID += 1
          count += 1
        }
        let sequence =
          try Int64.fetchOne(
            db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'") ?? 0
        if sequence >= expectedID {
          return AuditVerification(
            entries: count,
            problem: "entrée(s) n° \(expectedID) à \(sequence) supprimée(s) à la fin du journal")
        }
        return AuditVerification(entries: count, problem: nil)
      }
    }
  }

  /// The latest entries, newest first, optionally about one row (`subject` « contact », `subjectID`).
  /// Administrators only (`Permission.readAudit`): the trail says who looked at whom.
  public func auditEntries(
    subject: String? = nil, subjectID: Int64? = nil, limit: Int = 100, by caller: Caller
  ) throws -> [AuditEntry] {
    try StoreErrors.run("Lecture du journal d'audit") {
      try writer.read { db in
        try caller.require(.readAudit, in: db)
        return try Row.fetchAll(
          db,
          sql: """
            SELECT * FROM audit_entry
            WHERE (?1 IS NULL OR subject = ?1) AND (?2 IS NULL OR subject_id = ?2)
            ORDER BY id DESC LIMIT ?3
            """, arguments: [subject, subjectID, limit]
        ).map { row in
          AuditEntry(
            id: row["id"], at: row["at"], via: row["via"], accountID: row["account_id"],
            role: (row["role"] as String?).flatMap(Role.init(rawValue:)),
            action: AuditAction(rawValue: row["action"]), subject: row["subject"],
            subjectID: row["subject_id"], count: row["count"])
        }
      }
    }
  }

  /// Removes the entries older than `months` months, first writing an anchor with the hash of the last one
  /// removed, so the remaining chain still verifies. The purge itself is recorded. Returns how many went.
  @discardableResult
  public func purgeAudit(
    keepingMonths months: Int = defaultAuditRetentionMonths, now: Date = Date()
  ) throws -> Int {
    guard Self.auditRetentionMonths.contains(months) else {
      throw UserError("Le journal d'audit se garde de 6 à 12 mois.")
    }
    let cutoff = Self.monthsBefore(now, months)
    return try StoreErrors.run("Purge du journal d'audit") {
      try writer.write { db in
        guard
          let last = try Row.fetchOne(
            db,
            sql: "SELECT id, hash FROM audit_entry WHERE at < ? ORDER BY id DESC LIMIT 1",
            arguments: [cutoff])
        else { return 0 }
        let throughID: Int64 = last["id"]
        try db.execute(
          sql: "INSERT INTO audit_anchor (through_id, hash, purged_at) VALUES (?, ?, ?)",
          arguments: [throughID, last["hash"] as String, now])
        try db.execute(sql: "DELETE FROM audit_entry WHERE id <= ?", arguments: [throughID])
        let removed = db.changesCount
        try AuditLog.append(db, by: nil, action: .auditPurged, count: removed, at: now)
        return removed
      }
    }
  }

  /// `date` minus whole calendar months, in Paris.
  static func monthsBefore(_ date: Date, _ months: Int) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = Day.parisTimeZone
    return calendar.date(byAdding: .month, value: -months, to: date) ?? date
  }
}
