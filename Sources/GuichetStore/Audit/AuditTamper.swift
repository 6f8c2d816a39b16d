import Foundation
import GRDB
import GuichetCore

/// What someone who can write the database file could do to the audit trail with the `sqlite3` tool (issue
/// 13): one list that the end-to-end test and `guichet bench --only attacks` both run, each variant on its
/// own temporary file, with raw SQL through a plain connection. Where the triggers stand in the way, the
/// attacker drops them and, except in `dropTriggersThenUpdate`, creates them again afterwards, so the
/// file looks guarded.
public enum AuditTamper: String, CaseIterable, Sendable {
  case editWithTriggers
  case deleteWithTriggers
  case deleteMiddle
  case deleteTail
  case truncateWithSequence
  case deleteAll
  case forgedAnchorDeleteAll
  case forgedAnchorDeletePrefix
  case forgedAnchorWithPurgeEntry
  case reorder
  case rechainedHistory
  case forgedEntryInserted
  case dropTriggersThenUpdate
  case replaceTable
  case rollBack
  case wipeEverything
  case anchorRemoved
  case counterMovedBack

  public var label: String {
    switch self {
    case .editWithTriggers: "modifier une entrée (déclencheurs en place)"
    case .deleteWithTriggers: "supprimer une entrée (déclencheurs en place)"
    case .deleteMiddle: "supprimer une entrée du milieu"
    case .deleteTail: "supprimer les dernières entrées"
    case .truncateWithSequence: "tronquer la fin et reculer sqlite_sequence"
    case .deleteAll: "supprimer toutes les entrées"
    case .forgedAnchorDeleteAll: "ancre forgée puis suppression de tout le journal"
    case .forgedAnchorDeletePrefix: "ancre forgée puis suppression du début"
    case .forgedAnchorWithPurgeEntry: "ancre forgée, début supprimé et entrée de purge forgée"
    case .reorder: "intervertir deux entrées"
    case .rechainedHistory: "réécrire l'historique et recalculer le chaînage SHA-256"
    case .forgedEntryInserted: "insérer une entrée forgée au milieu, chaînage recalculé"
    case .dropTriggersThenUpdate: "retirer les déclencheurs puis modifier une entrée"
    case .replaceTable: "remplacer toute la table, déclencheurs recréés"
    case .rollBack: "remettre une copie plus ancienne du fichier"
    case .wipeEverything: "vider entrées, ancres et compteur (base neuve en apparence)"
    case .anchorRemoved: "supprimer l'ancre de la dernière purge"
    case .counterMovedBack: "reculer sqlite_sequence sous la dernière entrée"
    }
  }

  /// Applies the attack to the file at `path` (`olderCopy` is the same file taken before the last entries).
  /// Returns false when SQL refused it (a trigger), in which case the file is unchanged.
  public func apply(to path: String, olderCopy: String) throws -> Bool {
    if self == .rollBack {
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
      try FileManager.default.copyItem(atPath: olderCopy, toPath: path)
      return true
    }
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    do {
      try queue.write { db in try attack(db) }
      return true
    } catch let error as DatabaseError where error.message?.contains("audit") == true {
      return false
    }
  }

  // The trial's trail runs from entry 6 to 15, after an anchor through entry 5 (see `AuditTamperTrial`).
  func attack(_ db: Database) throws {
    switch self {
    case .editWithTriggers:
      try db.execute(sql: "UPDATE audit_entry SET account_id = 99 WHERE id = 8")
    case .deleteWithTriggers:
      try db.execute(sql: "DELETE FROM audit_entry WHERE id = 8")
    case .deleteMiddle:
      try Self.recreatingGuards(db) { try db.execute(sql: "DELETE FROM audit_entry WHERE id = 8") }
    case .deleteTail:
      try Self.recreatingGuards(db) {
        try db.execute(sql: "DELETE FROM audit_entry WHERE id >= 14")
      }
    case .truncateWithSequence:
      try Self.recreatingGuards(db) {
        try db.execute(
          sql: """
            DELETE FROM audit_entry WHERE id >= 14;
            UPDATE sqlite_sequence SET seq = 13 WHERE name = 'audit_entry';
            """)
      }
    case .deleteAll:
      try Self.recreatingGuards(db) { try db.execute(sql: "DELETE FROM audit_entry") }
    case .forgedAnchorDeleteAll:
      // The very statement of issue 13, which the triggers let through.
      try db.execute(
        sql: """
          INSERT INTO audit_anchor VALUES (15, (SELECT hash FROM audit_entry WHERE id = 15), '2025-01-01');
          DELETE FROM audit_entry;
          """)
    case .forgedAnchorDeletePrefix:
      try db.execute(
        sql: """
          INSERT INTO audit_anchor VALUES (12, (SELECT hash FROM audit_entry WHERE id = 12), '2026-02-01');
          DELETE FROM audit_entry WHERE id <= 12;
          """)
    case .forgedAnchorWithPurgeEntry:
      // A purge as the code writes it, entry included: only a witness of the real purges tells it apart.
      let at = "2026-02-01 08:00:00.000"
      try db.execute(
        sql: """
          INSERT INTO audit_anchor VALUES (12, (SELECT hash FROM audit_entry WHERE id = 12), ?);
          DELETE FROM audit_entry WHERE id <= 12;
          """, arguments: [at])
      try Self.rewrite(db) { entries in
        let last = entries[entries.count - 1]
        entries.append(
          AuditLog.Fields(
            id: last.id + 1, at: at, via: "system", accountID: nil, role: nil,
            action: AuditAction.auditPurged.rawValue, subject: "audit_anchor", subjectID: 12,
            count: 7, previousHash: ""))
      }
    case .reorder:
      try Self.recreatingGuards(db) {
        try db.execute(
          sql: """
            UPDATE audit_entry SET id = -1 WHERE id = 9;
            UPDATE audit_entry SET id = 9 WHERE id = 10;
            UPDATE audit_entry SET id = 10 WHERE id = -1;
            """)
      }
    case .rechainedHistory:
      try Self.rewrite(db) { entries in
        if let index = entries.firstIndex(where: { $0.id == 8 }) {
          entries[index].action = AuditAction.login.rawValue
          entries[index].accountID = 2
        }
      }
    case .forgedEntryInserted:
      try Self.rewrite(db) { entries in
        guard let index = entries.firstIndex(where: { $0.id == 9 }) else { return }
        var forged = entries[index]
        forged.action = AuditAction.contactExported.rawValue
        forged.subject = "contact"
        forged.subjectID = 1
        entries.insert(forged, at: index + 1)
        for later in (index + 1)..<entries.count { entries[later].id = entries[later - 1].id + 1 }
      }
    case .dropTriggersThenUpdate:
      try db.execute(
        sql: "DROP TRIGGER audit_entry_frozen; UPDATE audit_entry SET account_id = 99 WHERE id = 8")
    case .replaceTable:
      // A new table from the old one's own SQL, one entry left out, the rest renumbered and re-chained.
      var entries = try Row.fetchAll(db, sql: "SELECT * FROM audit_entry ORDER BY id").map(
        AuditLog.Fields.init(row:))
      let table = try String.fetchOne(
        db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'audit_entry'")
      guard let table, let first = entries.first else { return }
      entries.removeAll { $0.id == 10 }
      for index in entries.indices { entries[index].id = first.id + Int64(index) }
      try Self.recreatingGuards(db) {
        try db.execute(sql: "DROP TABLE audit_entry")
        try db.execute(sql: table)
        try Self.insert(db, Self.rechained(entries, from: first))
      }
    case .rollBack:
      break
    case .wipeEverything:
      try Self.recreatingGuards(db) {
        try db.execute(
          sql: """
            DELETE FROM audit_entry; DELETE FROM audit_anchor;
            DELETE FROM sqlite_sequence WHERE name = 'audit_entry';
            """)
      }
    case .anchorRemoved:
      try Self.recreatingGuards(db) { try db.execute(sql: "DELETE FROM audit_anchor") }
    case .counterMovedBack:
      try db.execute(sql: "UPDATE sqlite_sequence SET seq = 3 WHERE name = 'audit_entry'")
    }
  }

  /// Rewrites every entry after `change`, recomputing each SHA-256 link as the attacker can (the chain has
  /// no secret), puts the counter on the new last id, and puts the triggers back as they were.
  static func rewrite(_ db: Database, _ change: (inout [AuditLog.Fields]) -> Void) throws {
    var entries = try Row.fetchAll(db, sql: "SELECT * FROM audit_entry ORDER BY id").map(
      AuditLog.Fields.init(row:))
    guard let first = entries.first else { return }
    change(&entries)
    try recreatingGuards(db) {
      try db.execute(sql: "DELETE FROM audit_entry")
      try insert(db, rechained(entries, from: first))
    }
  }

  /// The entries with each `previous_hash` set to the hash of the one before, from `first`'s predecessor.
  static func rechained(_ entries: [AuditLog.Fields], from first: AuditLog.Fields)
    -> [AuditLog.Fields]
  {
    var previous = first.previousHash
    return entries.map { entry in
      var linked = entry
      linked.previousHash = previous
      previous = linked.hash
      return linked
    }
  }

  static func insert(_ db: Database, _ entries: [AuditLog.Fields]) throws {
    for entry in entries { try AuditLog.insert(db, entry) }
    if let last = entries.last {
      try db.execute(
        sql: "UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_entry'", arguments: [last.id])
    }
  }

  /// Drops the trail's triggers and indexes, runs `body`, then creates them again from their own SQL.
  static func recreatingGuards(_ db: Database, _ body: () throws -> Void) throws {
    let guards = try Row.fetchAll(
      db,
      sql: """
        SELECT type, name, sql FROM sqlite_master
        WHERE tbl_name IN ('audit_entry', 'audit_anchor') AND type IN ('trigger', 'index')
          AND sql IS NOT NULL
        """)
    for row in guards {
      let type: String = row["type"]
      let name: String = row["name"]
      try db.execute(sql: "DROP \(type == "trigger" ? "TRIGGER" : "INDEX") IF EXISTS \(name)")
    }
    try body()
    for row in guards { try db.execute(sql: row["sql"] as String) }
  }
}

/// One variant tried on its own file: the trail built as the store writes it, witnessed, then attacked.
public enum AuditTamperTrial {
  public struct Files: Sendable {
    public var database: String
    public var witness: String
    public var olderCopy: String
  }

  public struct Outcome: Sendable {
    public var variant: AuditTamper
    /// SQL refused the attack.
    public var blocked: Bool
    /// What `verifyAudit` said with the witness, nil when it found the trail intact.
    public var problem: String?
    public var held: Bool { blocked || problem != nil }
  }

  static let start = Date(timeIntervalSince1970: 1_736_157_600)  // 2025-01-06 10:00 UTC
  static let password = "une phrase de passe solide"

  /// A trail of 15 entries: an account created, 8 logins (two refused), a second account, then a purge of
  /// the first 5 (anchor through entry 5, the purge's own entry 11, witnessed), an older copy taken there,
  /// four more logins, and `guichet audit head` (entry 15).
  public static func prepare(_ variant: AuditTamper, in folder: URL) throws -> Files {
    let database = folder.appendingPathComponent("\(variant.rawValue).sqlite").path
    let files = Files(
      database: database, witness: database + ".audit-witness", olderCopy: database + ".older")
    for path in [files.database, files.witness, files.olderCopy] {
      try? FileManager.default.removeItem(atPath: path)
    }
    var store = try AppDatabase.open(path: database, bundledReference: false)
    store.passwordHasher = PasswordHasher(logRounds: 10, blockSize: 8, parallelism: 1)
    store.auditWitness = AuditWitness(file: files.witness, database: database, systemLog: false)
    let day: TimeInterval = 86_400
    let admin = try store.createAccount(
      login: "admin", role: .administrator, password: password, by: nil, now: start)
    for index in 1...8 {
      _ = try? store.authenticate(
        login: "admin", password: index.isMultiple(of: 3) ? "pas le bon mot de passe" : password,
        now: start.addingTimeInterval(Double(index) * day))
    }
    _ = try store.createAccount(
      login: "accueil", role: .agent, password: password, by: admin.caller,
      now: start.addingTimeInterval(9.5 * day))
    let purgeDay = AppDatabase.monthsBefore(start, -12).addingTimeInterval(4.5 * day)
    try store.purgeAudit(keepingMonths: 12, now: purgeDay)
    try store.writer.writeWithoutTransaction { db in
      try db.execute(sql: "VACUUM INTO ?", arguments: [files.olderCopy])
    }
    for index in 1...4 {
      _ = try store.authenticate(
        login: "accueil", password: password, now: purgeDay.addingTimeInterval(Double(index) * day))
    }
    try store.witnessAuditHead(now: purgeDay.addingTimeInterval(5 * day))
    return files
  }

  /// Prepares, attacks, then verifies against the witness file, all in this process.
  public static func run(_ variant: AuditTamper, in folder: URL) throws -> Outcome {
    let files = try prepare(variant, in: folder)
    let applied = try variant.apply(to: files.database, olderCopy: files.olderCopy)
    let lines = try AuditWitness.lines(inFile: files.witness, database: files.database)
    let result = try AppDatabase.open(path: files.database, bundledReference: false).verifyAudit(
      against: AuditEvidence(lines: lines))
    return Outcome(variant: variant, blocked: !applied, problem: result.problem)
  }
}
