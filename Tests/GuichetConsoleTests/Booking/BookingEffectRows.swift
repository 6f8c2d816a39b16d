import Foundation
import GuichetCore
import GuichetUI
import Testing

@testable import GuichetConsole

extension EffectRow {
  static let slip = Slip(
    reference: ConsoleFixture.reference, startsAt: ConsoleFixture.now,
    endsAt: ConsoleFixture.now.addingTimeInterval(1800), place: .onSite,
    structure: FakeData.structure, advisorName: FakeData.advisor.displayName)
  static let contact = Contact(
    firstName: "Léa", lastName: "Durand", phone: try? PhoneNumber(parsing: "06 12 34 56 78"),
    email: nil)

  static func bookingRequest(_ data: FakeData) -> BookingRequest {
    BookingRequest(
      reference: ConsoleFixture.reference, slot: data.slots(1)[0], visitID: 42, consentID: 9,
      override: nil, contact: contact)
  }

  /// Routing, slots, consent, contact, the booking transaction, and the slip (files and printer are fakes).
  static let booking: [EffectRow] = [
    // The booking hangs on a saved visit: the form is saved first, then the structures are recommended.
    EffectRow(
      .booking(.prepare(ConsoleFixture.data.visit(id: 42))),
      calls: ["save", "booking.recommend"],
      answers: { [.booking(.prepared($0.visit(id: 42), [FakeData.recommendation]))] },
      refused: { [.booking(.failed($0))] }),
    EffectRow(
      .booking(.findSlots(territoryID: 7, kinds: [.missionLocale], .firstFree)),
      calls: ["booking.slotWeek"],
      answers: {
        [
          .booking(
            .slotsFound(kinds: [.missionLocale], .firstFree, $0.week(.firstFree, call: 1001)))
        ]
      }),
    EffectRow(
      .booking(.recordOutcome(ConsoleFixture.data.visit(id: 42), .personLeft, close: true)),
      calls: ["save"],
      answers: { data in
        var visit = data.visit(id: 42)
        visit.outcome = .noBooking
        visit.reason = .personLeft
        visit.closedAt = data.now
        return [.booking(.outcomeRecorded(visit, closed: true))]
      }, refused: { [.booking(.failed($0))] }),
    EffectRow(
      .booking(.loadConsent(structureID: 5)), calls: ["booking.structure", "booking.consentText"],
      answers: { data in
        [
          .booking(
            .consentLoaded(
              ConsentText(
                version: 1, body: ConsentText.initialBody, retentionDays: 90,
                publishedAt: data.now), FakeData.structure))
        ]
      }),
    EffectRow(
      .booking(.recordConsent(visitID: 42, textVersion: 1, structureID: 5)),
      calls: ["booking.recordConsent"],
      answers: { [.booking(.consentRecorded($0.consent(id: 1001)))] },
      refused: { [.booking(.failed($0))] }),
    EffectRow(
      .booking(.findDuplicates(contact)), calls: ["booking.duplicates"],
      answers: { _ in [.booking(.duplicatesFound([]))] }),
    EffectRow(
      .booking(.book(bookingRequest(ConsoleFixture.data))), calls: ["booking.book"],
      answers: { [.booking(.booked($0.appointment(ConsoleFixture.reference, id: 1001)))] },
      refused: { [.booking(.failed($0))] }),
    EffectRow(
      .booking(.saveSlip(slip)), calls: ["booking.saveSlip"],
      answers: { _ in
        [
          .booking(
            .slipSaved(
              "Coupon enregistré : \(slip.fileStem).txt et \(slip.fileStem).ics dans /fake/rendez-vous"
            ))
        ]
      }),
    EffectRow(
      .booking(.printSlip(slip)), calls: ["booking.print"],
      answers: { _ in
        [
          .booking(
            .failed(
              UserError("Impression indisponible : la commande lp n'existe pas sur ce poste.")))
        ]
      }),
  ]
}

@Suite struct BookingEffectTests {
  /// A week asked for goes to the store once, with its window, and the answer echoes the window.
  @Test func aWeekIsOneStoreCallAndItsAnswerNamesTheWindow() {
    let fake = FakeServices(now: ConsoleFixture.now)
    var services = Services.fake(fake)
    let monday = LocalDate(year: 2026, month: 12, day: 14)!
    let empty = SlotWeek(monday: monday, slots: [], noSlotReason: .noOpeningHours)
    services.booking.slotWeek = { territory, kinds, window, _ in
      #expect(territory == 7 && kinds == [.cio] && window == .week(monday))
      return empty
    }
    let actions = ConsoleFixture.interpreter(services).run(
      .booking(.findSlots(territoryID: 7, kinds: [.cio], .week(monday))),
      context: ConsoleFixture.context)
    #expect(actions == [.booking(.slotsFound(kinds: [.cio], .week(monday), empty))])
    #expect(fake.calls.isEmpty)
  }

  /// Another desk took the slot: the advisor's next free slots are offered like the lost one.
  @Test func aTakenSlotOffersTheNextFreeOnes() {
    let data = ConsoleFixture.data
    var services = Services.fake(FakeServices(now: ConsoleFixture.now))
    let next = data.slots(3).dropFirst().map(\.slot)
    services.booking.book = { _, _, _, _, _, _, _ in throw SlotTakenError(nextFree: Array(next)) }
    let request = EffectRow.bookingRequest(data)
    let actions = ConsoleFixture.interpreter(services).run(
      .booking(.book(request)), context: ConsoleFixture.context)
    guard case .booking(.slotTaken(let offers)) = actions.first else {
      Issue.record("\(actions)")
      return
    }
    #expect(offers.map(\.slot) == Array(next))
    #expect(offers.allSatisfy { $0.structureName == request.slot.structureName })
    #expect(offers.map(\.delayDays) == [request.slot.delayDays, request.slot.delayDays])
  }

  /// A refused booking keeps its reference, so the retry books under the same one.
  @Test func aFailedBookingReportsItsReferenceForTheRetry() {
    var services = Services.fake(FakeServices(now: ConsoleFixture.now))
    services.booking.book = { _, _, _, _, _, _, _ in throw FakeServices.busy }
    var request = EffectRow.bookingRequest(ConsoleFixture.data)
    request.reference = nil
    let actions = ConsoleFixture.interpreter(services).run(
      .booking(.book(request)), context: ConsoleFixture.context)
    guard case .booking(.bookingFailed(let reference, let error)) = actions.first else {
      Issue.record("\(actions)")
      return
    }
    #expect(error == FakeServices.busy)
    #expect(reference.description.hasPrefix("RDV-"))
  }
}
