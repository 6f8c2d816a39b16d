import Foundation
import GuichetCore

extension AppointmentDetail {
  /// The slip of the appointment as it stands now (after a move, the new time; once cancelled, the
  /// cancellation notice).
  public func slip(timeZone: TimeZone) -> Slip {
    Slip(
      reference: appointment.reference, startsAt: appointment.startsAt,
      endsAt: appointment.endsAt, place: appointment.place, structure: structure,
      advisorName: advisorName, timeZone: timeZone, sequence: appointment.sequence,
      isCancellation: appointment.status.isCancellation)
  }
}

/// The appointment screen's work for the runtime.
public enum AppointmentRequest: Equatable, Sendable {
  case find(AppointmentLookup)
  /// `.excused` (the person cancels) or `.revoked` (the service does); frees the slot.
  case cancel(BookingReference, AppointmentStatus)
  /// Erases the contact data and revokes the appointments still booked under this consent.
  case withdrawConsent(consentID: Int64, BookingReference)
  /// Free slots of the structure the consent was given for, the only ones a move may go to.
  /// One week of them (or the week of the first one).
  case findSlots(structureID: Int64, SlotWindow)
  case reschedule(BookingReference, AvailableSlot)
}

/// The answers to `AppointmentRequest`.
public enum AppointmentEvent: Equatable, Sendable {
  case found(AppointmentLookup, [AppointmentDetail])
  /// A cancellation, a withdrawal or a move went through; the detail is read back after the write.
  case updated(AppointmentDetail, message: String)
  case slotsFound(structureID: Int64, SlotWindow, SlotWeek)
  case rescheduled(AppointmentDetail)
  /// The move lost a race: nothing changed, here are the advisor's next free slots.
  case slotTaken([AvailableSlot])
  case failed(UserError)
}
