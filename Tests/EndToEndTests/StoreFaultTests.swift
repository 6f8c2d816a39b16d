import Foundation
import GRDB
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What the agent sees when the shared file is locked, read-only or damaged: a French message and an exit
/// code, never a crash, and the file left as it was.
@Suite struct StoreFaultTests {
  static func prepared(_ label: String) throws -> (GuichetRun, String) {
    try GuichetRun.seeded(label, visits: 2, environment: ["GUICHET_BUSY_TIMEOUT": "0.3"])
  }

  @Test func aWriteLockHeldLongerThanTheBusyTimeoutGivesAFrenchMessage() throws {
    let (runner, live) = try Self.prepared("locked")
    defer { try? FileManager.default.removeItem(at: runner.folder) }
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    let holder = try DatabaseQueue(path: live, configuration: configuration)
    try holder.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
    let start = Date()
    let outcome = try runner.run([
      "selftest-writer", "--database", live, "--log",
      runner.folder.appendingPathComponent("ack2").path,
      "--count", "1",
    ])
    let waited = Date().timeIntervalSince(start)
    try holder.inDatabase { try $0.execute(sql: "ROLLBACK") }
    try holder.close()
    #expect(outcome.status == 1, "\(outcome.stderr)")
    #expect(
      outcome.stderr.contains("base occupée par un autre poste, réessayez"), "\(outcome.stderr)")
    #expect(waited < 8, "the 0.3 s busy timeout was not used")
    #expect(try BackupRestoreTests.visits(live).count == 2)
  }

  @Test func aDamagedFileIsRefusedWithAFrenchMessageAndLeftUntouched() throws {
    let (runner, live) = try Self.prepared("corrupt")
    defer { try? FileManager.default.removeItem(at: runner.folder) }
    try Damage.scribble(live, stride: 1)
    let before = try Damage.digest(live)
    let opened = try runner.run(["init", "--database", live])
    #expect(opened.status == 1, "\(opened.stderr)")
    #expect(opened.stderr.contains("restaurez la dernière sauvegarde"), "\(opened.stderr)")
    let console = try runner.run(["--database", live])
    #expect(console.status == 1)
    #expect(console.stderr.contains("endommagée"), "\(console.stderr)")
    let check = try runner.run(["check", "--database", live])
    #expect(check.status == 2, "\(check.stderr)")
    #expect(check.stderr.contains("guichet restore"), "\(check.stderr)")
    #expect(try Damage.digest(live) == before)
  }

  /// Root ignores file modes, so the binary runs as `nobody` through setpriv when the tests run as root.
  static func unprivileged(_ runner: GuichetRun) -> GuichetRun {
    guard getuid() == 0 else { return runner }
    return GuichetRun(
      folder: runner.folder, environment: runner.environment,
      prefix: ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
  }

  @Test(arguments: ["file", "directory"])
  func aReadOnlyDatabaseGivesAClearErrorAndNothingHalfWritten(what: String) throws {
    let (runner, live) = try Self.prepared("readonly-\(what)")
    defer {
      chmod(runner.folder.path, 0o755)
      try? FileManager.default.removeItem(at: runner.folder)
    }
    let folder = runner.folder.path
    let logs = try GuichetRun.temporaryFolder("readonly-logs")
    defer { try? FileManager.default.removeItem(at: logs) }
    if getuid() == 0 {
      for path in [folder, live, logs.path] { chown(path, 65534, 65534) }
    }
    chmod(logs.path, 0o777)
    chmod(live, what == "file" ? 0o444 : 0o644)
    chmod(folder, what == "file" ? 0o755 : 0o555)
    let before = try Damage.digest(live)
    let listing = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    let outcome = try Self.unprivileged(GuichetRun(folder: logs, environment: runner.environment))
      .run([
        "selftest-writer", "--database", live, "--log", logs.appendingPathComponent("ack").path,
        "--count", "1",
      ])
    #expect(outcome.status == 1, "\(outcome.stderr)")
    #expect(outcome.stderr.hasPrefix("guichet : "), "\(outcome.stderr)")
    #expect(
      outcome.stderr.contains("lecture seule") || outcome.stderr.contains("inaccessible"),
      "\(outcome.stderr)")
    #expect(try Damage.digest(live) == before)
    let after = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(after == listing, "\(outcome.stderr)")
  }
}
