import Foundation
import GRDB
import GuichetCore
import GuichetStore
import Testing

/// The dashboard in the real binary on demonstration data: open it from home, browse periods and indicators,
/// read a definition, filter on a breakdown; and the optional satisfaction score after closing a visit.
@Suite(.serialized) struct DashboardEndToEndTests {
  @Test func aSupervisorBrowsesTheDashboardOnDemoData() throws {
    let console = try TmuxConsole(width: 100, height: 30, login: .supervisor)
    // A supervisor lands on the dashboard; back home, the data arrives, then the dashboard again.
    try console.waitFor("Jour · ")
    try console.press("Escape")
    try console.waitFor("Tableau de bord (indicateurs)")
    let database = try AppDatabase.open(path: console.databasePath)
    let now = Date()
    let summary = try database.loadDemo(
      DemoOptions(days: 90, perDay: 20, seed: 11, lastDay: LocalDate(now), now: now))
    #expect(summary.visits > 500)
    try console.press("t")
    try console.waitFor("Jour · ")
    try console.press("a")
    let year = try console.waitFor(" Année \(LocalDate(now).year)")
    #expect(year.contains("visites de démonstration (synthétiques)"))
    #expect(year.contains("Par jour"))
    #expect(year.contains("Visites par public"))
    try console.press("Tab")
    try console.waitFor("Visites → orientées → consentement → rendez-vous → reçues")
    try console.press("Tab")
    let delay = try console.waitFor("En 45 jours au plus")
    #expect(delay.contains("Dans le délai cible"))
    try console.press("F1")
    try console.waitFor("Aide — Tableau de bord — Délai")
    try console.press("Escape")
    try console.waitFor("En 45 jours au plus")
    try console.press("BTab")
    try console.press("BTab")
    try console.waitFor("Visites par public")
    try console.press("Down")
    try console.press("Enter")
    try console.waitFor("Filtres : Public : Jeune en formation initiale")
    try console.press("BSpace")
    try console.waitFor("Filtres : aucun filtre")
    try console.press("Left")
    try console.waitFor(" Année \(LocalDate(now).year - 1)")
    try console.press("Escape")
    try console.waitFor("Tableau de bord (indicateurs)")
    try console.quit()
  }

  @Test func theSatisfactionScoreIsOfferedAfterClosingAndKept() throws {
    let console = try TmuxConsole(width: 100, height: 30)
    try console.waitFor("Nouvelle visite (au guichet)")
    try console.press("n")
    try console.press("1")
    try console.press("F2")
    try console.waitFor("Satisfaction (facultatif) ? 1 à 5")
    try console.press("4")
    try console.waitFor("Merci : satisfaction 4/5 notée.")
    try console.quit()
    let database = try AppDatabase.open(path: console.databasePath)
    let scores = try database.writer.read {
      try Int.fetchAll($0, sql: "SELECT satisfaction FROM visit WHERE satisfaction IS NOT NULL")
    }
    #expect(scores == [4])
  }
}
