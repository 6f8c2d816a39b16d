import Foundation
import GRDB
import GuichetCore

/// A contact the retention purge would erase, as `guichet purge --dry-run` lists it: ids and dates only.
public struct ExpiredContact: Equatable, Sendable {
  public var contactID: Int64
  public var consentID: Int64
  /// The appointment's last event (end, or the status recorded after it), or the consent when nothing was booked.
  public var lastEventAt: Date
  public var retentionDays: Int
}

/// What one retention run removed, and whether erased values may still sit in the `-wal`.
public struct RetentionReport: Sendable {
  public var contacts: [ExpiredContact]
  public var auditEntries: Int
  public var searchMisses: Int
  public var ledgerRows: Int
  public var scrub: ScrubState
  /// Why the trail's head could not be written outside the file, when it could not; everything else was done.
  public var witnessFailure: String?
}

extension AppDatabase {
  /// Contacts kept longer than their consent text announced (3 months by default): that many days after the
  /// appointment's last event, unless an appointment is still to come. Oldest first.
  public func expiredContacts(now: Date = Date()) throws -> [ExpiredContact] {
    try StoreErrors.run("Recherche des coordonnées expirées") {
      try writer.read { db in try Self.expiredContacts(db, now: now) }
    }
  }

  /// Erases the expired contacts in one transaction (the consent rows keep their proof, visits and appointments
  /// stay for statistics) with the search misses holding their names, records the purge in the audit trail,
  /// then checkpoints so the erased names leave the WAL too (the scrub mark waits if a desk is reading). Runs at console start, daily, and by `guichet purge`. Returns what was erased.
  @discardableResult
  public func purgeExpiredContacts(now: Date = Date()) throws -> [ExpiredContact] {
    let erased = try eraseExpiredContacts(now: now)
    if !erased.isEmpty { try completePendingScrub() }
    return erased
  }

  /// The erasing transaction of `purgeExpiredContacts`, without its checkpoint (`purgeForRetention` runs one
  /// checkpoint for everything it erased).
  func eraseExpiredContacts(now: Date) throws -> [ExpiredContact] {
    try StoreErrors.run("Effacement des coordonnées expirées") {
      try writer.write { db -> [ExpiredContact] in
        let expired = try Self.expiredContacts(db, now: now)
        guard !expired.isEmpty else { return [] }
        for contact in expired {
          if let names = try Row.fetchOne(
            db, sql: "SELECT first_name, last_name FROM contact WHERE id = ?",
            arguments: [contact.contactID])
          {
            try Self.forgetSearchMisses(db, firstName: names[0], lastName: names[1])
          }
          try db.execute(sql: "DELETE FROM contact WHERE id = ?", arguments: [contact.contactID])
          try AuditLog.append(
            db, by: nil, action: .contactsPurged, subject: "contact", subjectID: contact.contactID,
            at: now)
        }
        try Self.markScrubPending(db, at: now)
        return expired
      }
    }
  }

  /// Everything retention does, in order: expired contacts, old audit entries, search misses past
  /// `searchMissRetentionDays`, erasure-ledger rows past `ErasureLedger.retentionDays`, then a TRUNCATE
  /// checkpoint that finishes any scrub left pending. `guichet purge` always checkpoints (`alwaysCheckpoint`);
  /// the console's start and day change only when something was erased or a scrub waits, so a desk does not
  /// copy the whole WAL, or wait on another desk's read, before its first frame.
  public func purgeForRetention(
    now: Date = Date(), auditMonths: Int = AppDatabase.defaultAuditRetentionMonths,
    occasion: AuditWitness.Occasion = .purge, alwaysCheckpoint: Bool = true
  ) throws -> RetentionReport {
    let contacts = try eraseExpiredContacts(now: now)
    let auditPurge = try purgeAuditUnwitnessed(keepingMonths: auditMonths, now: now)
    // The head goes outside the file as soon as the audit purge is committed, so a later step that fails
    // (a busy file) cannot leave its anchor unwitnessed; a witness failure stops nothing else.
    var witnessFailure: String?
    do {
      try witness(auditPurge, occasion: occasion, now: now)
    } catch let error as UserError {
      witnessFailure = error.message
    }
    let (misses, ledger) = try StoreErrors.run(
      "Purge des recherches et du registre des effacements"
    ) {
      try writer.write { db in
        let misses = try Self.purgeSearchMisses(db, before: Self.searchMissCutoff(now: now))
        let ledger = try ErasureLedger.purge(db, now: now)
        if misses > 0 { try Self.markScrubPending(db, at: now) }
        return (misses, ledger)
      }
    }
    let checkpoint =
      try alwaysCheckpoint || !contacts.isEmpty || misses > 0 || isScrubPending()
    return RetentionReport(
      contacts: contacts, auditEntries: auditPurge.removed, searchMisses: misses,
      ledgerRows: ledger, scrub: checkpoint ? try completePendingScrub() : .clean,
      witnessFailure: witnessFailure)
  }

  static func expiredContacts(_ db: Database, now: Date) throws -> [ExpiredContact] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT ct.id AS contact_id, c.id AS consent_id, t.retention_days,
          coalesce((SELECT max(max(a.ends_at, coalesce(a.status_at, a.ends_at))) FROM appointment a
                    WHERE a.consent_id = c.id), c.given_at) AS last_event
        FROM contact ct
        JOIN consent c ON c.id = ct.consent_id
        JOIN consent_text t ON t.version = c.text_version
        WHERE NOT EXISTS (
          SELECT 1 FROM appointment a WHERE a.consent_id = c.id AND a.cancelled_at IS NULL AND a.ends_at > ?1)
        ORDER BY last_event, ct.id
        """, arguments: [now]
    ).compactMap { row -> ExpiredContact? in
      let last: Date = row["last_event"]
      let days: Int = row["retention_days"]
      guard now.timeIntervalSince(last) > Double(days) * 86_400 else { return nil }
      return ExpiredContact(
        contactID: row["contact_id"], consentID: row["consent_id"], lastEventAt: last,
        retentionDays: days)
    }
  }
}
