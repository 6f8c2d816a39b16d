import Foundation
import GRDB
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `guichet backup`, `restore` and `check` on real files, while another process writes visits.
@Suite struct BackupRestoreTests {
  /// Every visit with what a report would read from it, in id order.
  static func visits(_ path: String) throws -> [String] {
    // A writer process may hold the lock for a moment: wait rather than fail at once.
    return try readDatabase(path) { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT v.id, v.desk_id, v.arrived_at, v.closed_at, v.outcome,
                 (SELECT group_concat(request_kind) FROM visit_request WHERE visit_id = v.id) AS requests
          FROM visit v ORDER BY v.id
          """
      ).map { $0.description }
    }
  }

  @Test func restoreDrillWhileAnotherDeskWrites() throws {
    let folder = try GuichetRun.temporaryFolder("drill")
    defer { try? FileManager.default.removeItem(at: folder) }
    let runner = GuichetRun(folder: folder)
    let live = folder.appendingPathComponent("live.sqlite").path
    let log = folder.appendingPathComponent("ack.log").path
    let first = try runner.run([
      "selftest-writer", "--database", live, "--log", log, "--count", "3",
    ])
    #expect(first.status == 0, "\(first.stderr)")
    let writer = try runner.start(
      ["selftest-writer", "--database", live, "--log", log], name: "writer")
    Thread.sleep(forTimeInterval: 0.3)
    let backup = folder.appendingPathComponent("sauvegarde.sqlite").path
    let made = try runner.run(["backup", backup, "--database", live])
    Thread.sleep(forTimeInterval: 0.2)
    kill(writer, SIGKILL)
    _ = GuichetRun.wait(writer)
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdout.contains("Sauvegarde faite"), "\(made.stdout)")

    // The copy is private, self-contained and a consistent snapshot: every closed visit has its request.
    var info = stat()
    #expect(stat(backup, &info) == 0 && info.st_mode & 0o777 == 0o600)
    #expect(!FileManager.default.fileExists(atPath: backup + "-wal"))
    let saved = try Self.visits(backup)
    #expect(saved.count >= 3)
    #expect(
      !saved.contains { $0.contains("outcome:\"information\"") && $0.contains("requests:NULL") })

    // The desk goes on writing after the backup; the restore brings back exactly the copy.
    _ = try runner.run(["selftest-writer", "--database", live, "--log", log, "--count", "4"])
    #expect(try Self.visits(live).count > saved.count)
    let restored = try runner.run(["restore", backup, "--database", live])
    #expect(restored.status == 0, "\(restored.stderr)")
    #expect(restored.stdout.contains("Les postes doivent être fermés"))
    #expect(restored.stdout.contains("L'ancienne base est conservée dans"))
    #expect(try Self.visits(live) == saved)
    let check = try runner.run(["check", "--database", live])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.contains("Base saine"))
  }

  @Test func backupNeverOverwritesWithoutForce() throws {
    let (runner, live) = try GuichetRun.seeded("backup-force", visits: 1)
    let folder = runner.folder
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("existant.sqlite")
    try Data("à garder".utf8).write(to: target)
    let refused = try runner.run(["backup", target.path, "--database", live])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("existe déjà"), "\(refused.stderr)")
    #expect(refused.stderr.contains("--force"))
    #expect(try String(contentsOf: target, encoding: .utf8) == "à garder")
    let forced = try runner.run(["backup", target.path, "--force", "--database", live])
    #expect(forced.status == 0, "\(forced.stderr)")
    let onItself = try runner.run(["backup", live, "--force", "--database", live])
    #expect(onItself.status == 1)
    #expect(onItself.stderr.contains("la base en service elle-même"), "\(onItself.stderr)")
  }

  @Test func restoreRefusesADamagedOrForeignBackupAndChangesNothing() throws {
    let (runner, live) = try GuichetRun.seeded("restore-refuse", visits: 2)
    let folder = runner.folder
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = try Self.visits(live)

    let backup = folder.appendingPathComponent("b.sqlite").path
    #expect(try runner.run(["backup", backup, "--database", live]).status == 0)
    try Damage.scribble(backup)
    let damaged = try runner.run(["restore", backup, "--database", live])
    #expect(damaged.status == 1)
    #expect(damaged.stderr.contains("rien n'a été remplacé"), "\(damaged.stderr)")

    let foreign = folder.appendingPathComponent("autre.sqlite").path
    let queue = try DatabaseQueue(path: foreign)
    try queue.write { try $0.execute(sql: "CREATE TABLE notes (t TEXT)") }
    try queue.close()
    let other = try runner.run(["restore", foreign, "--database", live])
    #expect(other.status == 1)
    #expect(other.stderr.contains("pas une base Guichet"), "\(other.stderr)")

    let text = folder.appendingPathComponent("notes.txt").path
    try Data("pas une base".utf8).write(to: URL(fileURLWithPath: text))
    #expect(try runner.run(["restore", text, "--database", live]).status == 1)
    #expect(try Self.visits(live) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(!leftovers.contains { $0.contains("avant-restauration") })
  }
}
