import Foundation
import GuichetCore
import GuichetStore
import GuichetUI

/// What the appointment screen needs from the store: find by reference or by visit, cancel, withdraw the
/// consent, the free slots of one structure, and the move. Each write is one store transaction; the detail
/// shown afterwards is read back from the database, never patched on screen.
struct AppointmentServices: Sendable {
  var find: @Sendable (AppointmentLookup) throws -> [AppointmentDetail]
  var cancel: @Sendable (BookingReference, AppointmentStatus, Date) throws -> AppointmentDetail
  var withdraw: @Sendable (Int64, BookingReference, Date) throws -> AppointmentDetail
  var slots: @Sendable (Int64, Date) throws -> [AvailableSlot]
  var reschedule: @Sendable (BookingReference, Slot, Date) throws -> AppointmentDetail

  /// The contact shows only to a caller the store lets see it (the agent who booked, the structure's advisor).
  static func live(_ database: AppDatabase, session: SessionCaller) -> AppointmentServices {
    @Sendable func detail(_ reference: BookingReference) throws -> AppointmentDetail {
      guard let appointment = try database.appointment(reference: reference, by: session.current())
      else {
        throw UserError("Aucun rendez-vous ne porte la référence \(reference).")
      }
      return try details(of: appointment)
    }
    @Sendable func details(of appointment: Appointment) throws -> AppointmentDetail {
      guard let structure = try database.operatorStructure(id: appointment.structureID),
        let visit = try database.visit(id: appointment.visitID),
        let consent = try database.consent(id: appointment.consentID)
      else { throw UserError("Rendez-vous \(appointment.reference) incomplet dans la base.") }
      let contact: VisibleContact =
        consent.isWithdrawn
        ? .erased
        : try database.visibleContact(consentID: appointment.consentID, by: session.current())
      return AppointmentDetail(
        appointment: appointment, structure: structure,
        advisorName: try database.advisor(id: appointment.advisorID)?.displayName ?? "—",
        visit: visit, consent: consent, contact: contact.contact, contactHidden: contact == .hidden)
    }
    return AppointmentServices(
      find: { lookup in
        switch lookup {
        case .reference(nil): return []
        case .reference(let reference?):
          return try database.appointment(reference: reference, by: session.current())
            .map { [try details(of: $0)] } ?? []
        case .visit(let id):
          return try database.appointments(visitID: id, by: session.current()).map(details(of:))
        }
      },
      cancel: { reference, status, now in
        _ = try database.cancel(reference: reference, as: status, by: session.current(), now: now)
        return try detail(reference)
      },
      withdraw: { consentID, reference, now in
        try database.withdrawConsent(id: consentID, by: session.current(), at: now)
        return try detail(reference)
      },
      slots: { structureID, now in
        try database.nextAvailability(
          territoryID: nil, operatorKinds: [], from: now, limit: 10, structureID: structureID)
      },
      reschedule: { reference, slot, now in
        _ = try database.reschedule(reference: reference, to: slot, by: session.current(), now: now)
        return try detail(reference)
      })
  }

  static let unavailable: AppointmentServices = {
    let error = UserError("Rendez-vous indisponibles.")
    return AppointmentServices(
      find: { _ in throw error }, cancel: { _, _, _ in throw error },
      withdraw: { _, _, _ in throw error }, slots: { _, _ in throw error },
      reschedule: { _, _, _ in throw error })
  }()
}

extension EffectInterpreter {
  func runAppointment(_ request: AppointmentRequest) -> [AppAction] {
    let services = services.appointments
    let actions: [AppAction]
    switch request {
    case .find(let lookup):
      actions = attempt { .appointment(.found(lookup, try services.find(lookup))) }
    case .cancel(let reference, let status):
      actions = attempt {
        let detail = try services.cancel(reference, status, now())
        return .appointment(
          .updated(
            detail,
            message:
              "Rendez-vous \(reference) : \(status.label.lowercased()), le créneau est libéré."))
      }
    case .withdrawConsent(let consentID, let reference):
      actions = attempt {
        let detail = try services.withdraw(consentID, reference, now())
        return .appointment(
          .updated(
            detail,
            message: "Consentement retiré : coordonnées effacées, rendez-vous \(reference) annulé.")
        )
      }
    case .findSlots(let structureID):
      actions = attempt {
        .appointment(.slotsFound(structureID: structureID, try services.slots(structureID, now())))
      }
    case .reschedule(let reference, let offer):
      do {
        return [.appointment(.rescheduled(try services.reschedule(reference, offer.slot, now())))]
      } catch let taken as SlotTakenError {
        return [.appointment(.slotTaken(taken.offers(like: offer)))]
      } catch {
        return [failure(error, "Déplacement impossible") { .appointment(.failed($0)) }]
      }
    }
    return reported(actions) { .appointment(.failed($0)) }
  }
}

extension SlotTakenError {
  /// The advisor's next free slots, described like the slot that was lost.
  func offers(like original: AvailableSlot) -> [AvailableSlot] {
    nextFree.map { slot in
      var offer = original
      offer.slot = slot
      offer.delayDays = original.delayDays + original.slot.date.days(until: slot.date)
      return offer
    }
  }
}
