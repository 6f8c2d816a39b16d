/// A recurring opening (plage d'ouverture) of one advisor: on these weekdays, from `start` to `end` (Paris
/// wall-clock), slots of `slotMinutes`, between `validFrom` and `validTo` inclusive. Free slots are computed
/// from it, never stored, so editing a rule never leaves stale slots behind.
public struct OpeningRule: Equatable, Hashable, Sendable {
  public typealias ID = Int64

  public var id: ID?
  public var advisorID: Int64
  public var weekdays: Set<Weekday>
  public var start: TimeOfDay
  public var end: TimeOfDay
  public var slotMinutes: Int
  public var place: AppointmentPlace
  /// Seats per slot for a group session (information meeting); nil for one person per slot.
  public var groupCapacity: Int?
  public var validFrom: LocalDate
  /// Last day the rule applies; nil while it has no end.
  public var validTo: LocalDate?

  public init(
    id: ID? = nil, advisorID: Int64, weekdays: Set<Weekday>, start: TimeOfDay, end: TimeOfDay,
    slotMinutes: Int, place: AppointmentPlace = .onSite, groupCapacity: Int? = nil,
    validFrom: LocalDate, validTo: LocalDate? = nil
  ) {
    self.id = id
    self.advisorID = advisorID
    self.weekdays = weekdays
    self.start = start
    self.end = end
    self.slotMinutes = slotMinutes
    self.place = place
    self.groupCapacity = groupCapacity
    self.validFrom = validFrom
    self.validTo = validTo
  }

  /// People one slot can take.
  public var capacity: Int { groupCapacity ?? 1 }

  public static let slotMinutesRange = 5...480
  public static let groupCapacityRange = 2...100

  /// Checks what the schema checks too, with messages an administrator can act on.
  public func validate() throws(UserError) {
    if weekdays.isEmpty { throw UserError("Choisissez au moins un jour de la semaine.") }
    if end <= start {
      throw UserError("L'heure de fin (\(end)) doit suivre l'heure de début (\(start)).")
    }
    if !Self.slotMinutesRange.contains(slotMinutes) {
      throw UserError("La durée d'un rendez-vous doit être comprise entre 5 et 480 minutes.")
    }
    if slotMinutes > end.minutes - start.minutes {
      throw UserError(
        "La plage \(start)–\(end) est plus courte qu'un rendez-vous de \(slotMinutes) minutes.")
    }
    if let groupCapacity, !Self.groupCapacityRange.contains(groupCapacity) {
      throw UserError("Une séance collective accueille de 2 à 100 personnes.")
    }
    if let validTo, validTo < validFrom {
      throw UserError("La date de fin de validité précède la date de début.")
    }
  }

  /// Whether the rule opens on this day (holidays and absences are removed later).
  public func applies(on date: LocalDate) -> Bool {
    date >= validFrom && (validTo.map { date <= $0 } ?? true) && weekdays.contains(date.weekday)
  }

  /// Wall-clock start times of the slots of one day; a last piece shorter than a slot is not offered.
  public var startTimes: [TimeOfDay] {
    guard slotMinutes > 0 else { return [] }
    return stride(from: start.minutes, through: end.minutes - slotMinutes, by: slotMinutes)
      .compactMap { TimeOfDay(minutes: $0) }
  }
}
