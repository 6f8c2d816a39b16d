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
}
