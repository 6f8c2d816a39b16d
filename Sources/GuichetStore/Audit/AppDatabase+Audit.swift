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

  /// The SQL guards of the trail: a file without one of them was edited by hand.
  static let auditTriggers = [
    "audit_entry_frozen", "audit_entry_kept", "audit_anchor_frozen", "audit_anchor_kept",
    "audit_anchor_forward",
  ]

  /// Recomputes every hash from the last anchor on. A modified entry changes its hash; a deleted one breaks
  /// the link of the next; a deleted last entry leaves SQLite's AUTOINCREMENT counter ahead of the last id.
  /// Inside the file it also checks that the counter was not moved back, that the guarding triggers are
  /// there and that the last anchor comes with the purge entry that wrote it. With `evidence` (heads seen
  /// outside the file), it finds what the file alone cannot show: a cut or emptied trail whose counter was
  /// reset, a history rewritten and re-chained, an anchor no witnessed purge wrote.
  public func verifyAudit(against evidence: AuditEvidence = AuditEvidence()) throws
    -> AuditVerification
  {
    try StoreErrors.run("Vérification du journal d'audit") {
      try writer.read { db in
        let trail = try AuditTrailState.read(db)
        let problem =
          try Self.chainProblem(db, trail)
          ?? (try Self.consistencyProblem(db, trail))
          ?? Self.witnessProblem(trail, evidence)
        return AuditVerification(entries: trail.count, problem: problem)
      }
    }
  }

  /// The head as it is now: the last entry, else the last anchor, else the genesis.
  public func auditHead() throws -> (head: AuditHead, anchor: AuditAnchorMark?) {
    try StoreErrors.run("Lecture de la tête du journal d'audit") {
      try writer.read { db in try AuditTrailState.head(db) }
    }
  }

  /// Writes the head to the witness (`auditWitness`) for `guichet audit head` (purges write theirs through
  /// `witness(_:)`). Returns the head written.
  @discardableResult
  public func witnessAuditHead(now: Date = Date()) throws -> AuditHead {
    let (head, anchor) = try auditHead()
    try auditWitness?.record(head, anchor: anchor, occasion: .head, at: now)
    return head
  }

  static func chainProblem(_ db: Database, _ trail: AuditTrailState) throws -> String? {
    let anchor = trail.anchors.last
    var expectedPrevious = anchor?.hash ?? AuditLog.genesis
    var expectedID = (anchor?.through ?? 0) + 1
    let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_entry ORDER BY id")
    while let row = try rows.next() {
      let fields = AuditLog.Fields(row: row)
      if fields.id != expectedID {
        return "entrée n° \(expectedID) manquante (supprimée hors de la purge prévue)"
      }
      if fields.previousHash != expectedPrevious {
        return
          "chaînage rompu à l'entrée n° \(fields.id) : l'entrée précédente a été modifiée ou supprimée"
      }
      let stored: String = row["hash"]
      if fields.hash != stored { return "l'entrée n° \(fields.id) a été modifiée" }
      expectedPrevious = stored
      expectedID += 1
    }
    if trail.sequence >= expectedID {
      return "entrée(s) n° \(expectedID) à \(trail.sequence) supprimée(s) à la fin du journal"
    }
    return nil
  }

  /// What the file says about itself, beyond the chain.
  static func consistencyProblem(_ db: Database, _ trail: AuditTrailState) throws -> String? {
    if trail.sequence < trail.head.entry {
      return
        "le compteur des entrées (sqlite_sequence, \(trail.sequence)) a été reculé sous la dernière entrée n° \(trail.head.entry)"
    }
    let triggers = try Set(
      String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    if let missing = auditTriggers.first(where: { !triggers.contains($0) }) {
      return "la protection SQL du journal a été retirée (déclencheur \(missing) absent)"
    }
    // A purge writes its anchor and, in the same transaction, an entry after it dated alike (naming the
    // anchor since this version); later purges write later anchors, so the last one's entry is never removed.
    if let anchor = trail.anchors.last {
      let accompanied = try Bool.fetchOne(
        db,
        sql: """
          SELECT 1 FROM audit_entry
          WHERE id > ?1 AND action = ?2 AND at = ?3
            AND ((subject = 'audit_anchor' AND subject_id = ?1) OR subject IS NULL)
          LIMIT 1
          """,
        arguments: [anchor.through, AuditAction.auditPurged.rawValue, anchor.purgedAt])
      if accompanied != true {
        return
          "l'ancre n° \(anchor.through) n'est suivie d'aucune entrée de purge : elle a été ajoutée hors de la purge prévue"
      }
    }
    return nil
  }

  /// Compares the trail with the heads seen outside the file: each one must still be there with the same
  /// hash (or covered by an anchor with that hash), and every anchor written since the witness started must
  /// be one a witnessed purge wrote.
  static func witnessProblem(_ trail: AuditTrailState, _ evidence: AuditEvidence) -> String? {
    let seen =
      evidence.lines.map { ($0.head, "vue par le témoin le \($0.at)") }
      + evidence.heads.map { ($0, "donnée par --head") }
    let latestAnchor = trail.anchors.last?.through ?? 0
    for (head, source) in seen.sorted(by: { $0.0.entry > $1.0.entry }) where head.entry > 0 {
      if let hash = trail.hashes[head.entry] ?? trail.anchorHash(head.entry) {
        if hash != head.hash {
          return
            "l'entrée n° \(head.entry) ne correspond plus à la tête \(source) : l'historique a été réécrit"
        }
      } else if trail.count == 0 && head.entry > latestAnchor {
        return
          "journal vidé : la tête n° \(head.entry) \(source) n'y est plus, il ne reste aucune entrée"
      } else if head.entry > trail.head.entry {
        return
          "journal tronqué : la tête n° \(head.entry) \(source) n'y est plus, il s'arrête à l'entrée n° \(trail.head.entry)"
      } else if head.entry > latestAnchor {
        return "entrée n° \(head.entry) manquante (tête \(source))"
      }
    }
    guard let first = evidence.lines.min(by: { $0.entry < $1.entry }) else { return nil }
    // Anchors older than the first witnessed head are history the witness never saw.
    let base = first.anchor?.through ?? 0
    let witnessed = evidence.lines.compactMap(\.purged) + (first.anchor.map { [$0] } ?? [])
    for mark in witnessed where trail.anchorHash(mark.through) != mark.hash {
      return
        "l'ancre n° \(mark.through) vue par le témoin a été supprimée ou modifiée"
    }
    let purged = Set(evidence.lines.compactMap(\.purged).map(\.through))
    for anchor in trail.anchors where anchor.through > base && !purged.contains(anchor.through) {
      return
        "l'ancre n° \(anchor.through) est inconnue du témoin : elle a été ajoutée hors d'une purge témoignée"
    }
    return nil
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
  /// removed, so the remaining chain still verifies. The purge itself is recorded, naming its anchor. Then
  /// the head, and the anchor if one was written, go to the witness (`auditWitness`), even when nothing was
  /// removed: a witness failure is thrown after the purge is committed. Returns how many entries went.
  @discardableResult
  public func purgeAudit(
    keepingMonths months: Int = defaultAuditRetentionMonths, now: Date = Date(),
    occasion: AuditWitness.Occasion = .purge
  ) throws -> Int {
    let purge = try purgeAuditUnwitnessed(keepingMonths: months, now: now)
    try witness(purge, occasion: occasion, now: now)
    return purge.removed
  }

  /// What one audit purge did: entries removed, the anchor it wrote, the head and last anchor after it.
  struct AuditPurge {
    var removed: Int
    var created: AuditAnchorMark?
    var head: AuditHead
    var anchor: AuditAnchorMark?
  }

  /// The purge without its witness, for `purgeForRetention`, which keeps a witness failure in its report.
  func purgeAuditUnwitnessed(keepingMonths months: Int, now: Date) throws -> AuditPurge {
    guard Self.auditRetentionMonths.contains(months) else {
      throw UserError("Le journal d'audit se garde de 6 à 12 mois.")
    }
    let cutoff = Self.monthsBefore(now, months)
    return try StoreErrors.run("Purge du journal d'audit") {
      try writer.write { db -> AuditPurge in
        guard
          let last = try Row.fetchOne(
            db,
            sql: "SELECT id, hash FROM audit_entry WHERE at < ? ORDER BY id DESC LIMIT 1",
            arguments: [cutoff])
        else {
          let (head, anchor) = try AuditTrailState.head(db)
          return AuditPurge(removed: 0, created: nil, head: head, anchor: anchor)
        }
        let anchor = AuditAnchorMark(through: last["id"], hash: last["hash"])
        try db.execute(
          sql: "INSERT INTO audit_anchor (through_id, hash, purged_at) VALUES (?, ?, ?)",
          arguments: [anchor.through, anchor.hash, now])
        try db.execute(sql: "DELETE FROM audit_entry WHERE id <= ?", arguments: [anchor.through])
        let removed = db.changesCount
        try AuditLog.append(
          db, by: nil, action: .auditPurged, subject: "audit_anchor", subjectID: anchor.through,
          count: removed, at: now)
        let (head, latest) = try AuditTrailState.head(db)
        return AuditPurge(removed: removed, created: anchor, head: head, anchor: latest)
      }
    }
  }

  /// Writes a committed purge's head (and anchor) to `auditWitness`; a failure says the purge was done.
  func witness(_ purge: AuditPurge, occasion: AuditWitness.Occasion, now: Date) throws {
    guard let auditWitness else { return }
    do {
      try auditWitness.record(
        purge.head, anchor: purge.anchor, purged: purge.created,
        occasion: occasion, at: now)
    } catch let error as UserError {
      throw UserError(
        "Purge du journal faite (\(purge.removed) entrée(s)), mais sa tête n'a pas été notée : \(error.message)"
      )
    }
  }

  /// `date` minus whole calendar months, in Paris.
  static func monthsBefore(_ date: Date, _ months: Int) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = Day.parisTimeZone
    return calendar.date(byAdding: .month, value: -months, to: date) ?? date
  }
}

/// The trail as verification needs it: every entry's hash (ids only, a few MB for a year of a busy site),
/// the anchors, the AUTOINCREMENT counter and the head.
struct AuditTrailState: Sendable {
  struct Anchor: Sendable {
    var through: Int64
    var hash: String
    var purgedAt: DatabaseValue
  }

  var hashes: [Int64: String]
  var anchors: [Anchor]
  var sequence: Int64
  var head: AuditHead

  var count: Int { hashes.count }

  func anchorHash(_ through: Int64) -> String? {
    anchors.first { $0.through == through }?.hash
  }

  static func read(_ db: Database) throws -> AuditTrailState {
    var hashes: [Int64: String] = [:]
    var last: AuditHead?
    let rows = try Row.fetchCursor(db, sql: "SELECT id, hash FROM audit_entry ORDER BY id")
    while let row = try rows.next() {
      let head = AuditHead(entry: row["id"], hash: row["hash"])
      hashes[head.entry] = head.hash
      last = head
    }
    let anchors = try Row.fetchAll(
      db, sql: "SELECT through_id, hash, purged_at FROM audit_anchor ORDER BY through_id"
    ).map { Anchor(through: $0["through_id"], hash: $0["hash"], purgedAt: $0["purged_at"]) }
    let sequence =
      try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'")
      ?? 0
    let head =
      last ?? anchors.last.map { AuditHead(entry: $0.through, hash: $0.hash) }
      ?? AuditHead(entry: 0, hash: AuditLog.genesis)
    return AuditTrailState(hashes: hashes, anchors: anchors, sequence: sequence, head: head)
  }

  /// The head alone (last entry, else last anchor, else the genesis) and the last anchor: two indexed rows,
  /// for the purge and `audit head`, which run at every console start and must not read the whole trail.
  static func head(_ db: Database) throws -> (head: AuditHead, anchor: AuditAnchorMark?) {
    let anchor = try Row.fetchOne(
      db, sql: "SELECT through_id, hash FROM audit_anchor ORDER BY through_id DESC LIMIT 1"
    ).map { AuditAnchorMark(through: $0["through_id"], hash: $0["hash"]) }
    let last = try Row.fetchOne(
      db, sql: "SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1"
    )
    .map { AuditHead(entry: $0["id"], hash: $0["hash"]) }
    let head =
      last ?? anchor.map { AuditHead(entry: $0.through, hash: $0.hash) }
      ?? AuditHead(entry: 0, hash: AuditLog.genesis)
    return (head, anchor)
  }
}

extension AuditTrailState.Anchor {
  var mark: AuditAnchorMark { AuditAnchorMark(through: through, hash: hash) }
}
