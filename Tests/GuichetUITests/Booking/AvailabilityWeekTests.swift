import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// Browsing free slots week by week and from a typed date, through the app reducer with canned answers:
/// the week in the heading, Pg↓/Pg↑, « D » and a date (a past or unreadable one refused, nothing changed),
/// an answer for a week no longer shown ignored, an empty week told apart from « nothing free at all ».
@Suite struct AvailabilityWeekTests {
  static let nextMonday = BookingFixture.monday.adding(days: 7)

  static func screen(_ app: AppState) -> AvailabilityScreen.State? {
    if case .booking(.availability(let state)) = app.top { return state }
    return nil
  }

  /// The slot list of the Mission locale, opened on the week of its first free slot (this week).
  static func atSlots(size: Size = Size(width: 80, height: 24)) -> AppState {
    var app = BookingFixture.atRecommendation()
    app.size = size
    #expect(
      App.reduce(&app, .key(.enter))
        == .booking(.findSlots(territoryID: 7, kinds: [.missionLocale], .firstFree)))
    _ = App.reduce(
      &app,
      BookingFixture.found([
        BookingFixture.slot(hoursAhead: 26), BookingFixture.slot(hoursAhead: 50),
      ]))
    return app
  }

  @Test func theHeadingSaysWhichWeekIsShown() {
    let app = Self.atSlots()
    let text = App.render(app).text
    #expect(
      text.contains("Semaine du lundi 30 novembre 2026 (en cours) · 2 créneaux libres"), "\(text)")
    #expect(Self.screen(app)?.window == .week(BookingFixture.monday))
    #expect(text.contains("Pg↓ Sem. suiv."), "\(text)")
    #expect(!text.contains("Clôturer"), "slots are free: closing « aucun créneau » is not offered")
  }

  @Test func pageDownAsksForTheNextWeekAndALateAnswerForTheOldOneIsIgnored() {
    var app = Self.atSlots()
    let effect = App.reduce(&app, .key(.pageDown))
    #expect(
      effect
        == .booking(.findSlots(territoryID: 7, kinds: [.missionLocale], .week(Self.nextMonday))))
    var text = App.render(app).text
    #expect(text.contains("Semaine du lundi 7 décembre 2026"), "\(text)")
    #expect(text.contains("Recherche des créneaux libres"))
    // The reload of the week left behind arrives late: it is not shown under the new heading.
    _ = App.reduce(
      &app,
      BookingFixture.found(
        [BookingFixture.slot(hoursAhead: 26)], window: .week(BookingFixture.monday)))
    #expect(Self.screen(app)?.week == nil)
    let later = BookingFixture.slot(hoursAhead: 7 * 24 + 2)
    _ = App.reduce(
      &app, BookingFixture.found([later], window: .week(Self.nextMonday), monday: Self.nextMonday))
    #expect(Self.screen(app)?.slots == [later])
    text = App.render(app).text
    #expect(text.contains("Semaine du lundi 7 décembre 2026 · 1 créneau libre"), "\(text)")
    #expect(!text.contains("(en cours)"))
    #expect(
      App.reduce(&app, .key(.pageUp))
        == .booking(
          .findSlots(territoryID: 7, kinds: [.missionLocale], .week(BookingFixture.monday))))
  }

  @Test func thereIsNoWeekBeforeTheCurrentOne() {
    var app = Self.atSlots()
    let before = Self.screen(app)
    #expect(App.reduce(&app, .key(.pageUp)) == .none)
    #expect(
      Self.screen(app)?.error
        == "Pas de semaine plus tôt : les créneaux se prennent à partir d'aujourd'hui.")
    #expect(Self.screen(app)?.week == before?.week)
    #expect(Self.screen(app)?.window == before?.window)
  }

  @Test func anEmptyWeekSaysSoAndDoesNotOfferClosingWhileOtherWeeksHaveSlots() {
    var app = Self.atSlots()
    _ = App.reduce(&app, .key(.pageDown))
    let firstFree = Self.nextMonday.adding(days: 8)
    _ = App.reduce(
      &app,
      BookingFixture.found(
        [], window: .week(Self.nextMonday), monday: Self.nextMonday, firstFreeDay: firstFree))
    let text = App.render(app).text
    #expect(
      text.contains("Aucun créneau libre cette semaine. Premier créneau libre : mardi 15/12/2026."),
      "\(text)")
    #expect(!text.contains("Aucun créneau disponible."))
    #expect(!text.contains("F2"), "\(text)")
    if let mismatch = snapshotMismatch(App.render(app), named: "booking-empty-week-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
    #expect(App.reduce(&app, .key(.function(2))) == .none)
    #expect(Self.screen(app)?.error?.hasPrefix("Des créneaux sont libres") == true)
  }

  @Test func nothingFreeAtAllOffersClosingFirstInTheKeyBar() {
    var app = BookingFixture.atRecommendation()
    _ = App.reduce(&app, .key(.enter))
    _ = App.reduce(&app, BookingFixture.found([], reason: .fullyBooked(horizonDays: 180)))
    let hints = AvailabilityScreen.hints(Self.screen(app)!)
    #expect(hints.first?.key == "F2" && hints.first?.inKeyBar == true)
    #expect(App.render(app).text.contains(" F2 Clôturer sans RDV"))
  }

  @Test func aTypedDateShowsItsWeekWithItsFirstSlotHighlighted() {
    var app = Self.atSlots()
    #expect(Fixture.send([.char("d")], to: &app) == [.none])
    #expect(Self.screen(app)?.typedDate == "")
    let effects = Fixture.send(Fixture.chars("16/12/2026") + [.enter], to: &app)
    #expect(
      effects.last
        == .booking(
          .findSlots(
            territoryID: 7, kinds: [.missionLocale], .week(Self.nextMonday.adding(days: 7)))))
    #expect(Self.screen(app)?.typedDate == nil)
    let monday = Self.nextMonday.adding(days: 7)
    let tuesday = BookingFixture.slot(hoursAhead: 15 * 24 + 1)
    let wednesday = BookingFixture.slot(hoursAhead: 16 * 24 + 1)
    _ = App.reduce(
      &app, BookingFixture.found([tuesday, wednesday], window: .week(monday), monday: monday))
    #expect(Self.screen(app)?.highlight == 1, "the first slot on or after the day typed")
    #expect(App.render(app).text.contains("Semaine du lundi 14 décembre 2026"))
  }

  @Test func aPastOrUnreadableDateIsRefusedInFrenchAndChangesNothing() {
    var app = Self.atSlots()
    let before = Self.screen(app)
    Fixture.send([.char("d")] + Fixture.chars("29/11/2026"), to: &app)
    #expect(Fixture.send([.enter], to: &app) == [.none])
    #expect(
      Self.screen(app)?.error
        == "Le 29/11/2026 est passé : tapez la date d'aujourd'hui ou une date à venir.")
    #expect(Self.screen(app)?.typedDate == "29/11/2026", "the date stays to be corrected")
    if let mismatch = snapshotMismatch(App.render(app), named: "booking-past-date-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
    Fixture.send(Array(repeating: .backspace, count: 10) + Fixture.chars("32/13/2026"), to: &app)
    #expect(Fixture.send([.enter], to: &app) == [.none])
    #expect(
      Self.screen(app)?.error?.hasPrefix("Date (jj/mm/aaaa) : une date comme 01/12/2026") == true)
    // Échap drops the date and stays on the slots.
    #expect(Fixture.send([.escape], to: &app) == [.none])
    #expect(Self.screen(app)?.typedDate == nil)
    #expect(Self.screen(app)?.week == before?.week)
    #expect(Self.screen(app)?.window == before?.window)
  }

  @Test func aMoveBrowsesTheWeeksOfItsStructure() {
    var app = AppointmentScreenTests.found()
    #expect(
      Fixture.send([.function(5)], to: &app) == [
        .appointment(.findSlots(structureID: 5, .firstFree))
      ])
    _ = App.reduce(&app, BookingFixture.foundForMove([BookingFixture.slot(hoursAhead: 27)]))
    #expect(
      Fixture.send([.pageDown], to: &app)
        == [.appointment(.findSlots(structureID: 5, .week(Self.nextMonday)))])
    let later = BookingFixture.slot(hoursAhead: 8 * 24)
    _ = App.reduce(
      &app,
      BookingFixture.foundForMove([later], window: .week(Self.nextMonday), monday: Self.nextMonday))
    #expect(
      Fixture.send([.enter], to: &app)
        == [.appointment(.reschedule(AppointmentScreenTests.reference, later))])
  }

  @Test func theHelpNamesTheWeekKeys() {
    let app = Self.atSlots()
    let lines = AvailabilityScreen.helpLines(Self.screen(app)!, context: Fixture.context)
    #expect(lines.contains { $0.key == "Pg↓" && $0.help == "Semaine suivante" })
    #expect(lines.contains { $0.key == "Pg↑" && $0.help == "Semaine précédente" })
    #expect(lines.contains { $0.key == "D" })
  }

  @Test(arguments: [(80, 24), (100, 30)])
  func snapshots(width: Int, height: Int) {
    var app = Self.atSlots(size: Size(width: width, height: height))
    let many = (0..<30).map { BookingFixture.slot(hoursAhead: 26 + Double($0) * 2) }
    _ = App.reduce(&app, BookingFixture.found(many, window: .week(BookingFixture.monday)))
    Fixture.send(Array(repeating: .down, count: 25), to: &app)
    #expect(
      snapshotMismatch(App.render(app), named: "booking-slots-week-\(width)x\(height)") == nil)
  }
}
