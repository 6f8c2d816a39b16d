import Foundation
import Testing

/// Command-line mistakes are answered in French with ArgumentParser's usage exit code (64).
@Suite struct UsageErrorTests {
  func run(_ arguments: String) throws -> String {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-usage-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    let command = "\(TmuxConsole.quote(TmuxConsole.binary)) \(arguments) 2>&1; echo \"rc=$?\""
    return try Spawn.run(["sh", "-c", command], outputFile: output.path)
  }

  @Test func unknownArgumentAndOptionAreExplainedInFrench() throws {
    let unexpected = try run("bogus")
    #expect(unexpected.contains("guichet : argument inattendu : « bogus »"))
    #expect(unexpected.contains("Utilisation : guichet"))
    #expect(unexpected.hasSuffix("rc=64\n"))
    let unknown = try run("init --nope")
    #expect(unknown.contains("guichet : option inconnue : « --nope »"))
    #expect(!unknown.contains("Error:"))
    let refused = try run("bench --only nope")
    #expect(refused.contains("guichet : mesure inconnue : nope."))
    #expect(refused.contains("Voir « guichet bench --help »"))
    #expect(refused.hasSuffix("rc=64\n"))
  }

  @Test func helpAndVersionStillWork() throws {
    #expect(try run("--version").hasPrefix("0."))
    let help = try run("--help")
    #expect(help.contains("Console d'accueil"))
    #expect(help.hasSuffix("rc=0\n"))
  }

  @Test func unreadableDatabaseGivesAFrenchErrorAndLeavesTheFileAlone() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-bad-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("notes.txt")
    try Data("pas une base SQLite\n".utf8).write(to: file)
    let output = try run("init --database \(TmuxConsole.quote(file.path))")
    #expect(output.contains("n'est pas une base de données Guichet"), "\(output)")
    #expect(output.hasSuffix("rc=1\n"))
    #expect(try String(contentsOf: file, encoding: .utf8) == "pas une base SQLite\n")
  }
}
