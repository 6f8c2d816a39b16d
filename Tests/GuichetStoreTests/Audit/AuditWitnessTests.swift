import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// The trail's head written outside the file, and what `verifyAudit` finds when compared with it.
@Suite struct AuditWitnessTests {
  let now = AccountFixtures.now

  /// A file database whose witness is a file next to it (no system log from tests).
  func store(_ label: String) throws -> (AppDatabase, AuditWitness) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-witness-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("guichet.sqlite").path
    var database = try AccountFixtures.database(
      AppDatabase.open(path: path, bundledReference: false))
    let witness = AuditWitness(
      file: AuditWitness.defaultFile(forDatabase: path), database: path, systemLog: false)
    database.auditWitness = witness
    _ = try AccountFixtures.administrator(database)
    for day in 1...5 {
      _ = try database.authenticate(
        login: "admin", password: AccountFixtures.password,
        now: now.addingTimeInterval(Double(day) * 86_400))
    }
    return (database, witness)
  }

  func lines(_ witness: AuditWitness) throws -> [AuditWitnessLine] {
    try AuditWitness.lines(inFile: witness.file, database: witness.database)
  }

  @Test func aPurgeWritesTheHeadAndTheAnchorItCreated() throws {
    let (database, witness) = try store("purge")
    let later = AppDatabase.monthsBefore(now, -12).addingTimeInterval(2.5 * 86_400)
    #expect(try database.purgeAudit(keepingMonths: 12, now: later) == 3)
    let written = try lines(witness)
    #expect(written.count == 1)
    let line = try #require(written.first)
    #expect(line.event == "purge")
    #expect(line.purged?.through == 3)
    #expect(line.anchor == line.purged)
    let (head, anchor) = try database.auditHead()
    #expect(line.head == head && head.entry == 7, "the purge's own entry is the head")
    #expect(anchor == line.purged)
    let mode = try FileManager.default.attributesOfItem(atPath: witness.file)[.posixPermissions]
    #expect((mode as? NSNumber)?.intValue == 0o600)
    // A purge that removes nothing still writes the head, without an anchor of its own.
    #expect(try database.purgeAudit(keepingMonths: 12, now: later, occasion: .dayChange) == 0)
    let second = try lines(witness)
    #expect(second.count == 2 && second[1].event == "day_change" && second[1].purged == nil)
    #expect(try database.verifyAudit(against: AuditEvidence(lines: second)).isIntact)
  }

  @Test func theHeadCommandWritesTheHeadOnly() throws {
    let (database, witness) = try store("head")
    let head = try database.witnessAuditHead(now: now)
    #expect(head.entry == 6)
    let line = try #require(try lines(witness).last)
    #expect(line.event == "head" && line.head == head && line.anchor == nil && line.purged == nil)
    #expect(line.database == AuditWitness.canonicalPath(witness.database))
    #expect(AuditHead(token: head.token) == head)
    #expect(AuditHead(token: "6:abc") == nil && AuditHead(token: "x:\(head.hash)") == nil)
  }

  @Test func aWitnessThatCannotBeWrittenIsAnErrorAfterThePurge() throws {
    var (database, _) = try store("unwritable")
    database.auditWitness = AuditWitness(
      file: "/nonexistent-folder/witness", database: "/tmp/x.sqlite", systemLog: false)
    let later = AppDatabase.monthsBefore(now, -12).addingTimeInterval(2.5 * 86_400)
    #expect(throws: UserError.self) { try database.purgeAudit(keepingMonths: 12, now: later) }
    #expect(try database.verifyAudit().isIntact, "the purge itself is committed")
    #expect(try AccountFixtures.rawCount(database, "SELECT count(*) FROM audit_anchor") == 1)
  }

  /// The retention purge (console start, day change, `guichet purge`) reports an unwritten witness instead of
  /// throwing it, after doing everything else, so `guichet purge` can still print what it erased.
  @Test func theRetentionPurgeReportsAnUnwrittenWitnessAndDoesTheRest() throws {
    var (database, _) = try store("retention-unwritable")
    database.auditWitness = AuditWitness(
      file: "/nonexistent-folder/witness", database: "/tmp/x.sqlite", systemLog: false)
    let later = AppDatabase.monthsBefore(now, -12).addingTimeInterval(2.5 * 86_400)
    let report = try database.purgeForRetention(now: later, auditMonths: 12)
    #expect(report.witnessFailure?.contains("n'a pas été notée") == true)
    #expect(report.auditEntries > 0)
    #expect(report.scrub == .clean)
    #expect(try database.verifyAudit().isIntact, "the purge itself is committed")
  }

  @Test func linesOfAnotherDatabaseAreIgnoredAndABrokenLineIsAnError() throws {
    let (database, witness) = try store("lines")
    try database.witnessAuditHead(now: now)
    let other = AuditWitness(file: witness.file, database: "/tmp/autre.sqlite", systemLog: false)
    try other.record(
      AuditHead(entry: 99, hash: AuditLog.genesis), anchor: nil, occasion: .head, at: now)
    #expect(try lines(witness).count == 1)
    let handle = try #require(FileHandle(forWritingAtPath: witness.file))
    handle.seekToEndOfFile()
    handle.write(Data("{pas du json\n".utf8))
    try handle.close()
    #expect(throws: UserError.self) { try lines(witness) }
  }

  @Test func aHeadGivenByHandFindsATruncationAndARewrite() throws {
    let (database, _) = try store("heads")
    let (head, _) = try database.auditHead()
    #expect(try database.verifyAudit(against: AuditEvidence(heads: [head])).isIntact)
    let ahead = AuditHead(entry: head.entry + 3, hash: head.hash)
    let cut = try database.verifyAudit(against: AuditEvidence(heads: [ahead]))
    #expect(cut.problem?.contains("journal tronqué") == true, "\(cut.problem ?? "intact")")
    let forged = AuditHead(entry: head.entry, hash: String(repeating: "a", count: 64))
    let rewritten = try database.verifyAudit(against: AuditEvidence(heads: [forged]))
    #expect(rewritten.problem?.contains("réécrit") == true, "\(rewritten.problem ?? "intact")")
  }

  /// Checks the file makes about itself, with no witness at all.
  @Test func theFileAloneShowsAForgedAnchorAMovedCounterAndDroppedTriggers() throws {
    let cases = [
      (
        "INSERT INTO audit_anchor VALUES (6, (SELECT hash FROM audit_entry WHERE id = 6), '2025-01-01'); DELETE FROM audit_entry",
        "ancre n° 6"
      ),
      ("UPDATE sqlite_sequence SET seq = 2 WHERE name = 'audit_entry'", "reculé"),
      ("DROP TRIGGER audit_anchor_forward", "audit_anchor_forward"),
    ]
    for (sql, expected) in cases {
      let (database, _) = try store("inside")
      try database.writer.write { try $0.execute(sql: sql) }
      let problem = try database.verifyAudit().problem
      #expect(problem?.contains(expected) == true, "\(sql): \(problem ?? "intact")")
    }
  }

  /// The shared list of attacks, each run on its own file in process (the end-to-end test runs the binary).
  @Test(arguments: AuditTamper.allCases) func everyTamperVariantIsDetectedOrBlocked(
    _ variant: AuditTamper
  ) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-tamper-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try AuditTamperTrial.run(variant, in: folder)
    #expect(outcome.held, "\(variant.label)")
    #expect(outcome.blocked == [.editWithTriggers, .deleteWithTriggers].contains(variant))
  }

  @Test func thePreparedTrailVerifiesAgainstItsWitness() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-tamper-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = try AuditTamperTrial.prepare(.rollBack, in: folder)
    let lines = try AuditWitness.lines(inFile: files.witness, database: files.database)
    #expect(lines.map(\.event) == ["purge", "head"])
    #expect(lines.map(\.entry) == [11, 15] && lines[0].purged?.through == 5)
    let database = try AppDatabase.open(path: files.database, bundledReference: false)
    let result = try database.verifyAudit(against: AuditEvidence(lines: lines))
    #expect(result.isIntact, "\(result.problem ?? "")")
    #expect(result.entries == 10)
  }
}
