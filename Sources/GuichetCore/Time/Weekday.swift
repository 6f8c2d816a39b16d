/// ISO weekday (Monday = 1). Opening rules store a set of them as a 7-bit mask.
public enum Weekday: Int, CaseIterable, Hashable, Sendable, Comparable {
  case monday = 1
  case tuesday, wednesday, thursday, friday, saturday, sunday

  public var label: String {
    switch self {
    case .monday: "lundi"
    case .tuesday: "mardi"
    case .wednesday: "mercredi"
    case .thursday: "jeudi"
    case .friday: "vendredi"
    case .saturday: "samedi"
    case .sunday: "dimanche"
    }
  }

  public var bit: Int { 1 << (rawValue - 1) }

  public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The mask stored in the database for a set of weekdays.
  public static func mask(_ days: Set<Weekday>) -> Int { days.reduce(0) { $0 | $1.bit } }

  public static func set(mask: Int) -> Set<Weekday> { Set(allCases.filter { mask & $0.bit != 0 }) }
}
