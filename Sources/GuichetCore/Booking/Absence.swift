import Foundation

/// Why an advisor is away. Deliberately coarse: an absence reason must never reveal health or private life.
public enum AbsenceReason: String, CodedValue {
  case leave
  case training
  case meeting
  case outreach
  case other

  public var label: String {
    switch self {
    case .leave: "Congés"
    case .training: "Formation"
    case .meeting: "Réunion"
    case .outreach: "Permanence extérieure"
    case .other: "Autre absence"
    }
  }
}

/// A period during which an advisor takes no appointment: [startsAt, endsAt). Slots overlapping it are not offered.
public struct Absence: Equatable, Hashable, Sendable {
  public typealias ID = Int64

  public var id: ID?
  public var advisorID: Int64
  public var startsAt: Date
  public var endsAt: Date
  public var reason: AbsenceReason

  public init(
    id: ID? = nil, advisorID: Int64, startsAt: Date, endsAt: Date, reason: AbsenceReason = .other
  ) {
    self.id = id
    self.advisorID = advisorID
    self.startsAt = startsAt
    self.endsAt = endsAt
    self.reason = reason
  }

  /// Whole Paris days, from the first day's midnight to the midnight after the last day.
  public init(
    id: ID? = nil, advisorID: Int64, from first: LocalDate, through last: LocalDate,
    reason: AbsenceReason = .leave
  ) {
    self.init(
      id: id, advisorID: advisorID, startsAt: LocalClock.startOfDay(first),
      endsAt: LocalClock.startOfDay(last.adding(days: 1)), reason: reason)
  }

  /// From the start of a day (or a time that day) to the end of a last day (or a time that day): what an
  /// administrator types, in the console or after `guichet operators add-absence`.
  public init(
    advisorID: Int64, from first: (LocalDate, TimeOfDay?), to last: (LocalDate, TimeOfDay?),
    reason: AbsenceReason
  ) {
    self.init(
      advisorID: advisorID,
      startsAt: first.1.flatMap { LocalClock.instant(first.0, $0) }
        ?? LocalClock.startOfDay(first.0),
      endsAt: last.1.flatMap { LocalClock.instant(last.0, $0) }
        ?? LocalClock.startOfDay(last.0.adding(days: 1)), reason: reason)
  }

  public func validate() throws(UserError) {
    if endsAt <= startsAt { throw UserError("La fin de l'absence doit suivre son début.") }
  }

  public func overlaps(_ start: Date, _ end: Date) -> Bool { startsAt < end && start < endsAt }
}
