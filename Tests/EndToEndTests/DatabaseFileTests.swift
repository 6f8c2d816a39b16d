import Foundation
import GRDB
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Which files Guichet agrees to open, as the real binary: a foreign SQLite file or a file that is not SQLite
/// is refused unchanged by the console and every command; commands that only read never create anything;
/// a dangling link, another account's file and an empty `--database` are refused; a 0444 file is read-only
/// even for root.
@Suite("Database files: foreign, missing, linked, another account's")
struct DatabaseFileTests {
  /// A folder holding only `name`, and a runner whose own output files live elsewhere, so a listing of the
  /// folder shows anything Guichet left beside the file.
  struct Place {
    var runner: GuichetRun
    let folder: URL
    var path: String { folder.appendingPathComponent(name).path }
    let name: String

    init(_ label: String, name: String = "base.sqlite") throws {
      runner = GuichetRun(folder: try GuichetRun.temporaryFolder("\(label)-run"))
      folder = try GuichetRun.temporaryFolder(label)
      self.name = name
    }

    func listing() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func remove() {
      try? FileManager.default.removeItem(at: runner.folder)
      try? FileManager.default.removeItem(at: folder)
    }
  }

  /// The whole file: stronger than a hash of it, and as cheap for these small files.
  static func digest(_ path: String) throws -> Data { try Damage.digest(path) }

  /// Every entry point that opens the database: the console (up to its first frame, and the full console
  /// command, which opens the file before it needs a terminal) and each command, reading or writing.
  static func everyCommand(backupTarget: String, emptyFolder: String) -> [[String]] {
    [
      [], ["console"], ["first-frame"], ["init"], ["import", "all", emptyFolder],
      ["search", "métier"], ["operators", "list"],
      ["operators", "add-structure", "--kind", "cio", "--name", "CIO Essai"],
      ["operators", "add-advisor", "--structure", "1", "--name", "Alice Martin"],
      ["operators", "slots", "--advisor", "1"], ["users", "list"],
      ["users", "add", "--login", "essai", "--role", "agent"], ["users", "disable", "essai"],
      ["users", "passwd", "essai"], ["audit", "verify"], ["audit", "list"],
      ["person", "find", "--phone", "0612345678"], ["person", "export", "--phone", "0612345678"],
      ["person", "erase", "--phone", "0612345678"], ["purge"], ["purge", "--dry-run"],
      ["demo", "--days", "1"], ["report", "daily"], ["report", "annual"],
      ["backup", backupTarget], ["restore", backupTarget], ["check"],
      ["selftest-writer", "--log", backupTarget + ".log", "--count", "1"],
    ]
  }

  @Test(arguments: ["sqlite", "text"])
  func aForeignFileIsRefusedByEveryCommandAndLeftByteForByte(kind: String) throws {
    var place = try Place("foreign-\(kind)")
    defer { place.remove() }
    if kind == "sqlite" {
      let queue = try DatabaseQueue(path: place.path)
      try queue.write { try $0.execute(sql: "create table t(x)") }
      try queue.close()
    } else {
      try Data("Liste des courses\nlait, pain\n".utf8).write(to: URL(fileURLWithPath: place.path))
    }
    let before = try Self.digest(place.path)
    let listing = try place.listing()
    let elsewhere = try GuichetRun.temporaryFolder("foreign-\(kind)-other")
    defer { try? FileManager.default.removeItem(at: elsewhere) }
    let commands = Self.everyCommand(
      backupTarget: elsewhere.appendingPathComponent("copie.sqlite").path,
      emptyFolder: elsewhere.path)
    place.runner.input = "phrase de passe pour les essais\n"
    for command in commands {
      let outcome = try place.runner.run(command + ["--database", place.path])
      let shown = command.joined(separator: " ")
      #expect(outcome.status == 1, "\(shown): \(outcome.status) \(outcome.stderr)")
      #expect(
        outcome.stderr.contains("pas une base") && outcome.stderr.contains("rien écrit"),
        "\(shown): \(outcome.stderr)")
      #expect(try Self.digest(place.path) == before, "\(shown) changed the file")
      #expect(try place.listing() == listing, "\(shown) left files beside it")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
  }

  /// The full-screen console in tmux, on the same foreign file: it says so and exits 1.
  @Test func theConsoleInATerminalRefusesAForeignFile() throws {
    var before = Data()
    var listing: [String] = []
    let console = try TmuxConsole(
      prepare: { path in
        AppDatabaseFiles.remove(path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "create table t(x)") }
        try queue.close()
        before = try Self.digest(path)
        listing = try FileManager.default.contentsOfDirectory(
          atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path
        ).sorted()
      }, login: nil)
    let screen = try console.waitFor("__EXIT__1")
    #expect(screen.contains("pas une base Guichet"), "\(screen)")
    #expect(try Self.digest(console.databasePath) == before)
    // tmux.out is the test's own capture of the tmux command.
    let after = try FileManager.default.contentsOfDirectory(atPath: console.directory.path)
      .filter { $0 != "tmux.out" }.sorted()
    #expect(after == listing)
  }

  /// The commands that only read, on a path that does not exist: a French error, exit 1, and neither
  /// the file nor its folder appears.
  static let readCommands: [[String]] = [
    ["check"], ["audit", "verify"], ["audit", "list"], ["report", "daily"], ["report", "annual"],
    ["search", "métier"], ["person", "find", "--phone", "0612345678"],
    ["person", "export", "--phone", "0612345678"],
    ["backup", "/tmp/guichet-jamais-\(getpid()).sqlite"],
    // Not read-only, but an erasure or a purge on a mistyped path must not succeed on a new empty base.
    ["person", "erase", "--phone", "0612345678"], ["purge"], ["purge", "--dry-run"],
  ]

  @Test func readCommandsOnAMissingPathCreateNothing() throws {
    let place = try Place("missing")
    defer { place.remove() }
    let missingFolder = place.folder.appendingPathComponent("faute-de-frappe")
    let path = missingFolder.appendingPathComponent("x.sqlite").path
    for command in Self.readCommands {
      let outcome = try place.runner.run(command + ["--database", path])
      let shown = command.joined(separator: " ")
      #expect(outcome.status == 1, "\(shown): \(outcome.stderr)")
      #expect(outcome.stderr.contains("introuvable"), "\(shown): \(outcome.stderr)")
      #expect(
        !FileManager.default.fileExists(atPath: missingFolder.path), "\(shown) made the folder")
      #expect(try place.listing().isEmpty, "\(shown)")
      // The same in an existing folder: no file appears either.
      let here = try place.runner.run(command + ["--database", place.path])
      #expect(here.status == 1, "\(shown): \(here.stderr)")
      let left = try place.listing()
      #expect(left.isEmpty, "\(shown) created \(left)")
    }
    #expect(!FileManager.default.fileExists(atPath: "/tmp/guichet-jamais-\(getpid()).sqlite"))
  }

  @Test func anEmptyDatabaseOptionOrVariableIsAUsageError() throws {
    let place = try Place("empty-option")
    defer { place.remove() }
    for command in [["check"], ["init"], ["report", "daily"], ["audit", "verify"]] {
      let outcome = try place.runner.run(command + ["--database", ""])
      #expect(outcome.status == 64, "\(command): \(outcome.stderr)")
      #expect(outcome.stderr.contains("--database attend un chemin"), "\(outcome.stderr)")
    }
    var runner = place.runner
    runner.environment["GUICHET_DATABASE"] = ""
    let outcome = try runner.run(["init"])
    #expect(outcome.status == 64, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("GUICHET_DATABASE est vide"), "\(outcome.stderr)")
    // Nothing fell back to the default file under XDG_DATA_HOME (the runner's folder).
    #expect(
      !FileManager.default.fileExists(atPath: runner.folder.appendingPathComponent("guichet").path))
  }

  @Test func aDanglingSymbolicLinkIsRefusedAndNothingIsCreatedAtItsTarget() throws {
    let place = try Place("dangling")
    defer { place.remove() }
    let target = place.folder.appendingPathComponent("ailleurs.sqlite").path
    try FileManager.default.createSymbolicLink(atPath: place.path, withDestinationPath: target)
    for command in [["init"], ["first-frame"], ["check"], ["report", "daily"], ["users", "list"]] {
      let outcome = try place.runner.run(command + ["--database", place.path])
      #expect(outcome.status == 1, "\(command): \(outcome.stderr)")
      #expect(outcome.stderr.contains("lien symbolique"), "\(command): \(outcome.stderr)")
      #expect(!FileManager.default.fileExists(atPath: target), "\(command) created the target")
      #expect(try place.listing() == [place.name])
    }
  }

  /// As root (CI), a file owned by `nobody` is refused, directly or through a link, and not changed.
  @Test func anotherAccountsFileIsRefusedEvenForRoot() throws {
    try #require(
      getuid() == 0, "this test chowns a file to nobody: run the suite as root, as CI does")
    let place = try Place("owner")
    defer { place.remove() }
    try SeededDatabase.copy(to: place.path)
    for file in [place.path, place.path + "-wal"] where FileManager.default.fileExists(atPath: file)
    {
      #expect(chown(file, 65534, 65534) == 0)
    }
    let link = place.folder.appendingPathComponent("lien.sqlite").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: place.path)
    let before = try Self.digest(place.path)
    let listing = try place.listing()
    for path in [place.path, link] {
      for command in [
        ["init"], ["first-frame"], ["check"], ["users", "list"], ["audit", "verify"],
      ] {
        let outcome = try place.runner.run(command + ["--database", path])
        #expect(outcome.status == 1, "\(command): \(outcome.stderr)")
        #expect(
          outcome.stderr.contains("appartient au compte « nobody »"),
          "\(command): \(outcome.stderr)")
        #expect(try Self.digest(place.path) == before)
        #expect(try place.listing() == listing)
      }
    }
    // A new file in a folder of another account is refused too; in one's own folder it is created.
    let foreignFolder = try GuichetRun.temporaryFolder("owner-folder")
    defer { try? FileManager.default.removeItem(at: foreignFolder) }
    #expect(chown(foreignFolder.path, 65534, 65534) == 0)
    let planted = try place.runner.run([
      "init", "--database", foreignFolder.appendingPathComponent("new.sqlite").path,
    ])
    #expect(planted.status == 1, "\(planted.stderr)")
    #expect(planted.stderr.contains("appartient au compte « nobody »"), "\(planted.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: foreignFolder.path).isEmpty)
  }

  /// Root may write any file; a file without its owner's write bit is still opened read-only, with the
  /// console's read-only banner, and commands that write refuse it.
  @Test func aFileWithoutItsOwnersWriteBitIsReadOnlyEvenForRoot() throws {
    try #require(
      getuid() == 0, "this test checks what root does: run the suite as root, as CI does")
    var before = Data()
    let console = try TmuxConsole(prepare: { path in
      chmod(path, 0o444)
      before = try Self.digest(path)
    })
    let home = try console.waitFor("lecture seule")
    #expect(home.contains("Base non modifiable"), "\(home)")
    let runner = GuichetRun(folder: console.directory)
    let written = try runner.run(["init", "--database", console.databasePath])
    #expect(written.status == 1, "\(written.stderr)")
    #expect(written.stderr.contains("lecture seule"), "\(written.stderr)")
    _ = try ConsoleFaultTests.expectTheSaveRefusedThenQuit(console)
    #expect(try Self.digest(console.databasePath) == before)
  }

  /// The mark: a new file carries it, and a file made before it (no mark, Guichet's migrations) is still
  /// opened and gets it.
  @Test func newFilesAreMarkedAndOlderGuichetFilesAreMarkedOnUpgrade() throws {
    let place = try Place("mark")
    defer { place.remove() }
    try SeededDatabase.copy(to: place.path)
    let mark: Int32 = 0x4743_4854
    func stored() throws -> Int32? {
      try DatabaseQueue(path: place.path).read {
        try Int32.fetchOne($0, sql: "PRAGMA application_id")
      }
    }
    #expect(try stored() == mark)
    try DatabaseQueue(path: place.path).writeWithoutTransaction {
      try $0.execute(sql: "PRAGMA application_id = 0")
    }
    #expect(try stored() == 0)
    let listed = try place.runner.run(["users", "list", "--database", place.path])
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(try stored() == mark)
  }
}

/// Removes a database file and its journals (the seeded copy the console fixture made).
enum AppDatabaseFiles {
  static func remove(_ path: String) {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
  }
}
