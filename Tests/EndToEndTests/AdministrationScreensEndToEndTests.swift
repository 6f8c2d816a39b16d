import Foundation
import GRDB
import GuichetCore
import GuichetStore
import Testing

/// Issue 14's « done when » from the screens, in the real binary under tmux: an administrator composes a
/// ZTEF of three bassins by typing parts of their names, gives it a target delay, and `guichet report
/// monthly --territory` reports it; a second consent-text version for one kind is published from the
/// screen, the first one staying as it was.
@Suite(.serialized) struct AdministrationScreensEndToEndTests {
  struct Listed: Decodable {
    var id: Int64
    var name: String
    var targetDelayDays: Int
    var bassins: [Bassin]
    struct Bassin: Decodable { var code: String }
  }

  @Test func aZTEFOfThreeBassinsIsComposedOnTheScreenGivenATargetAndReported() throws {
    let console = try TmuxConsole(login: .administrator)
    try console.waitFor("Territoires")
    try console.press("z")
    try console.waitFor("territoire(s)")
    try console.press("n")
    try console.waitFor("Bassin")
    try console.type("ZTEF Écran")
    try console.press("Tab")
    // Each part's best match shows in the list (the chosen line does not hold it yet), Entrée adds it.
    for (part, bassin, chosen) in [
      ("chambery", "Chambéry", "Bassins choisis : Chambéry ("), ("annecy", "Annecy", ", Annecy ("),
      ("vienne rouss", "Vienne Roussillon", ", Vienne Roussillon ("),
    ] {
      try console.type(part)
      try console.waitFor(" \(bassin) (", timeout: 30)
      try console.press("Enter")
      try console.waitFor(chosen)
      _ = try console.waitUntilGone(" communes)")
    }
    try console.press("F2")
    try console.waitFor("« ZTEF Écran » créé : 3 bassins")
    try console.press("d")
    try console.waitFor("Délai cible")
    try console.press("C-u")
    try console.type("21")
    try console.press("F2")
    try console.waitFor("Délai cible : 21 jours.")
    try console.press("F10")

    let runner = GuichetRun(folder: try GuichetRun.temporaryFolder("screens-ztef"))
    let list = try runner.run(
      ["territories", "list", "--format", "json", "--database", console.databasePath])
    #expect(list.status == 0, "\(list.stderr)")
    let ztef = try #require(
      try JSONDecoder().decode([Listed].self, from: Data(list.stdout.utf8)).first {
        $0.name == "ZTEF Écran"
      })
    #expect(Set(ztef.bassins.map(\.code)) == ["8411", "8407", "8415"])
    #expect(ztef.targetDelayDays == 21)
    let report = try runner.run(
      ["report", "monthly", "--territory", "ztef ecran", "--database", console.databasePath])
    #expect(report.status == 0, "\(report.stderr)")
    #expect(report.stdout.contains("Territoire : ZTEF Écran"), "\(report.stdout)")
  }

  @Test func aSecondConsentVersionForOneKindIsPublishedFromTheScreen() throws {
    let console = try TmuxConsole(login: .administrator)
    try console.waitFor("Consentement")
    let database = try AppDatabase.open(path: console.databasePath)
    let before = try database.consentTexts()
    #expect(before.map(\.version) == [1])
    try console.press("k")
    try console.waitFor("Lu à la prochaine prise de rendez-vous")
    try console.press("n")
    try console.waitFor("Conservation")
    try console.press("C-u")
    try console.type("Version écran : vos coordonnées vont à {structure} pour {duree} jours.")
    try console.press("BTab")
    try console.press("C-u")
    try console.type("45")
    try console.press("BTab")
    try console.press("Right")
    try console.press("Right")
    try console.waitFor("‹ Mission locale ›")
    try console.press("F2")
    try console.waitFor("Version 2 publiée (pour Mission locale)")
    try console.waitFor("v2 : Mission locale · v1 : les autres types")
    try console.press("F10")

    let texts = try database.consentTexts()
    #expect(texts.map(\.version) == [1, 2])
    #expect(texts[1].operatorKind == .missionLocale && texts[1].retentionDays == 45)
    #expect(
      texts[1].body == "Version écran : vos coordonnées vont à {structure} pour {duree} jours.")
    #expect(try database.consentText(for: .missionLocale).version == 2)
    #expect(try database.consentText(for: .cio).version == 1)
    #expect(texts[0] == before[0], "the first version stays as it was")
  }
}
