import Foundation
import GuichetStore
import GuichetTestData
import Testing

/// « Se former » in the real console (tmux), over a small LHÉO file written for the tests (valid against
/// lheo-2.3.xsd, see `LheoSchemaTests`), whose DEAS session names its organisation's UAI (GRETA Savoie).
@Suite(.serialized) struct FormationsConsoleEndToEndTests {
  /// Issue 15: search a certification, open its débouchés (D), open « Se former » (F7) where the session
  /// shows the same débouchés and the establishment's own figures, then Échap back to the fiche and the search.
  @Test func searchACertificationOpenItsDebouchesThenSeFormerAndGoBack() throws {
    let console = try TmuxConsole(
      environment: FormationsEndToEndTests.clock,
      prepare: { path in
        _ = try AppDatabase.open(path: path).importTrainingOffers(
          Data(contentsOf: LheoTestFiles.url("offres-etablissements.xml")),
          fileName: "offres-etablissements.xml", at: Date())
      })
    try console.waitFor("Nouvelle visite")
    try console.press("r")
    try console.waitFor("Rechercher :")
    // The test offers file prepares the 2021 fiche of the DEAS; « deas » lists the current one first, so the
    // fiche is asked for by its number, which search also finds.
    try console.type("rncp4495")
    try console.waitFor("RNCP4495")
    try console.press("Enter")
    try console.waitFor("Fiche RNCP4495")
    // D: the fiche's débouchés, from the bundled InserJeunes figures.
    try console.press("d")
    let fiche = try console.waitFor("Apprentissage · millésime 2022-2023 · diplôme 56033102")
    #expect(fiche.contains("Cohorte (année terminale) : 94 · sortants : 81"))
    #expect(fiche.contains("Voie scolaire : aucun chiffre publié."))
    try console.press("F7")
    let sessions = try console.waitFor("Se former · RNCP4495")
    #expect(sessions.contains("Diplôme d'État d'aide-soignant — du 02/03/2030 au 18/12/2030"))
    #expect(sessions.contains("Offre importée le"))
    // Under the session's certification, the fiche's débouchés, then the GRETA's own figures.
    let figures = try console.waitFor("Dans cet établissement : Greta Savoie (UAI 0731302U)")
    #expect(figures.contains("Débouchés (InserJeunes, Auvergne-Rhône-Alpes) :"))
    #expect(figures.contains("Cohorte (année terminale) : 94 · sortants : 81"))
    #expect(figures.contains("Source : DEPP-DARES – InserJeunes, Auvergne-Rhône-Alpes"))
    #expect(figures.contains("CFA (apprentissage), tous les sortants : poursuite d'études 41 %"))
    // A commune typed ranks the places from there.
    try console.type("chamber")
    try console.waitFor("Chambéry — ")
    try console.press("Enter")
    let near = try console.waitFor("même commune")
    #expect(near.contains("Près de : Chambéry (commune)"))
    try console.press("Escape")
    // Back on the fiche, still at its débouchés.
    let again = try console.waitFor("Fiche RNCP4495")
    #expect(again.contains("diplôme 56033102"))
    try console.press("Escape")
    let back = try console.waitFor("Rechercher : rncp4495")
    #expect(back.contains("RNCP4495"))
    // From the search itself, F7 opens the highlighted certification's sessions.
    try console.press("F7")
    try console.waitFor("Se former · RNCP4495")
    try console.press("Escape")
    try console.waitFor("Rechercher : rncp4495")
    try console.quit()
  }
}
