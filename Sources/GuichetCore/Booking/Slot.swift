import Foundation

/// A bookable time of one advisor, computed from the opening rules, absences, holidays and live bookings.
public struct Slot: Equatable, Hashable, Sendable, Comparable {
  public var advisorID: Int64
  public var startsAt: Date
  public var endsAt: Date
  public var place: AppointmentPlace
  /// Seats of the slot: 1, or the group capacity of a collective session.
  public var capacity: Int
  /// Seats still free when the slot was computed.
  public var seatsLeft: Int

  public init(
    advisorID: Int64, startsAt: Date, endsAt: Date, place: AppointmentPlace = .onSite,
    capacity: Int = 1, seatsLeft: Int? = nil
  ) {
    self.advisorID = advisorID
    self.startsAt = startsAt
    self.endsAt = endsAt
    self.place = place
    self.capacity = capacity
    self.seatsLeft = seatsLeft ?? capacity
  }

  public var isGroup: Bool { capacity > 1 }

  /// Paris day of the slot.
  public var date: LocalDate { LocalDate(startsAt) }

  /// By start time, then advisor, so lists across advisors read like a timetable.
  public static func < (lhs: Slot, rhs: Slot) -> Bool {
    (lhs.startsAt, lhs.advisorID) < (rhs.startsAt, rhs.advisorID)
  }

  /// Same advisor and same times: the identity used to book it, whatever the seats left.
  public func sameTime(as other: Slot) -> Bool {
    advisorID == other.advisorID && startsAt == other.startsAt && endsAt == other.endsAt
  }
}

/// A live (not cancelled) booking, as the slot computation needs it.
public struct BookedTime: Equatable, Hashable, Sendable {
  public var advisorID: Int64
  public var startsAt: Date
  public var endsAt: Date

  public init(advisorID: Int64, startsAt: Date, endsAt: Date) {
    self.advisorID = advisorID
    self.startsAt = startsAt
    self.endsAt = endsAt
  }
}
