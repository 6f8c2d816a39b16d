import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// The advisor's agenda through the app reducer with fake data: structure choice, day/week/backlog moves,
/// marks (cancellations ask first), reload on another desk's write, and one snapshot at 80×24.
@Suite struct AgendaScreenTests {
  static let monday = LocalDate(year: 2026, month: 11, day: 30)!
  static let structure = OperatorStructure(
    id: 12, kind: .missionLocale, name: "Mission locale de Chambéry", territoryIDs: [7])

  static func entry(
    _ reference: String, hour: Int, status: AppointmentStatus = .booked, contact: Bool = true,
    day: LocalDate = monday
  ) -> AgendaEntry {
    let start = LocalClock.instant(day, TimeOfDay(hour: hour)!)!
    return AgendaEntry(
      appointment: Appointment(
        reference: try! BookingReference(parsing: reference), advisorID: 3, structureID: 12,
        startsAt: start, endsAt: start.addingTimeInterval(2700), place: .onSite, visitID: 40,
        consentID: 5, deskID: 2, delayDays: 3, status: status,
        cancelledAt: status.isCancellation ? start : nil,
        createdAt: start.addingTimeInterval(-86_400)),
      advisorName: "Claire Martin", structureName: structure.name,
      contact: contact
        ? Contact(
          firstName: "Léa", lastName: "Durand", phone: try? PhoneNumber(parsing: "06 12 34 56 78"),
          email: nil) : nil,
      handover: Handover(
        publicCategory: .earlySchoolLeaver, ageBand: .from16to25,
        requestKinds: [.jobSearch, .training],
        occupationCodes: ["K1207"], visitDay: monday.adding(days: -3), territoryName: "Vienne"))
  }

  /// The agenda opened from home with « G », the structure chosen, and the day loaded.
  static func openAgenda(
    entries: [AgendaEntry] = [
      entry("RDV-7K3M-Q9XP", hour: 9), entry("RDV-7K3M-Q9XQ", hour: 14, contact: false),
    ]
  ) -> (AppState, AgendaQuery) {
    var app = Fixture.app()
    let effects = Fixture.send([.char("g")], to: &app)
    #expect(effects == [.agenda(.loadStructures)])
    _ = App.reduce(&app, .agenda(.structuresLoaded([structure])))
    let chosen = Fixture.send([.enter], to: &app)
    let query = AgendaQuery(structureID: 12, mode: .day, day: monday)
    #expect(chosen == [.agenda(.loadAdvisors(structureID: 12)) + .agenda(.load(query))])
    _ = App.reduce(
      &app,
      .agenda(
        .advisorsLoaded(
          structureID: 12, [Advisor(id: 3, structureID: 12, displayName: "Claire Martin")])))
    _ = App.reduce(
      &app,
      .agenda(
        .loaded(
          AgendaPage(
            query: query,
            entries: entries,
            occupationTitles: ["K1207": "Intervention socioéducative"]))))
    return (app, query)
  }

  static func agenda(_ app: AppState) -> AgendaScreen.State? {
    if case .agenda(let state) = app.top { return state }
    return nil
  }

  @Test func daysAndWeeksMoveWithTheArrowsAndTodayComesBack() {
    var (app, query) = Self.openAgenda()
    #expect(
      Fixture.send([.right], to: &app) == [
        .agenda(.load(AgendaQuery(structureID: 12, mode: .day, day: Self.monday.adding(days: 1))))
      ])
    #expect(
      Fixture.send([.char("s")], to: &app) == [
        .agenda(.load(AgendaQuery(structureID: 12, mode: .week, day: Self.monday.adding(days: 1))))
      ])
    #expect(
      Fixture.send([.left], to: &app) == [
        .agenda(.load(AgendaQuery(structureID: 12, mode: .week, day: Self.monday.adding(days: -6))))
      ])
    #expect(Self.agenda(app)?.query?.firstDay == LocalDate(year: 2026, month: 11, day: 23))
    #expect(Fixture.send([.char("j"), .char("t")], to: &app).last == .agenda(.load(query)))
    #expect(
      Fixture.send([.char("c")], to: &app) == [
        .agenda(.load(AgendaQuery(structureID: 12, mode: .backlog, day: Self.monday)))
      ])
    #expect(
      Fixture.send([.char("p")], to: &app) == [
        .agenda(.load(AgendaQuery(structureID: 12, advisorID: 3, mode: .backlog, day: Self.monday)))
      ])
  }

  @Test func marksGoToTheStoreAndCancellationsAskFirst() {
    var (app, _) = Self.openAgenda()
    let reference = try! BookingReference(parsing: "RDV-7K3M-Q9XP")
    // An agent may not record attendance: the key is refused before the store, with the role it needs.
    #expect(Fixture.send([.char("r")], to: &app) == [.none])
    #expect(app.message == StatusMessage(ConsoleAccess.refusal(.recordAttendance), isError: true))
    app.session = .signedIn(Fixture.account(.advisor))
    #expect(Fixture.send([.char("r")], to: &app) == [.agenda(.mark(reference, .seen))])
    #expect(Fixture.send([.char("a")], to: &app) == [.agenda(.mark(reference, .noShow))])
    #expect(Fixture.send([.char("x")], to: &app) == [.none])
    #expect(Self.agenda(app)?.pending?.status == .revoked)
    #expect(Fixture.send([.escape], to: &app) == [.none], "Échap keeps the appointment")
    #expect(Self.agenda(app)?.pending == nil)
    #expect(
      Fixture.send([.down, .char("e"), .char("o")], to: &app).last
        == .agenda(.mark(try! BookingReference(parsing: "RDV-7K3M-Q9XQ"), .excused)))
  }

  @Test func anotherStructureLeavesNoSelectionPastTheList() {
    var (app, _) = Self.openAgenda()
    Fixture.send([.down], to: &app)
    #expect(Self.agenda(app)?.selection == 1)
    #expect(Fixture.send([.char("o")], to: &app) == [.agenda(.loadStructures)])
    #expect(Self.agenda(app)?.entries.isEmpty == true)
    #expect(Self.agenda(app)?.selection == 0)
  }

  @Test func theStoreRefusalIsShownAndAMarkReloads() {
    var (app, query) = Self.openAgenda()
    _ = App.reduce(&app, .failed(UserError("Le résultat se saisit après l'heure du rendez-vous.")))
    #expect(app.message?.isError == true)
    var marked = Self.entry("RDV-7K3M-Q9XP", hour: 9).appointment
    marked.status = .seen
    #expect(App.reduce(&app, .agenda(.marked(marked))) == .agenda(.load(query)))
    #expect(app.message?.text == "Rendez-vous RDV-7K3M-Q9XP : reçu.")
  }

  @Test func anotherDesksBookingReloadsTheOpenDayAndKeepsTheSelection() {
    var (app, query) = Self.openAgenda()
    Fixture.send([.down], to: &app)
    #expect(App.reduce(&app, .databaseChanged) == .agenda(.load(query)))
    _ = App.reduce(
      &app,
      .agenda(
        .loaded(
          AgendaPage(
            query: query,
            entries: [
              Self.entry("RDV-7K3M-Q9XR", hour: 8), Self.entry("RDV-7K3M-Q9XP", hour: 9),
              Self.entry("RDV-7K3M-Q9XQ", hour: 14, contact: false),
            ]))))
    #expect(Self.agenda(app)?.selected?.appointment.reference.value == "RDV-7K3M-Q9XQ")
    // A late answer for another day never replaces the one shown.
    _ = App.reduce(
      &app,
      .agenda(
        .loaded(
          AgendaPage(
            query: AgendaQuery(structureID: 12, mode: .day, day: Self.monday.adding(days: 1)),
            entries: []))))
    #expect(Self.agenda(app)?.entries.count == 3)
  }

  @Test func dayAt80x24() {
    let (app, _) = Self.openAgenda()
    let canvas = App.render(app)
    #expect(canvas.text.contains("Léa DURAND"))
    #expect(canvas.text.contains("K1207 Intervention socioéducative"))
    if let mismatch = snapshotMismatch(canvas, named: "agenda-day-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
  }

  @Test func withoutConsentNoContactIsShown() {
    var (app, _) = Self.openAgenda()
    Fixture.send([.down], to: &app)
    let text = App.render(app).text
    #expect(text.contains("Coordonnées effacées"))
  }
}
