import Foundation
import GRDB
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What the agent sees in the console when the shared file fails under a visit form: another desk holding
/// the write lock, a full disk, a file this account may not write, a damaged file. Each time a French
/// message says what to do, the form stays on screen with what was typed, and nothing is half-written.
@Suite(.serialized) struct ConsoleFaultTests {
  /// Home → new visit → request 1, public 4 (demandeur d'emploi), age band 3 (16-25 ans).
  static func codeAVisit(_ console: TmuxConsole) throws {
    try console.waitFor("Nouvelle visite (au guichet)")
    try console.startVisit()
    try console.press("1", "Enter", "4", "3")
  }

  /// The visits of a file, read without writing to it.
  static func visits(_ path: String) throws -> [Row] {
    return try readDatabase(path) { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT public_category, age_band, closed_at IS NOT NULL AS closed,
                 (SELECT count(*) FROM visit_request WHERE visit_id = visit.id) AS requests
          FROM visit
          """)
    }
  }

  static func expectTheCodedVisit(_ path: String) throws {
    let rows = try visits(path)
    #expect(rows.count == 1)
    let row = try #require(rows.first)
    #expect(row["public_category"] as String == "job_seeker")
    #expect(row["age_band"] as String == "16_25")
    #expect(row["closed"] as Bool == true)
    #expect(row["requests"] as Int == 1)
  }

  /// In read-only mode: a coded visit is refused with the French reason, the form stays, and quitting asks
  /// first since the visit is not saved. Returns the screen with the refusal.
  @discardableResult
  static func expectTheSaveRefusedThenQuit(_ console: TmuxConsole) throws -> String {
    try codeAVisit(console)
    try console.press("F2")
    let refused = try console.waitFor("rien n'a été enregistré")
    #expect(refused.contains("Demande(s)"), "the form stays on screen")
    try console.press("F10")
    try console.waitFor("Quitter quand même")
    try console.press("o")
    try console.waitFor("__EXIT__0")
    return refused
  }

  @Test func aLockedFileSaysBusyKeepsTheFormAndEnterRetries() throws {
    let console = try TmuxConsole(environment: ["GUICHET_BUSY_TIMEOUT": "0.5"])
    try Self.codeAVisit(console)
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    configuration.busyMode = .timeout(30)
    let holder = try DatabaseQueue(path: console.databasePath, configuration: configuration)
    try holder.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
    try console.press("F2")
    let busy = try console.waitFor("Entrée pour réessayer")
    #expect(busy.contains("Base occupée par un autre poste"))
    #expect(busy.contains("Demande(s)"), "the form stays on screen")
    #expect(try Self.visits(console.databasePath).isEmpty)
    try holder.inDatabase { try $0.execute(sql: "ROLLBACK") }
    try holder.close()
    try console.press("Enter")
    try console.waitFor("clôturée.")
    try Self.expectTheCodedVisit(console.databasePath)
    try console.quit()
  }

  /// A tmpfs just big enough for the database; root mounts it (CI runs as root). The console only ever
  /// sees an ordinary folder, so the full disk is a real ENOSPC from the kernel, not a simulation.
  final class SmallFileSystem {
    let folder: URL

    init(megabytes: Int) throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "guichet-tmpfs-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let output = try Spawn.run(
        [
          "sh", "-c",
          "mount -t tmpfs -o size=\(megabytes)m tmpfs '\(folder.path)' 2>&1; echo rc=$?",
        ],
        outputFile: folder.path + ".out")
      guard output.hasSuffix("rc=0\n") else {
        throw E2EError.timeout(waitingFor: "a tmpfs mount", screen: output)
      }
    }

    /// Writes a filler file until the kernel answers ENOSPC.
    func fill() -> String {
      let path = folder.appendingPathComponent("remplissage").path
      let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
      let chunk = [UInt8](repeating: 0, count: 64 * 1024)
      while chunk.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
      close(descriptor)
      return path
    }

    deinit {
      _ = try? Spawn.run(
        ["umount", "-l", folder.path], outputFile: folder.path + ".out")
      try? FileManager.default.removeItem(at: folder)
      try? FileManager.default.removeItem(atPath: folder.path + ".out")
    }
  }

  @Test func aFullDiskGivesAFrenchMessageKeepsTheFormAndWritesNothing() throws {
    // Room for the seeded database and its journal, whatever the bundled data weighs.
    let template = try FileManager.default.attributesOfItem(atPath: SeededDatabase.template.get())
    let megabytes = ((template[.size] as? Int) ?? 0) / 1_048_576 + 16
    let disk = try SmallFileSystem(megabytes: megabytes)
    let console = try TmuxConsole(
      database: disk.folder.appendingPathComponent("guichet.sqlite").path)
    try Self.codeAVisit(console)
    let filler = disk.fill()
    try console.press("F2")
    let full = try console.waitFor("disque plein")
    #expect(full.contains("Demande(s)"), "the form stays on screen")
    #expect(!full.contains("Entrée pour réessayer"), "only a busy file offers Entrée")
    #expect(try Self.visits(console.databasePath).isEmpty, "nothing half-written")
    // Room again: the same form saves with everything that was typed.
    try FileManager.default.removeItem(atPath: filler)
    try console.press("F2")
    try console.waitFor("clôturée.")
    try Self.expectTheCodedVisit(console.databasePath)
    try console.quit()
    let check = try GuichetRun(folder: console.directory).run([
      "check", "--database", console.databasePath,
    ])
    #expect(check.status == 0, "\(check.stderr)")
  }

  @Test func aFileThisAccountMayNotWriteOpensForBrowsingAndRefusesWrites() throws {
    var before = Data()
    let console = try TmuxConsole(
      prefix: getuid() == 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [],
      prepare: { path in
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if getuid() == 0 { for file in [folder, path] { chown(file, 65534, 65534) } }
        chmod(path, 0o444)
        before = try Damage.digest(path)
      })
    let home = try console.waitFor("lecture seule")
    #expect(home.contains("Prévenez qui gère les postes"))
    try console.press("j")
    try console.waitFor("Visites du jour")
    try console.press("Escape")
    try Self.expectTheSaveRefusedThenQuit(console)
    #expect(try Damage.digest(console.databasePath) == before)
  }

  /// A damaged table the start reads (the migrations) or only a fiche reads (an index found by the check
  /// after the first frame): either way the console opens, says to restore, lets the agent browse, and
  /// refuses every write.
  @Test(arguments: ["grdb_migrations", "certification_occupation_rome"])
  func aDamagedFileOpensReadOnlyAndSaysToRestoreTheBackup(part: String) throws {
    let console = try TmuxConsole(prepare: { try Damage.scribble(pagesOf: part, in: $0) })
    let home = try console.waitFor("Base endommagée — lecture seule")
    #expect(home.contains("guichet restore"))
    try console.press("f")
    try console.waitFor("File d'attente")
    try console.press("Escape")
    let refused = try Self.expectTheSaveRefusedThenQuit(console)
    #expect(refused.contains("endommagée"))
    #expect(try Self.visits(console.databasePath).isEmpty)
  }
}
