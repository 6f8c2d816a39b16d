import Foundation
import GuichetCore
import GuichetUI

/// A booking flow driven through the app reducer with canned store answers.
enum BookingFixture {
  static let structure = OperatorStructure(
    id: 5, kind: .missionLocale, name: "Mission locale de Chambéry",
    address: "12 rue Sommeiller", postcode: "73000", city: "Chambéry", phone: "04 79 00 00 00",
    territoryIDs: [7])

  static let text = ConsentText(
    version: 1, body: ConsentText.initialBody, retentionDays: 90, publishedAt: Fixture.now)

  static func slot(hoursAhead: Double, advisorID: Int64 = 3) -> AvailableSlot {
    let start = Fixture.now.addingTimeInterval(hoursAhead * 3600)
    return AvailableSlot(
      slot: Slot(advisorID: advisorID, startsAt: start, endsAt: start.addingTimeInterval(1800)),
      advisorName: "Claire Martin", structureID: 5, structureName: structure.name,
      operatorKind: .missionLocale, delayDays: Int(hoursAhead / 24))
  }

  /// The Monday of `Fixture.now`'s week (30 November 2026).
  static let monday = LocalDate(Fixture.now).startOfWeek

  /// The store's answer for the first free week of the Mission locale: these slots, in `Fixture.now`'s week.
  static func found(
    _ slots: [AvailableSlot], window: SlotWindow = .firstFree, monday: LocalDate = monday,
    firstFreeDay: LocalDate? = nil, reason: NoSlotReason? = nil
  ) -> AppAction {
    .booking(
      .slotsFound(
        kinds: [.missionLocale], window,
        SlotWeek(monday: monday, slots: slots, firstFreeDay: firstFreeDay, noSlotReason: reason)))
  }

  /// The store's answer to a move's slot search in structure 5 (the appointment's).
  static func foundForMove(
    _ slots: [AvailableSlot], window: SlotWindow = .firstFree, monday: LocalDate = monday
  ) -> AppAction {
    .appointment(.slotsFound(structureID: 5, window, SlotWeek(monday: monday, slots: slots)))
  }

  static func savedVisit() -> Visit {
    var visit = Fixture.visit(id: 42, minutesAgo: 5, started: true, requests: [.jobSearch])
    visit.publicCategory = .earlySchoolLeaver
    visit.ageBand = .from16to25
    visit.territoryID = 7
    visit.outcome = .information
    return visit
  }

  /// Home → visit form (saved visit) → F7 → routing answered with the Mission locale.
  static func atRecommendation() -> AppState {
    var app = Fixture.app()
    _ = App.reduce(&app, .serviceStarted(savedVisit()))
    _ = App.reduce(&app, .key(.function(7)))
    _ = App.reduce(
      &app,
      .booking(
        .prepared(
          savedVisit(),
          [Recommendation(operatorKind: .missionLocale, reason: "16-25 ans sortis d'études")])))
    return app
  }

  /// … → slots found → first slot picked → consent text.
  static func atConsent() -> AppState {
    var app = atRecommendation()
    _ = App.reduce(&app, .key(.enter))
    _ = App.reduce(&app, found([slot(hoursAhead: 26), slot(hoursAhead: 50)]))
    _ = App.reduce(&app, .key(.enter))
    _ = App.reduce(&app, .booking(.consentLoaded(text, structure)))
    return app
  }

  static func atContact() -> AppState {
    var app = atConsent()
    Fixture.send(Fixture.chars("oui") + [.enter], to: &app)
    _ = App.reduce(
      &app,
      .booking(
        .consentRecorded(
          Consent(
            id: 9, visitID: 42, textVersion: 1, recipientStructureID: 5, givenAt: Fixture.now,
            deskID: 2))))
    return app
  }

  static func type(_ text: String, into app: inout AppState) {
    Fixture.send(Fixture.chars(text), to: &app)
  }

  /// Types first name, last name and phone, then F2.
  static func submitContact(_ phone: String, lastName: String = "Dupont", into app: inout AppState)
  {
    type("Marie", into: &app)
    _ = App.reduce(&app, .key(.tab))
    type(lastName, into: &app)
    _ = App.reduce(&app, .key(.tab))
    type(phone, into: &app)
    _ = App.reduce(&app, .key(.function(2)))
  }

  /// The store's answer to a booking of the first slot.
  static func booked(_ app: inout AppState) {
    let slot = slot(hoursAhead: 26)
    _ = App.reduce(
      &app,
      .booking(
        .booked(
          Appointment(
            id: 1, reference: try! BookingReference(parsing: "RDV-7K3M-Q9XP"), advisorID: 3,
            structureID: 5, startsAt: slot.slot.startsAt, endsAt: slot.slot.endsAt,
            place: .onSite, visitID: 42, consentID: 9, deskID: 2, delayDays: 1,
            createdAt: Fixture.now))))
  }
}
