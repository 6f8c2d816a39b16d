import Foundation
import GRDB
import GuichetCore
import GuichetStore
import Testing

/// A database with several desks and a console started without `--desk`, as the README's `ForceCommand`
/// does: it asks which desk this is instead of exiting, or takes `GUICHET_DESK`; an unknown desk name alone
/// is refused in French and creates no site.
@Suite(.serialized) struct DeskChoiceEndToEndTests {
  static func declareTwoDesks(_ path: String) throws {
    let database = try AppDatabase.open(path: path)
    _ = try database.workplace(siteName: "CIO Annecy", deskName: "Accueil 1")
    _ = try database.workplace(siteName: "CIO Annecy", deskName: "Accueil 2")
  }

  static func siteNames(_ path: String) throws -> [String] {
    try AppDatabase.open(path: path).writer.read {
      try String.fetchAll($0, sql: "SELECT name FROM site ORDER BY id")
    }
  }

  @Test func withoutADeskTheConsoleAsksWhichDeskThisIs() throws {
    let console = try TmuxConsole(prepare: Self.declareTwoDesks, login: nil)
    let asked = try console.waitFor("quel est ce poste d'accueil ?")
    #expect(asked.contains("CIO Annecy · Accueil 1"))
    #expect(asked.contains("CIO Annecy · Accueil 2"))
    #expect(!asked.contains("__EXIT__"))
    let line = try #require(asked.split(separator: "\n").first { $0.contains("Accueil 2") })
    let number = try #require(
      line.split(separator: ".").first?.trimmingCharacters(in: .whitespaces))
    try console.press(number)
    try console.logIn(as: .agent)
    try console.waitFor("Guichet · CIO Annecy · Accueil 2")
    try console.quit()
  }

  @Test func escapeOnTheDeskChoiceLeavesCleanly() throws {
    let console = try TmuxConsole(prepare: Self.declareTwoDesks, login: nil)
    try console.waitFor("quel est ce poste d'accueil ?")
    try console.press("Escape")
    try console.waitFor("__EXIT__0")
  }

  @Test func theDeskComesFromTheEnvironmentOfTheConnection() throws {
    let console = try TmuxConsole(
      environment: ["GUICHET_DESK": "accueil 1"], prepare: Self.declareTwoDesks)
    try console.waitFor("Guichet · CIO Annecy · Accueil 1")
    try console.quit()
  }

  @Test func anUnknownDeskNameAloneIsRefusedAndCreatesNoSite() throws {
    let runner = GuichetRun(folder: try GuichetRun.temporaryFolder("desk"))
    let path = runner.folder.appendingPathComponent("guichet.sqlite").path
    try SeededDatabase.copy(to: path)
    try Self.declareTwoDesks(path)
    let before = try Self.siteNames(path)
    let outcome = try runner.run(["--database", path, "--desk", "Poste 9"])
    #expect(outcome.status == 1)
    #expect(
      outcome.stderr.contains("guichet : le poste « Poste 9 » n'est pas déclaré dans cette base"))
    #expect(outcome.stderr.contains("--site \"CIO Annecy\" --desk \"Accueil 2\""))
    #expect(try Self.siteNames(path) == before)
  }
}
