import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

@Suite struct BookingScreenTests {
  @Test func f7OnANewVisitAsksToSaveItAndRecommend() {
    var app = Fixture.app()
    Fixture.send([.char("n"), .char("1")], to: &app)
    let effect = App.reduce(&app, .key(.function(7)))
    guard case .booking(.prepare(let visit)) = effect else {
      Issue.record("expected prepare, got \(effect)")
      return
    }
    #expect(visit.id == nil)
    #expect(visit.startedAt != nil)
    #expect(visit.requestKinds == [.jobInformation])
  }

  @Test func recommendationShowsReasonAndOverrideNeedsACode() {
    var app = BookingFixture.atRecommendation()
    #expect(App.render(app).text.contains("16-25 ans sortis d'études"))
    // Down to a kind that was not recommended: Entrée asks why before anything else.
    _ = App.reduce(&app, .key(.down))
    let noEffect = App.reduce(&app, .key(.enter))
    #expect(noEffect == .none)
    guard case .booking(.recommendation(let screen)) = app.top else {
      Issue.record("expected recommendation screen")
      return
    }
    #expect(screen.pendingOverride != nil)
    _ = App.reduce(&app, .key(.char("1")))
    guard case .booking(.availability(let availability)) = app.top else {
      Issue.record("expected availability screen, got \(app.top)")
      return
    }
    #expect(availability.draft.override == .personChoice)
    #expect(availability.draft.operatorKind != .missionLocale)
  }

  /// Routing points to Cap emploi and none was added here: the operator choice says so, with how to add one.
  @Test func aRecommendedKindWithNoStructureYetSaysHowToAddOne() {
    var app = Fixture.app(size: Size(width: 100, height: 30))
    _ = App.reduce(&app, .serviceStarted(BookingFixture.savedVisit()))
    _ = App.reduce(&app, .key(.function(7)))
    _ = App.reduce(
      &app,
      .booking(
        .prepared(
          BookingFixture.savedVisit(),
          [
            Recommendation(
              operatorKind: .capEmploi, reason: "Travailleur handicapé : Cap emploi.",
              noStructureYet: true),
            Recommendation(operatorKind: .franceTravail, reason: "Demandeur d'emploi."),
          ])))
    let screen = App.render(app).text
    #expect(screen.contains("⚠ Aucune structure Cap emploi n'est enregistrée pour ce territoire"))
    #expect(screen.contains("guichet operators import"), "\(screen)")
    #expect(!screen.contains("Aucune structure France Travail"))
  }

  @Test func noSlotClosesTheVisitAsNoSlot() {
    var app = BookingFixture.atRecommendation()
    _ = App.reduce(&app, .key(.enter))
    _ = App.reduce(&app, BookingFixture.found([], reason: .fullyBooked(horizonDays: 180)))
    #expect(App.render(app).text.contains("Aucun créneau disponible."))
    let effect = App.reduce(&app, .key(.function(2)))
    guard case .booking(.recordOutcome(_, let reason, let close)) = effect else {
      Issue.record("expected recordOutcome, got \(effect)")
      return
    }
    #expect(reason == .noSlot)
    #expect(close)
  }

  @Test func enterAloneNeverConsents() {
    var app = BookingFixture.atConsent()
    #expect(App.reduce(&app, .key(.enter)) == .none)
    #expect(App.reduce(&app, .key(.paste("oui"))) == .none)
    #expect(App.reduce(&app, .key(.enter)) == .none)
    guard case .booking(.consent(let screen)) = app.top else {
      Issue.record("expected consent screen")
      return
    }
    #expect(screen.error?.contains("Tapez « oui » ou « non »") == true)
    Fixture.send(Fixture.chars("OUI"), to: &app)
    let effect = App.reduce(&app, .key(.enter))
    #expect(
      effect == .booking(.recordConsent(visitID: 42, textVersion: 1, structureID: 5)))
  }

  @Test func declineRecordsConsentDeclinedAndReturnsToTheForm() {
    var app = BookingFixture.atConsent()
    Fixture.send(Fixture.chars("non"), to: &app)
    let effect = App.reduce(&app, .key(.enter))
    guard case .booking(.recordOutcome(_, let reason, let close)) = effect else {
      Issue.record("expected recordOutcome, got \(effect)")
      return
    }
    #expect(reason == .consentDeclined)
    #expect(!close)
    var declined = BookingFixture.savedVisit()
    declined.outcome = .noBooking
    declined.reason = .consentDeclined
    _ = App.reduce(&app, .booking(.outcomeRecorded(declined, closed: false)))
    guard case .visitForm(let form) = app.top else {
      Issue.record("expected the visit form, got \(app.top)")
      return
    }
    #expect(form.visit.outcome == .noBooking)
    #expect(form.visit.reason == .consentDeclined)
    #expect(!form.isDirty)
  }

  @Test func contactValidationMessagesAreFrench() {
    var app = BookingFixture.atContact()
    _ = App.reduce(&app, .key(.function(2)))
    #expect(contact(app)?.error == "Indiquez le prénom.")
    BookingFixture.type("Marie", into: &app)
    _ = App.reduce(&app, .key(.tab))
    BookingFixture.type("Dupont", into: &app)
    _ = App.reduce(&app, .key(.function(2)))
    #expect(contact(app)?.error?.contains("téléphone ou une adresse électronique") == true)
    _ = App.reduce(&app, .key(.tab))
    BookingFixture.type("12", into: &app)
    _ = App.reduce(&app, .key(.function(2)))
    #expect(contact(app)?.error?.isEmpty == false)
  }

  @Test func pastedControlCharactersAreDropped() {
    var app = BookingFixture.atContact()
    _ = App.reduce(&app, .key(.paste("Ma\u{1B}[2Jrie\u{7}")))
    #expect(contact(app)?.text(.firstName) == "Ma[2Jrie")
    _ = App.reduce(&app, .key(.backspace))
    #expect(contact(app)?.text(.firstName) == "Ma[2Jri")
  }

  @Test func raceLoserKeepsEverythingTyped() {
    var app = BookingFixture.atContact()
    BookingFixture.type("Marie", into: &app)
    _ = App.reduce(&app, .key(.tab))
    BookingFixture.type("Dupont", into: &app)
    _ = App.reduce(&app, .key(.tab))
    BookingFixture.type("0612345678", into: &app)
    let check = App.reduce(&app, .key(.function(2)))
    guard case .booking(.findDuplicates) = check else {
      Issue.record("expected a duplicate check, got \(check)")
      return
    }
    let book = App.reduce(&app, .booking(.duplicatesFound([])))
    guard case .booking(.book(let request)) = book else {
      Issue.record("expected book, got \(book)")
      return
    }
    #expect(request.contact.firstName == "Marie")
    let later = BookingFixture.slot(hoursAhead: 27)
    _ = App.reduce(&app, .booking(.slotTaken([later])))
    #expect(App.render(app).text.contains("Ce créneau vient d'être pris"))
    #expect(contact(app)?.text(.firstName) == "Marie")
    #expect(contact(app)?.text(.lastName) == "Dupont")
    #expect(contact(app)?.text(.phone) == "0612345678")
    // Entrée books the next slot with the same contact.
    let retry = App.reduce(&app, .key(.enter))
    guard case .booking(.book(let second)) = retry else {
      Issue.record("expected a second booking, got \(retry)")
      return
    }
    #expect(second.slot == later)
    #expect(second.contact == request.contact)
  }

  @Test func leavingAfterALostRaceGoesBackToTheSlotsWithNothingToErase() {
    var app = BookingFixture.atContact()
    _ = App.reduce(&app, .booking(.slotTaken([BookingFixture.slot(hoursAhead: 27)])))
    // The first Échap keeps the typing and closes the next slots; the second leaves the contact screen.
    #expect(App.reduce(&app, .key(.escape)) == .none)
    #expect(contact(app) != nil)
    let leave = App.reduce(&app, .key(.escape))
    // The store wrote no contact for the lost attempt (it writes one only with its booking): leaving
    // just reloads the slots screen.
    #expect(leave == App.loadEffect(for: app.top))
    #expect(contact(app) == nil, "back on the slots")
  }

  @Test func anEmptySearchSaysWhy() {
    var app = BookingFixture.atRecommendation()
    _ = App.reduce(&app, .key(.enter))
    _ = App.reduce(
      &app,
      .booking(
        .slotsFound(
          kinds: [.franceTravail], .firstFree,
          SlotWeek(monday: BookingFixture.monday, slots: [], noSlotReason: .noOpeningHours))))
    #expect(App.render(app).text.contains("Recherche"), "another search's answer")
    #expect(!App.render(app).text.contains("plages d'ouverture"), "another search's answer")
    _ = App.reduce(&app, BookingFixture.found([], reason: .noOpeningHours))
    #expect(App.render(app).text.contains("Aucun créneau disponible."))
    #expect(App.render(app).text.contains("(O depuis l'accueil)"))
    if let mismatch = snapshotMismatch(App.render(app), named: "booking-no-opening-hours-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
    _ = App.reduce(
      &app,
      BookingFixture.found(
        [], window: .week(BookingFixture.monday), reason: .fullyBooked(horizonDays: 180)))
    #expect(App.render(app).text.contains("Tous les créneaux des conseillers de ce territoire"))
    #expect(
      AvailabilityScreen.explanation(.fullyBooked(horizonDays: 180)).hasSuffix(
        "sont pris dans les 180 prochains jours."))
  }

  @Test func bookedShowsTheSlipAndTheFormKeepsTheOutcome() {
    var app = BookingFixture.atContact()
    BookingFixture.booked(&app)
    guard case .booking(.slip(let slip)) = app.top else {
      Issue.record("expected the slip, got \(app.top)")
      return
    }
    #expect(slip.slip.fileStem == "RDV-7K3M-Q9XP")
    #expect(!slip.slip.text.contains("Dupont"))
    #expect(slip.slip.ics(writtenAt: Date()).contains("UID:RDV-7K3M-Q9XP@guichet"))
    _ = App.reduce(&app, .key(.function(2)))
    guard case .visitForm(let form) = app.top else {
      Issue.record("expected the visit form, got \(app.top)")
      return
    }
    #expect(form.visit.outcome == .appointmentBooked)
    #expect(!form.isDirty)
  }

  @Test func aKnownPersonIsOfferedForReuse() {
    var app = BookingFixture.atContact()
    BookingFixture.submitContact("06 12 34 56 78", lastName: "Dupond", into: &app)
    let known = Contact(
      id: 4, consentID: 1, firstName: "Marie", lastName: "Dupont",
      phone: try? PhoneNumber(parsing: "0612345678"), email: nil)
    #expect(App.reduce(&app, .booking(.duplicatesFound([known]))) == .none)
    #expect(App.render(app).text.contains("Personne déjà connue : Marie DUPONT"))
    _ = App.reduce(&app, .key(.function(5)))
    #expect(contact(app)?.text(.lastName) == "Dupont")
    let effect = App.reduce(&app, .key(.function(2)))
    guard case .booking(.book(let request)) = effect else {
      Issue.record("expected book, got \(effect)")
      return
    }
    #expect(request.contact.lastName == "Dupont")
  }

  func contact(_ app: AppState) -> ContactScreen.State? {
    if case .booking(.contact(let screen)) = app.top { return screen }
    return nil
  }
}

@Suite struct BookingSnapshotTests {
  @Test func consent() {
    let app = BookingFixture.atConsent()
    if let mismatch = snapshotMismatch(App.render(app), named: "booking-consent-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
  }

  /// The phone rule is longer than 80 columns: it wraps, so « +33 suivi de 9 chiffres » stays readable.
  @Test func contactErrorWrapsInsteadOfBeingCut() {
    var app = BookingFixture.atContact()
    BookingFixture.submitContact("12", into: &app)
    let screen = App.render(app).text
    #expect(screen.contains("ou +33 suivi de 9 chiffres."))
    if let mismatch = snapshotMismatch(App.render(app), named: "booking-contact-error-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
  }

  @Test func slip() {
    var app = BookingFixture.atContact()
    BookingFixture.booked(&app)
    if let mismatch = snapshotMismatch(App.render(app), named: "booking-slip-80x24") {
      Issue.record(Comment(rawValue: mismatch))
    }
  }
}
