import Foundation
import GRDB
import GuichetCore
import GuichetStore
import Testing

/// A site publishes a second consent text from the command line while the console runs: the next booking
/// reads and records version 2, the consents given before keep version 1, and `consent list` shows both.
@Suite(.serialized) struct ConsentTextEndToEndTests {
  @Test func aPublishedVersionIsReadAtTheNextBookingAndEarlierConsentsKeepTheirs() throws {
    let console = try TmuxConsole(environment: ["GUICHET_NOW": "2026-12-03T10:30"])
    try console.waitFor("Nouvelle visite (au guichet)")
    let database = try AppDatabase.open(path: console.databasePath)
    _ = try AgendaEndToEndTests.bookTomorrow(in: database)

    let runner = GuichetRun(folder: try GuichetRun.temporaryFolder("consent"))
    let file = runner.folder.appendingPathComponent("texte.txt")
    try Data(
      "Version deux : vos coordonnées vont à {structure}, effacées après {duree} jours.".utf8
    )
    .write(to: file)
    let published = try runner.run([
      "consent", "publish", "--file", file.path, "--kind", "mission_locale", "--retention-days",
      "60", "--database", console.databasePath,
    ])
    #expect(published.status == 0, "\(published.stderr)")
    #expect(published.stdout.contains("Version 2 publiée (pour Mission locale)"))
    let refused = try runner.run([
      "consent", "publish", "--file", file.path, "--kind", "banque", "--database",
      console.databasePath,
    ])
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("banque"))

    try console.startBookingWithTheMissionLocale()
    try console.waitFor("Claire Martin")
    try console.press("Enter")
    let consent = try console.waitFor("À lire à la personne (version 2)")
    #expect(consent.contains("Version deux : vos coordonnées vont à Agence Essai"))
    #expect(consent.contains("Conservation : 60 jours"))
    #expect(consent.contains("conseiller de la Mission locale"))
    try console.consentAndTypeContact()
    try console.waitFor("Rendez-vous confirmé")
    try console.press("F10")

    let versions = try database.writer.read {
      try Int.fetchAll($0, sql: "SELECT text_version FROM consent ORDER BY id")
    }
    #expect(versions == [1, 1, 2])
    let listed = try runner.run(["consent", "list", "--database", console.databasePath])
    #expect(listed.status == 0)
    #expect(listed.stdout.contains("v1\tpour toutes les structures"))
    #expect(listed.stdout.contains("v2\tpour Mission locale\t60 jours"))
  }
}
