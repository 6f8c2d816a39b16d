import Foundation
import Testing

/// The README's install command, as a new site runs it: `Scripts/install PREFIX` into an empty prefix,
/// then the installed copy moved away from the checkout and its build folder, and `guichet init` run from
/// there. The binary installed is the one `swift test` just built (GUICHET_INSTALL_FROM), so CI does not
/// pay for a second, release build; the script's copying is the same. A binary copied alone says in French
/// that its resources are missing and writes no database.
@Suite(.serialized) struct InstallEndToEndTests {
  /// The checkout holding Scripts/install, found from this file.
  static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  @Test func theInstalledCopyInitialisesADatabaseAwayFromTheBuildFolder() throws {
    let folder = try GuichetRun.temporaryFolder("install")
    defer { try? FileManager.default.removeItem(at: folder) }
    let prefix = folder.appendingPathComponent("prefix")
    let built = URL(fileURLWithPath: TmuxConsole.binary).deletingLastPathComponent()
    let installed = try Self.run(
      Self.checkout.appendingPathComponent("Scripts/install").path, [prefix.path], in: folder,
      environment: ["GUICHET_INSTALL_FROM": built.path])
    #expect(installed.status == 0, "\(installed.stderr)")
    // Moved elsewhere: nothing of the build tree is reachable from the copy.
    let moved = folder.appendingPathComponent("ailleurs")
    try FileManager.default.moveItem(at: prefix, to: moved)
    let binary = moved.appendingPathComponent("bin/guichet").path
    let database = folder.appendingPathComponent("site.sqlite").path
    let initialised = try Self.run(binary, ["init", "--database", database], in: folder)
    #expect(initialised.status == 0, "\(initialised.stderr)")
    #expect(FileManager.default.fileExists(atPath: database))
    let searched = try Self.run(binary, ["operators", "list", "--database", database], in: folder)
    #expect(searched.status == 0, "\(searched.stderr)")
    #expect(searched.stdout.contains("Mission locale"))
  }

  @Test func aBinaryWithoutItsResourcesSaysSoAndCreatesNoDatabase() throws {
    let folder = try GuichetRun.temporaryFolder("alone")
    defer { try? FileManager.default.removeItem(at: folder) }
    let binary = folder.appendingPathComponent("guichet")
    // Copied by a child process: a copy written here could still be open in a sibling test's fork
    // (« Text file busy » on exec).
    let copied = try Self.run("cp", [TmuxConsole.binary, binary.path], in: folder)
    try #require(copied.status == 0, "\(copied.stderr)")
    let database = folder.appendingPathComponent("site.sqlite").path
    let outcome = try Self.run(binary.path, ["init", "--database", database], in: folder)
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("ressources de Guichet introuvables"))
    #expect(!outcome.stderr.contains("Fatal error"))
    #expect(!FileManager.default.fileExists(atPath: database))
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasPrefix("site")
    }
    #expect(left.isEmpty, "\(left)")
  }

  /// Runs `program` (not the built binary) through GuichetRun's spawning: `sh -c 'exec PROGRAM "$@"'`.
  static func run(
    _ program: String, _ arguments: [String], in folder: URL, environment: [String: String] = [:]
  ) throws -> GuichetRun.Outcome {
    var runner = GuichetRun(folder: folder, environment: environment)
    runner.prefix = ["sh", "-c", "shift; exec \"$GUICHET_PROGRAM\" \"$@\"", "sh"]
    runner.environment["GUICHET_PROGRAM"] = program
    return try runner.run(arguments)
  }
}
