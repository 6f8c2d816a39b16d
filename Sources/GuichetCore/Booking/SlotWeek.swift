/// Which week of free slots a booking or a move asks for: on opening, the week of the first free slot (so a
/// busy structure does not open on empty weeks); then the week the agent browses to or types a date in.
public enum SlotWindow: Hashable, Sendable {
  case firstFree
  /// The week holding this day (any day of it; the store starts from its Monday).
  case week(LocalDate)
}

/// One week of free slots, from one store read: the week's slots, and when it has none, the first free day
/// from now on, so the screen can tell « rien cette semaine » from « plus rien du tout ».
public struct SlotWeek: Equatable, Sendable {
  /// The Monday of the week.
  public var monday: LocalDate
  /// Free slots of the week from now on, in time order.
  public var slots: [AvailableSlot]
  /// Set when the week has no slot: the day of the first free slot from now within the search horizon.
  public var firstFreeDay: LocalDate?
  /// Set when nothing at all is free within the horizon: why.
  public var noSlotReason: NoSlotReason?

  public init(
    monday: LocalDate, slots: [AvailableSlot], firstFreeDay: LocalDate? = nil,
    noSlotReason: NoSlotReason? = nil
  ) {
    self.monday = monday.startOfWeek
    self.slots = slots
    self.firstFreeDay = firstFreeDay
    self.noSlotReason = noSlotReason
  }

  /// True when no slot is free this week nor any other within the horizon: only then may a visit be
  /// closed « aucun créneau ».
  public var nothingFree: Bool { slots.isEmpty && firstFreeDay == nil }
}

extension LocalDate {
  /// « lundi 7 décembre 2026 », as a week heading says it.
  public var frenchLong: String {
    "\(weekday.label) \(day) \(SupervisionPeriod.monthNames[month - 1]) \(year)"
  }
}
