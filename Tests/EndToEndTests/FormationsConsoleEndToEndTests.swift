import Foundation
import GuichetStore
import GuichetTestData
import Testing

/// « Se former » in the real console (tmux), over the small LHÉO file written for the tests.
@Suite(.serialized) struct FormationsConsoleEndToEndTests {
  @Test func searchACertificationOpenSeFormerAndGoBack() throws {
    let console = try TmuxConsole(
      environment: FormationsEndToEndTests.clock,
      prepare: { path in
        _ = try AppDatabase.open(path: path).importTrainingOffers(
          Data(contentsOf: LheoTestFiles.url("offres-savoie.xml")), fileName: "offres-savoie.xml",
          at: Date())
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
    try console.press("F7")
    let sessions = try console.waitFor("Se former · RNCP4495")
    #expect(sessions.contains("Diplôme d'État d'aide-soignant — du 01/06/2029 au 31/03/2030"))
    #expect(sessions.contains("Offre importée le"))
    // A commune typed ranks the places from there.
    try console.type("chamber")
    try console.waitFor("Chambéry — ")
    try console.press("Enter")
    let near = try console.waitFor("même commune")
    #expect(near.contains("Près de : Chambéry (commune)"))
    try console.press("Escape")
    try console.waitFor("Fiche RNCP4495")
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
