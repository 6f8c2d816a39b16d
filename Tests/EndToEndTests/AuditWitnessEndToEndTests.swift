import Foundation
import GRDB
import GuichetStore
import Testing

/// Issue 13's attacks on the audit trail, with the real binary: each variant of the shared `AuditTamper`
/// list is applied with raw SQL to a real file whose head was witnessed, then `guichet audit verify
/// --witness` must exit 2 (or the SQL was refused and the trail is intact). And the head is written
/// outside the file where the README says: `guichet audit head`, `guichet purge`, a console's start and
/// its day change.
@Suite("Audit trail: witness and tampering")
struct AuditWitnessEndToEndTests {
  /// The thirteen attacks the brief names, all in the shared list (which holds more).
  @Test func theSharedListHoldsTheThirteenNamedAttacks() {
    let named: [AuditTamper] = [
      .editWithTriggers, .deleteMiddle, .deleteTail, .truncateWithSequence, .deleteAll,
      .forgedAnchorDeleteAll, .forgedAnchorDeletePrefix, .reorder, .rechainedHistory,
      .forgedEntryInserted, .dropTriggersThenUpdate, .replaceTable, .rollBack,
    ]
    #expect(Set(named).isSubset(of: AuditTamper.allCases))
    #expect(AuditTamper.allCases.count >= 13)
  }

  @Test(arguments: AuditTamper.allCases) func verifyWithTheWitnessCatchesEachAttack(
    _ variant: AuditTamper
  ) throws {
    let runner = GuichetRun(folder: try GuichetRun.temporaryFolder("tamper-\(variant.rawValue)"))
    let files = try AuditTamperTrial.prepare(variant, in: runner.folder)
    let arguments = ["audit", "verify", "--database", files.database, "--witness", files.witness]
    let before = try runner.run(arguments)
    #expect(before.status == 0, "\(before.stderr)")
    #expect(before.stdout.contains("Conforme au témoin"), "\(before.stdout)")
    let applied = try variant.apply(to: files.database, olderCopy: files.olderCopy)
    let after = try runner.run(arguments)
    if applied {
      #expect(after.status == 2, "\(variant.label): \(after.stdout)")
      #expect(after.stderr.contains("guichet : journal d'audit altéré : "), "\(after.stderr)")
      #expect(!after.stdout.contains("intact"))
    } else {
      #expect([.editWithTriggers, .deleteWithTriggers].contains(variant), "blocked: \(variant)")
      #expect(after.status == 0, "SQL refused it: the trail is untouched. \(after.stderr)")
    }
  }

  static func seeded(_ label: String, environment: [String: String] = [:]) throws -> (
    GuichetRun, String
  ) {
    let runner = GuichetRun(
      folder: try GuichetRun.temporaryFolder("witness-\(label)"), environment: environment)
    let path = runner.folder.appendingPathComponent("guichet.sqlite").path
    try SeededDatabase.copy(to: path)
    return (runner, path)
  }

  static func witnessLines(_ file: String) -> [[String: Any]] {
    let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
  }

  @Test func auditHeadWritesTheWitnessAndVerifyReadsItBack() throws {
    let (runner, path) = try Self.seeded("head")
    let database = ["--database", path]
    let unwitnessed = try runner.run(["audit", "verify"] + database)
    #expect(unwitnessed.status == 0)
    #expect(unwitnessed.stdout.contains("Sans témoin extérieur"), "\(unwitnessed.stdout)")
    let head = try runner.run(["audit", "head"] + database)
    #expect(head.status == 0, "\(head.stderr)")
    let file = path + ".audit-witness"
    let lines = Self.witnessLines(file)
    #expect(lines.count == 1)
    #expect(lines.first?["event"] as? String == "head")
    #expect(lines.first?["database"] as? String == AuditWitness.canonicalPath(path))
    let entry = lines.first?["entry"] as? Int ?? -1
    let hash = lines.first?["hash"] as? String ?? ""
    #expect(head.stdout.contains("Tête du journal d'audit : \(entry):\(hash)"), "\(head.stdout)")
    let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions]
    #expect((mode as? NSNumber)?.intValue == 0o600)

    // The default witness is read without being named, and --head takes the same head.
    let verified = try runner.run(["audit", "verify"] + database)
    #expect(verified.status == 0 && verified.stdout.contains("Conforme au témoin"))
    let byHand = try runner.run(["audit", "verify", "--head", "\(entry):\(hash)"] + database)
    #expect(byHand.status == 0, "\(byHand.stderr)")

    // The last entry removed, the counter and the trigger put back: invisible in the file, not to the witness.
    try DatabaseQueue(path: path).write { db in
      let guardSQL = try String.fetchOne(
        db, sql: "SELECT sql FROM sqlite_master WHERE name = 'audit_entry_kept'")
      try db.execute(sql: "DROP TRIGGER audit_entry_kept")
      try db.execute(sql: "DELETE FROM audit_entry WHERE id = ?", arguments: [entry])
      try db.execute(
        sql: "UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_entry'", arguments: [entry - 1]
      )
      try db.execute(sql: try #require(guardSQL))
    }
    for arguments in [[], ["--head", "\(entry):\(hash)"], ["--witness", file]] {
      let cut = try runner.run(["audit", "verify"] + arguments + database)
      #expect(cut.status == 2, "\(arguments): \(cut.stdout)")
      #expect(cut.stderr.contains("journal tronqué"), "\(cut.stderr)")
    }
  }

  @Test func badWitnessOptionsAreRefusedInFrench() throws {
    let (runner, path) = try Self.seeded("options")
    let database = ["--database", path]
    let missing = try runner.run(
      ["audit", "verify", "--witness", runner.folder.appendingPathComponent("nul").path] + database)
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("introuvable"), "\(missing.stderr)")
    let badHead = try runner.run(["audit", "verify", "--head", "12:pas-une-empreinte"] + database)
    #expect(badHead.status == 64)
    #expect(badHead.stderr.contains("--head attend"), "\(badHead.stderr)")
    let unwritable = try runner.run(
      ["audit", "head", "--witness", "/proc/guichet-témoin"] + database)
    #expect(unwritable.status == 1)
    #expect(
      unwritable.stderr.contains("guichet : témoin du journal d'audit"), "\(unwritable.stderr)")
  }

  @Test func purgeWritesTheHeadToTheWitnessNamedInTheEnvironment() throws {
    let named = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-witness-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: named) }
    let (runner, path) = try Self.seeded("purge", environment: ["GUICHET_AUDIT_WITNESS": named])
    let purge = try runner.run(["purge", "--database", path])
    #expect(purge.status == 0, "\(purge.stderr)")
    let lines = Self.witnessLines(named)
    #expect(lines.map { $0["event"] as? String } == ["purge"])
    #expect(!FileManager.default.fileExists(atPath: path + ".audit-witness"))
    let verified = try runner.run(["audit", "verify", "--database", path])
    #expect(verified.status == 0 && verified.stdout.contains("Conforme au témoin « \(named) »"))
  }

  /// A console writes the head when it starts and when the Paris day changes (`GUICHET_NOW` puts it three
  /// seconds before midnight).
  @Test func aConsoleWritesTheHeadAtStartAndAtTheDayChange() throws {
    let console = try TmuxConsole(
      environment: ["GUICHET_NOW": "2026-12-03T23:59:57"], login: nil)
    try console.waitFor("Identifiant :")
    let file = console.databasePath + ".audit-witness"
    let deadline = Date().addingTimeInterval(60)
    var events: [String] = []
    while Date() < deadline {
      events = Self.witnessLines(file).compactMap { $0["event"] as? String }
      if events.contains("day_change") { break }
      Thread.sleep(forTimeInterval: 0.2)
    }
    #expect(events == ["console_start", "day_change"], "\(events)")
    try console.press("F10")
  }
}
