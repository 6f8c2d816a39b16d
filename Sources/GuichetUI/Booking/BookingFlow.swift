import Foundation
import GuichetCore

/// What the booking screens carry from one step to the next, so going back or losing a race never drops
/// what was already chosen or typed. Only codes and ids, plus the contact fields while they are typed.
public struct BookingDraft: Equatable, Sendable {
  /// The visit, saved (it has an id) before any booking step runs.
  public var visit: Visit
  public var recommendations: [Recommendation] = []
  public var operatorKind: OperatorKind?
  /// Set when the agent picked a kind routing did not recommend.
  public var override: RoutingOverride?
  public var slot: AvailableSlot?
  /// The recipient structure, for the consent text and the slip.
  public var structure: OperatorStructure?
  public var consentID: Int64?
  /// Set when the slots are offered to move this appointment rather than to book a new one.
  public var rescheduling: BookingReference?

  public init(visit: Visit) { self.visit = visit }
}

/// Booking work for the runtime, kept in one case of `Effect` so the app files only delegate.
public enum BookingEffect: Equatable, Sendable {
  /// Saves the visit as in service when needed, then asks routing for recommendations.
  case prepare(Visit)
  /// One week of free slots (or the week of the first one), for these kinds around the territory.
  case findSlots(territoryID: Int64?, kinds: [OperatorKind], SlotWindow)
  /// Records the visit outcome (no_booking with a reason), closing the visit when asked.
  case recordOutcome(Visit, NoAnswerReason, close: Bool)
  case loadConsent(structureID: Int64)
  case recordConsent(visitID: Int64, textVersion: Int, structureID: Int64)
  case findDuplicates(Contact)
  /// Saves the contact under the consent, then books; the reference is generated before the write.
  case book(BookingRequest)
  /// Writes the slip as text and as `.ics`, named from the reference only.
  case saveSlip(Slip)
  case printSlip(Slip)
}

/// Results of booking effects.
public enum BookingEvent: Equatable, Sendable {
  case prepared(Visit, [Recommendation])
  /// The week found for the window asked (echoed, so an answer for a week no longer shown is dropped).
  case slotsFound(kinds: [OperatorKind], SlotWindow, SlotWeek)
  case outcomeRecorded(Visit, closed: Bool)
  case consentLoaded(ConsentText, OperatorStructure)
  case consentRecorded(Consent)
  case duplicatesFound([Contact])
  case booked(Appointment)
  /// The loser of a race: the next free slots of that advisor, nothing written.
  case slotTaken([AvailableSlot])
  /// A failed attempt keeps its reference so a retry cannot book twice.
  case bookingFailed(BookingReference, UserError)
  case slipSaved(String)
  case slipPrinted(String)
  case failed(UserError)
}

/// The booking screens a route can open.
public enum BookingRoute: Equatable, Sendable {
  case recommendation(Visit)
  case availability(BookingDraft)
  case consent(BookingDraft)
  case contact(BookingDraft)
  case slip(Slip)
}

/// The booking screens in the route stack.
public enum BookingScreen: Equatable, Sendable {
  case recommendation(RecommendationScreen.State)
  case availability(AvailabilityScreen.State)
  case consent(ConsentScreen.State)
  case contact(ContactScreen.State)
  case slip(SlipScreen.State)
}
