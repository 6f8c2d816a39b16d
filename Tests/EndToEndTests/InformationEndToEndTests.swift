import Foundation
import GRDB
import GuichetCore
import GuichetStore
import Testing

/// The information screens in the real binary, on the bundled reference data of a fresh install.
@Suite(.serialized) struct InformationEndToEndTests {
  @Test func searchOpenTheEducatorFicheAndGoBackFromAVisit() throws {
    let console = try TmuxConsole()
    try console.waitFor("Nouvelle visite (au guichet)")
    try console.startVisit()
    try console.press("1", "F4")
    try console.waitFor("Rechercher :")
    try console.type("educ spe")
    let results = try console.waitFor("K1207")
    #expect(results.contains("Métiers ("))
    #expect(results.contains("Source : France Travail – ROME 4.0"))
    try console.press("Enter")
    let fiche = try console.waitFor("Fiche métier K1207")
    #expect(fiche.contains("ducateur spécialisé · "))
    #expect(fiche.contains("ducatrice spécialisée"))
    #expect(fiche.contains("K Services à la personne"))
    #expect(fiche.contains("Source : France Travail – ROME 4.0"))
    try console.press("Escape")
    let back = try console.waitFor("Rechercher : educ spe")
    #expect(back.contains("K1207"))
    try console.press("Escape")
    try console.waitFor("Demande(s)")
    try console.closeVisit(1)
    try console.quit()
    #expect(try !console.alternateScreenOn())

    let database = try AppDatabase.open(path: console.databasePath)
    #expect(
      try database.consultations(visitID: 1) == [Consultation(kind: .occupation, code: "K1207")])
  }

  /// Issue 15: a certification found by its acronym, its débouchés (InserJeunes) with voie, millésime and cohort,
  /// a CAP with a secret figure, and back to the search and the home screen; on the bundled data only.
  @Test func searchACertificationAndOpenItsDebouches() throws {
    let console = try TmuxConsole()
    try console.waitFor("Nouvelle visite (au guichet)")
    try console.press("r")
    try console.waitFor("Rechercher :")
    try console.type("deas")
    try console.waitFor("RNCP35830")
    try console.press("Enter")
    let fiche = try console.waitFor("Fiche RNCP35830")
    #expect(fiche.contains("aide-soignant"))
    try console.press("d")
    _ = try console.waitUntilGone("Niveau : ")
    let deas = try console.waitFor("Apprentissage · millésime 2022-2023 · diplôme 46033104")
    #expect(deas.contains("Débouchés (InserJeunes, Auvergne-Rhône-Alpes)"))
    #expect(deas.contains("Cohorte (année terminale) : 294 · sortants : 270"))
    #expect(deas.contains("Voie scolaire : aucun chiffre publié."))
    try console.press("Escape")
    try console.waitFor("Rechercher : deas")
    try console.press("C-u")
    try console.type("cap cuisine")
    try console.waitFor("RNCP37553")
    try console.press("Enter")
    try console.waitFor("Fiche RNCP37553")
    try console.press("d")
    _ = try console.waitUntilGone("Niveau : ")
    let cap = try console.waitFor("Voie scolaire · millésime 2022-2023 · diplôme 50022139")
    #expect(cap.contains("En emploi à 6 mois : secret"))
    #expect(!cap.contains(" 0 %"))
    try console.press("Escape")
    try console.waitFor("Rechercher : cap cuisine")
    try console.press("Escape")
    try console.waitFor("Nouvelle visite (au guichet)")
    try console.press("F10")
    try console.waitFor("__EXIT__0")
  }
}
