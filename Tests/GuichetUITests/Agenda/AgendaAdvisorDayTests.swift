import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// The advisor's day beyond the marks: a recorded outcome is only corrected after « O », the handover names
/// the territory, and « I » prints the shown list — the paper with the contacts the store returned, the file
/// never with any.
@Suite struct AgendaAdvisorDayTests {
  typealias Agenda = AgendaScreenTests

  static func advisorAgenda(firstStatus: AppointmentStatus) -> (AppState, AgendaQuery) {
    var (app, query) = Agenda.openAgenda(entries: [
      Agenda.entry("RDV-7K3M-Q9XP", hour: 9, status: firstStatus),
      Agenda.entry("RDV-7K3M-Q9XQ", hour: 14, contact: false),
    ])
    app.session = .signedIn(Fixture.account(.advisor))
    return (app, query)
  }

  @Test func correctingAReceivedPersonToAbsentAsksFirst() {
    var (app, _) = Self.advisorAgenda(firstStatus: .seen)
    let reference = try! BookingReference(parsing: "RDV-7K3M-Q9XP")
    #expect(Fixture.send([.char("a")], to: &app) == [.none], "no mark before the confirmation")
    #expect(Agenda.agenda(app)?.pending?.status == .noShow)
    let screen = App.render(app).text
    #expect(screen.contains("Déjà « reçu » : corriger en « absent » ?"))
    #expect(screen.contains("Confirmer la correction"))
    #expect(Fixture.send([.char("n")], to: &app) == [.none], "another key keeps « reçu »")
    #expect(Agenda.agenda(app)?.pending == nil)
    #expect(
      Fixture.send([.char("a"), .char("o")], to: &app).last == .agenda(.mark(reference, .noShow)))
    #expect(
      Fixture.send([.char("r")], to: &app) == [.agenda(.mark(reference, .seen))],
      "the outcome already recorded is no correction: it goes straight to the store")
  }

  @Test func aFirstMarkNeedsNoConfirmation() {
    var (app, _) = Self.advisorAgenda(firstStatus: .booked)
    let reference = try! BookingReference(parsing: "RDV-7K3M-Q9XP")
    #expect(Fixture.send([.char("r")], to: &app) == [.agenda(.mark(reference, .seen))])
    #expect(Agenda.agenda(app)?.pending == nil)
  }

  @Test func theHandoverNamesTheVisitsTerritory() {
    let (app, _) = Self.advisorAgenda(firstStatus: .booked)
    #expect(App.render(app).text.contains("Accueil du 27/11/2026 : Décrocheur · 16-25 ans · Vienne"))
  }

  @Test func printingSendsTheShownListWithContactsToPaperAndWithoutToTheFile() throws {
    var (app, _) = Self.advisorAgenda(firstStatus: .booked)
    let effects = Fixture.send([.char("i")], to: &app)
    guard case .agenda(.print(let printout)) = effects.first else {
      Issue.record("I should print, got \(effects)")
      return
    }
    #expect(printout.fileName == "agenda-12-2026-11-30.txt")
    #expect(printout.paper.contains("Agenda — Mission locale de Chambéry — Tous les conseillers"))
    #expect(printout.paper.contains("Lundi 30/11/2026 · 2 rendez-vous"))
    #expect(
      printout.paper.contains("09:00–09:45 · Claire Martin · Sur place · Prévu · RDV-7K3M-Q9XP"))
    #expect(printout.paper.contains("    Personne : Léa DURAND · 06 12 34 56 78"))
    #expect(printout.paper.contains("Décrocheur · 16-25 ans · Vienne"))
    #expect(printout.paper.contains("K1207 Intervention socioéducative"))
    #expect(printout.paper.hasSuffix("\n"))
    #expect(!printout.file.contains("DURAND") && !printout.file.contains("06 12"))
    #expect(printout.file.contains("Coordonnées non incluses dans ce fichier"))
    #expect(printout.file.contains("RDV-7K3M-Q9XQ"))
  }

  @Test func theWeekPrintoutNamesEachDayAndItsFile() {
    var (app, _) = Self.advisorAgenda(firstStatus: .booked)
    let effects = Fixture.send([.char("s")], to: &app)
    guard case .agenda(.load(let week)) = effects.first else {
      Issue.record("S should load the week, got \(effects)")
      return
    }
    _ = App.reduce(
      &app,
      .agenda(.loaded(AgendaPage(query: week, entries: [Agenda.entry("RDV-7K3M-Q9XP", hour: 9)]))))
    guard case .agenda(.print(let printout)) = Fixture.send([.char("i")], to: &app).first else {
      Issue.record("I should print the week")
      return
    }
    #expect(printout.fileName == "agenda-12-2026-11-30-semaine.txt")
    #expect(printout.paper.contains("Semaine du 30/11/2026 au 06/12/2026 · 1 rendez-vous"))
    #expect(printout.paper.contains("Lundi 30/11/2026 09:00–09:45"))
  }

  @Test func theOutcomeOfPrintingIsSaid() {
    var (app, _) = Self.advisorAgenda(firstStatus: .booked)
    _ = App.reduce(
      &app, .agenda(.printed(file: "/srv/rendez-vous/agenda-12.txt", printerProblem: nil)))
    #expect(app.message?.isError == false)
    #expect(app.message?.text.contains("envoyée à l'imprimante") == true)
    _ = App.reduce(
      &app,
      .agenda(
        .printed(
          file: "/srv/rendez-vous/agenda-12.txt",
          printerProblem: "Impression indisponible : la commande lp n'existe pas sur ce poste.")))
    #expect(app.message?.isError == true)
    #expect(app.message?.text.contains("/srv/rendez-vous/agenda-12.txt") == true)
    #expect(app.message?.text.contains("lp n'existe pas") == true)
  }
}
