import Foundation
import GuichetCore
import GuichetStore
import GuichetUI

/// What the appointment screen needs from the store: find by reference, by the person's phone or e-mail
/// (among the appointments this account may change), or by visit, cancel, withdraw the
/// consent, the free slots of one structure, and the move. Each is one store call: a write returns the
/// detail as it left it, read in its own transaction, never patched on screen.
struct AppointmentServices: Sendable {
  var find: @Sendable (AppointmentLookup, Date) throws -> [AppointmentDetail]
  var cancel: @Sendable (BookingReference, AppointmentStatus, Date) throws -> AppointmentDetail
  var withdraw: @Sendable (Int64, BookingReference, Date) throws -> AppointmentDetail
  /// One week of free slots of a structure (structure, window, now).
  var slots: @Sendable (Int64, SlotWindow, Date) throws -> SlotWeek
  var reschedule: @Sendable (BookingReference, Slot, Date) throws -> AppointmentDetail

  /// The contact shows only to a caller the store lets see it (the agent who booked, the structure's advisor).
  static func live(_ database: AppDatabase, session: SessionCaller) -> AppointmentServices {
    AppointmentServices(
      find: { lookup, now in
        switch lookup {
        case .reference(nil): return []
        case .reference(let reference?):
          return try database.appointmentDetail(
            reference: reference, by: session.current(), at: now
          ).map { [$0] } ?? []
        case .phone(let phone):
          return try database.appointmentDetails(phone: phone, by: session.current(), at: now)
        case .email(let email):
          return try database.appointmentDetails(email: email, by: session.current(), at: now)
        case .visit(let id):
          return try database.appointmentDetails(visitID: id, by: session.current(), at: now)
        }
      },
      cancel: { reference, status, now in
        try database.cancelledDetail(
          reference: reference, as: status, by: session.current(), now: now)
      },
      withdraw: { consentID, reference, now in
        try database.withdrawnDetail(
          consentID: consentID, reference: reference, by: session.current(), at: now)
      },
      slots: { structureID, window, now in
        try database.slotWeek(
          territoryID: nil, operatorKinds: [], window: window, now: now, structureID: structureID)
      },
      reschedule: { reference, slot, now in
        try database.rescheduledDetail(
          reference: reference, to: slot, by: session.current(), now: now)
      })
  }

  static let unavailable: AppointmentServices = {
    let error = UserError("Rendez-vous indisponibles.")
    return AppointmentServices(
      find: { _, _ in throw error }, cancel: { _, _, _ in throw error },
      withdraw: { _, _, _ in throw error }, slots: { _, _, _ in throw error },
      reschedule: { _, _, _ in throw error })
  }()
}

extension EffectInterpreter {
  func runAppointment(_ request: AppointmentRequest) -> [AppAction] {
    let services = services.appointments
    let actions: [AppAction]
    switch request {
    case .find(let lookup):
      actions = attempt { .appointment(.found(lookup, try services.find(lookup, now()))) }
    case .cancel(let reference, let status):
      actions = attempt {
        let detail = try services.cancel(reference, status, now())
        return .appointment(
          .updated(
            detail,
            message:
              "Rendez-vous \(reference) : \(status.label.lowercased()), le créneau est libéré. F4 : coupon d'annulation (texte et .ics) pour la personne."
          ))
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
    case .findSlots(let structureID, let window):
      actions = attempt {
        .appointment(
          .slotsFound(
            structureID: structureID, window, try services.slots(structureID, window, now())))
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
