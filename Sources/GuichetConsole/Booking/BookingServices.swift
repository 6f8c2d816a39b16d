import Foundation
import GuichetCore
import GuichetStore
import GuichetUI

/// What the booking screens need from the store and the desk: routing, slots, consent, contact, the booking
/// transaction, and where slips are written and printed.
struct BookingServices: Sendable {
  var recommend: @Sendable (Visit) throws -> [Recommendation]
  /// One week of free slots (territory, kinds, window, now), with why nothing is free when nothing is.
  var slotWeek: @Sendable (Int64?, [OperatorKind], SlotWindow, Date) throws -> SlotWeek
  /// The text to read for a structure of this kind.
  var consentText: @Sendable (OperatorKind) throws -> ConsentText
  var structure: @Sendable (Int64) throws -> OperatorStructure?
  var recordConsent: @Sendable (Int64, Int, Int64, Date) throws -> Consent
  var duplicates: @Sendable (Contact) throws -> [Contact]
  /// The booking and the person's contact, one store transaction: nothing is left of a refused attempt.
  var book:
    @Sendable (BookingReference, Slot, Int64, Int64, Contact, RoutingOverride?, Date) throws
      -> Appointment
  /// Writes the slip's files (`SlipFiles.write` beside the database: folder 0700, files 0600), returns them;
  /// the date is when they are written (the calendar entry's DTSTAMP).
  var saveSlip: @Sendable (Slip, Date) throws -> [URL]
  /// Sends text to `lp`; throws a French `UserError` when printing is not possible.
  var print: @Sendable (String) throws -> Void

  /// The signed-in account is who the store checks and audits for every consent and contact.
  static func live(
    _ database: AppDatabase, workplace: Workplace, session: SessionCaller, slips: URL
  ) -> BookingServices {
    BookingServices(
      recommend: { try database.recommend(for: $0) },
      slotWeek: {
        try database.slotWeek(territoryID: $0, operatorKinds: $1, window: $2, now: $3)
      },
      consentText: { try database.consentText(for: $0) },
      structure: { try database.operatorStructure(id: $0) },
      recordConsent: {
        try database.recordConsent(
          visitID: $0, textVersion: $1, recipientStructureID: $2, deskID: workplace.deskID,
          by: try session.current(), at: $3)
      },
      duplicates: { try database.possibleDuplicates(of: $0, by: session.current()) },
      book: {
        try database.book(
          reference: $0, slot: $1, visitID: $2, consentID: $3, contact: $4, override: $5,
          by: session.current(), now: $6)
      },
      saveSlip: { try SlipFiles.write($0, into: slips, at: $1) },
      print: { try SlipFiles.print($0) })
  }

  static let unavailable: BookingServices = {
    let error = UserError("Prise de rendez-vous indisponible.")
    return BookingServices(
      recommend: { _ in throw error }, slotWeek: { _, _, _, _ in throw error },
      consentText: { _ in throw error }, structure: { _ in throw error },
      recordConsent: { _, _, _, _ in throw error }, duplicates: { _ in throw error },
      book: { _, _, _, _, _, _, _ in throw error },
      saveSlip: { _, _ in throw error }, print: { _ in throw error })
  }()
}

extension EffectInterpreter {
  func runBooking(_ effect: BookingEffect, context: AppContext) -> [AppAction] {
    let booking = services.booking
    let actions: [AppAction]
    switch effect {
    case .prepare(let visit):
      actions = attempt {
        // The booking hangs on a saved visit: save what the form holds, as in service.
        let saved = try services.save(visit)
        return .booking(.prepared(saved, try booking.recommend(saved)))
      }
    case .findSlots(let territoryID, let kinds, let window):
      actions = attempt {
        .booking(
          .slotsFound(kinds: kinds, window, try booking.slotWeek(territoryID, kinds, window, now()))
        )
      }
    case .recordOutcome(var visit, let reason, let close):
      actions = attempt {
        visit.outcome = .noBooking
        visit.reason = reason
        visit.startedAt = visit.startedAt ?? visit.arrivedAt
        if close { visit.closedAt = visit.closedAt ?? max(now(), visit.startedAt ?? now()) }
        return .booking(.outcomeRecorded(try services.save(visit), closed: close))
      }
    case .loadConsent(let structureID):
      actions = attempt {
        guard let structure = try booking.structure(structureID) else {
          throw UserError("Cette structure n'existe plus ou n'accueille plus de rendez-vous.")
        }
        return .booking(.consentLoaded(try booking.consentText(structure.kind), structure))
      }
    case .recordConsent(let visitID, let version, let structureID):
      actions = attempt {
        .booking(.consentRecorded(try booking.recordConsent(visitID, version, structureID, now())))
      }
    case .findDuplicates(let contact):
      actions = attempt { .booking(.duplicatesFound(try booking.duplicates(contact))) }
    case .book(let request):
      return [book(request, booking)]
    case .saveSlip(let slip):
      actions = attempt {
        let files = try booking.saveSlip(slip, now())
        let names = files.map(\.lastPathComponent).joined(separator: " et ")
        return .booking(
          .slipSaved(
            "Coupon enregistré : \(names) dans \(files[0].deletingLastPathComponent().path)"))
      }
    case .printSlip(let slip):
      actions = attempt {
        try booking.print(slip.text)
        return .booking(.slipPrinted("Coupon envoyé à l'imprimante (lp)."))
      }
    }
    // Booking screens show their own errors; the generic failure only sets the status line.
    return reported(actions) { .booking(.failed($0)) }
  }

  /// The reference is generated here, before the write, and reported with any failure so a retry reuses it.
  func book(_ request: BookingRequest, _ booking: BookingServices) -> AppAction {
    let reference = request.reference ?? BookingReference.generate()
    do {
      let appointment = try booking.book(
        reference, request.slot.slot, request.visitID, request.consentID, request.contact,
        request.override, now())
      return .booking(.booked(appointment))
    } catch let taken as SlotTakenError {
      return .booking(.slotTaken(taken.offers(like: request.slot)))
    } catch {
      return failure(error, "Réservation impossible") { .booking(.bookingFailed(reference, $0)) }
    }
  }
}
