import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// Finding an appointment again and acting on it through the app reducer with fake answers: by reference
/// from home (« V ») or from today's visits (« R »), cancellations and consent withdrawal after « O », a
/// move through the availability screen (race loser included), and snapshots at 80×24 and 100×30.
@Suite struct AppointmentScreenTests {
  static let reference = try! BookingReference(parsing: "RDV-7K3M-Q9XP")

  static func detail(
    status: AppointmentStatus = .booked, hoursAhead: Double = 26, withdrawn: Bool = false
  )
    -> AppointmentDetail
  {
    let slot = BookingFixture.slot(hoursAhead: hoursAhead)
    return AppointmentDetail(
      appointment: Appointment(
        id: 8, reference: reference, advisorID: 3, structureID: 5, startsAt: slot.slot.startsAt,
        endsAt: slot.slot.endsAt, place: .onSite, visitID: 42, consentID: 6, deskID: 2,
        delayDays: 1, status: status, statusAt: status == .booked ? nil : Fixture.now,
        cancelledAt: status.isCancellation ? Fixture.now : nil, createdAt: Fixture.now),
      structure: BookingFixture.structure, advisorName: "Claire Martin",
      visit: BookingFixture.savedVisit(),
      consent: Consent(
        id: 6, visitID: 42, textVersion: 1, recipientStructureID: 5, givenAt: Fixture.now,
        deskID: 2, withdrawnAt: withdrawn ? Fixture.now : nil),
      contact: withdrawn
        ? nil
        : Contact(
          firstName: "Léa", lastName: "Durand", phone: try? PhoneNumber(parsing: "0612345678"),
          email: nil))
  }

  /// Home → « V » → the reference typed loosely → found.
  static func found(size: Size = Size(width: 80, height: 24)) -> AppState {
    var app = Fixture.app(size: size)
    #expect(Fixture.send([.char("v")], to: &app) == [.none])
    let effects = Fixture.send(Fixture.chars("rdv 7k3m q9xp") + [.enter], to: &app)
    #expect(effects.last == .appointment(.find(.reference(reference))))
    _ = App.reduce(&app, .appointment(.found(.reference(reference), [detail()])))
    return app
  }

  static func screen(_ app: AppState) -> AppointmentScreen.State? {
    if case .appointment(let state) = app.top { return state }
    return nil
  }

  @Test func aBadReferenceIsRefusedInFrenchAndAnUnknownOneSaysItDidNotGoThrough() {
    var app = Fixture.app()
    Fixture.send([.char("v")] + Fixture.chars("RDV-12") + [.enter], to: &app)
    #expect(
      Self.screen(app)?.error
        == "Référence de rendez-vous invalide : elle ressemble à RDV-7K3M-Q9XP.")
    let unknown = try! BookingReference(parsing: "RDV-0000-0000")
    Fixture.send([.backspace, .backspace] + Fixture.chars("34-5678"), to: &app)
    Fixture.send(
      [.backspace, .backspace, .backspace, .backspace, .backspace, .backspace], to: &app)
    Fixture.send(
      [.backspace, .backspace, .backspace, .backspace, .backspace, .backspace], to: &app)
    #expect(Self.screen(app)?.field == "")
    #expect(
      Fixture.send(Fixture.chars("RDV-0000-OOOO") + [.enter], to: &app)
        .last == .appointment(.find(.reference(unknown))))
    _ = App.reduce(&app, .appointment(.found(.reference(unknown), [])))
    let text = App.render(app).text
    #expect(text.contains("Aucun rendez-vous ne porte la référence RDV-0000-0000"))
  }

  /// Issue 13, finding 9: an advisor sees their own structure's appointments only, so an unknown
  /// reference is a refusal for them, not « la réservation n'a pas été enregistrée, elle peut être refaite ».
  @Test func anAdvisorIsToldAnotherStructuresReferenceIsOutOfReach() {
    var app = Fixture.app(as: .advisor)
    Fixture.send([.char("v")] + Fixture.chars("RDV-7K3M-Q9XP") + [.enter], to: &app)
    _ = App.reduce(&app, .appointment(.found(.reference(Self.reference), [])))
    let text = App.render(app).text
    #expect(
      text.contains("Accès refusé : un conseiller ne consulte que les rendez-vous"), "\(text)")
    #expect(!text.contains("refaite"))
  }

  /// Issue 13, finding 9: a contact this account may not see is not said to be erased.
  @Test func aHiddenContactSaysWhyItDoesNotShow() {
    var app = Self.found()
    var hidden = Self.detail()
    hidden.contact = nil
    hidden.contactHidden = true
    _ = App.reduce(&app, .appointment(.found(.reference(Self.reference), [hidden])))
    var text = App.render(app).text
    #expect(text.contains("Coordonnées non affichées"), "\(text)")
    #expect(!text.contains("délai de conservation"))
    hidden.contactHidden = false
    _ = App.reduce(&app, .appointment(.found(.reference(Self.reference), [hidden])))
    text = App.render(app).text
    #expect(text.contains("Coordonnées effacées (délai de conservation passé)."))
  }

  @Test func cancellingAndWithdrawingAskForOFirst() {
    var app = Self.found()
    #expect(Fixture.send([.function(6)], to: &app) == [.none])
    #expect(Self.screen(app)?.pending == .cancel(.excused))
    #expect(Fixture.send([.escape], to: &app) == [.none], "Échap keeps the appointment")
    #expect(Self.screen(app) != nil)
    #expect(
      Fixture.send([.function(7), .char("o")], to: &app).last
        == .appointment(.cancel(Self.reference, .revoked)))
    #expect(
      Fixture.send([.function(8), .char("O")], to: &app).last
        == .appointment(.withdrawConsent(consentID: 6, Self.reference)))
    _ = App.reduce(
      &app,
      .appointment(
        .updated(Self.detail(status: .revoked, withdrawn: true), message: "Consentement retiré.")))
    #expect(app.message?.text == "Consentement retiré.")
    #expect(Self.screen(app)?.selected?.contact == nil)
    #expect(Fixture.send([.function(5)], to: &app) == [.none])
    #expect(Self.screen(app)?.error?.contains("il ne peut plus être déplacé ni annulé") == true)
    Fixture.send([.function(8)], to: &app)
    #expect(Self.screen(app)?.pending == nil)
  }

  @Test func aMoveGoesThroughTheSlotsOfTheSameStructureAndShowsANewSlip() {
    var app = Self.found()
    let effects = Fixture.send([.function(5)], to: &app)
    #expect(effects == [.appointment(.findSlots(structureID: 5, .firstFree))])
    guard case .booking(.availability(let availability)) = app.top else {
      Issue.record("availability expected")
      return
    }
    #expect(availability.draft.rescheduling == Self.reference)
    let later = BookingFixture.slot(hoursAhead: 50)
    _ = App.reduce(&app, BookingFixture.foundForMove([BookingFixture.slot(hoursAhead: 27), later]))
    #expect(Fixture.send([.function(2)], to: &app) == [.none], "a move never closes the visit")
    #expect(
      Fixture.send([.enter], to: &app)
        == [.appointment(.reschedule(Self.reference, BookingFixture.slot(hoursAhead: 27)))])
    // Another desk took it: the list becomes the next free slots, nothing else changes.
    _ = App.reduce(&app, .appointment(.slotTaken([later])))
    guard case .booking(.availability(let taken)) = app.top else {
      Issue.record("availability expected")
      return
    }
    #expect(taken.slots == [later])
    #expect(taken.notice?.hasPrefix("Ce créneau vient d'être pris") == true)
    #expect(app.message?.isError == true)
    #expect(Fixture.send([.enter], to: &app) == [.appointment(.reschedule(Self.reference, later))])
    let moved = Self.detail(hoursAhead: 50)
    #expect(
      App.reduce(&app, .appointment(.rescheduled(moved)))
        == .none)
    guard case .booking(.slip(let slip)) = app.top else {
      Issue.record("slip expected")
      return
    }
    #expect(slip.slip.startsAt == later.slot.startsAt)
    #expect(app.message?.text.hasPrefix("Rendez-vous RDV-7K3M-Q9XP déplacé au") == true)
    Fixture.send([.function(2)], to: &app)
    #expect(Self.screen(app)?.selected?.appointment.startsAt == later.slot.startsAt)
  }

  @Test func todaysVisitsOpenTheAppointmentsOfAVisit() {
    var app = Fixture.app()
    Fixture.send([.char("j")], to: &app)
    _ = App.reduce(&app, .todayVisitsLoaded([BookingFixture.savedVisit()]))
    #expect(Fixture.send([.char("r")], to: &app) == [.appointment(.find(.visit(42)))])
    _ = App.reduce(&app, .appointment(.found(.visit(42), [Self.detail()])))
    #expect(Self.screen(app)?.selected?.reference == Self.reference)
    #expect(App.render(app).text.contains("Rendez-vous pris pendant la visite n° 42"))
  }

  @Test(arguments: [(80, 24), (100, 30)])
  func snapshots(width: Int, height: Int) {
    var app = Self.found(size: Size(width: width, height: height))
    Fixture.send([.function(6)], to: &app)
    #expect(snapshotMismatch(App.render(app), named: "appointment-\(width)x\(height)") == nil)
    Fixture.send([.escape, .function(5)], to: &app)
    _ = App.reduce(&app, BookingFixture.foundForMove([BookingFixture.slot(hoursAhead: 27)]))
    _ = App.reduce(&app, .appointment(.slotTaken([BookingFixture.slot(hoursAhead: 50)])))
    #expect(snapshotMismatch(App.render(app), named: "appointment-move-\(width)x\(height)") == nil)
  }
}
