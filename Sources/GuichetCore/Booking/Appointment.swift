import Foundation

/// A second-level appointment (rendez-vous) booked from a visit, under a consent, with one advisor.
public struct Appointment: Equatable, Hashable, Sendable {
  public typealias ID = Int64

  public var id: ID?
  public var reference: BookingReference
  public var advisorID: Advisor.ID
  public var structureID: OperatorStructure.ID
  public var startsAt: Date
  public var endsAt: Date
  public var place: AppointmentPlace
  /// Seat taken in a group session; 0 for an individual slot.
  public var seat: Int
  public var visitID: Visit.ID
  public var consentID: Consent.ID
  public var deskID: Int64
  /// Paris days from the first-level visit to the appointment: the scheme's continuity indicator.
  public var delayDays: Int
  /// Why the agent did not follow the recommendation; nil when it was followed.
  public var routingOverride: RoutingOverride?
  public var status: AppointmentStatus
  public var statusAt: Date?
  public var cancelledAt: Date?
  public var createdAt: Date
  /// Revisions the person was told of (each move and the cancellation add one): the calendar file's
  /// SEQUENCE, so a calendar replaces the entry it holds instead of keeping both.
  public var sequence: Int

  public init(
    id: ID? = nil, reference: BookingReference, advisorID: Advisor.ID,
    structureID: OperatorStructure.ID, startsAt: Date, endsAt: Date, place: AppointmentPlace,
    seat: Int = 0, visitID: Visit.ID, consentID: Consent.ID, deskID: Int64, delayDays: Int,
    routingOverride: RoutingOverride? = nil, status: AppointmentStatus = .booked,
    statusAt: Date? = nil, cancelledAt: Date? = nil, createdAt: Date, sequence: Int = 0
  ) {
    self.id = id
    self.reference = reference
    self.advisorID = advisorID
    self.structureID = structureID
    self.startsAt = startsAt
    self.endsAt = endsAt
    self.place = place
    self.seat = seat
    self.visitID = visitID
    self.consentID = consentID
    self.deskID = deskID
    self.delayDays = delayDays
    self.routingOverride = routingOverride
    self.status = status
    self.statusAt = statusAt
    self.cancelledAt = cancelledAt
    self.createdAt = createdAt
    self.sequence = sequence
  }

  public var isLive: Bool { cancelledAt == nil }
}
