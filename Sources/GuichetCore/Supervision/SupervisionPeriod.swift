/// The days a supervisor looks at: a day, the week (Monday–Sunday), the month or the year around a day, or any
/// range. Days are local calendar days, so a daylight-saving day is one day like any other.
public struct SupervisionPeriod: Equatable, Hashable, Sendable {
  public enum Kind: String, CaseIterable, Sendable {
    case day, week, month, year, range

    public var label: String {
      switch self {
      case .day: "Jour"
      case .week: "Semaine"
      case .month: "Mois"
      case .year: "Année"
      case .range: "Période"
      }
    }
  }

  public var kind: Kind
  public var first: LocalDate
  public var last: LocalDate

  /// The period of this kind that contains `day` (a range starts and ends on `day`).
  public init(_ kind: Kind, containing day: LocalDate) {
    self.kind = kind
    switch kind {
    case .day, .range:
      first = day
      last = day
    case .week:
      first = day.startOfWeek
      last = first.adding(days: 6)
    case .month:
      first = LocalDate(year: day.year, month: day.month, day: 1) ?? day
      last = Self.lastDay(year: day.year, month: day.month)
    case .year:
      first = LocalDate(year: day.year, month: 1, day: 1) ?? day
      last = LocalDate(year: day.year, month: 12, day: 31) ?? day
    }
  }

  /// Any range of days, both included.
  public init(from first: LocalDate, to last: LocalDate) {
    kind = .range
    self.first = min(first, last)
    self.last = max(first, last)
  }

  public var dayCount: Int { first.days(until: last) + 1 }

  /// The same kind of period, `steps` periods later (earlier when negative).
  public func moved(by steps: Int) -> SupervisionPeriod {
    switch kind {
    case .day: SupervisionPeriod(.day, containing: first.adding(days: steps))
    case .week: SupervisionPeriod(.week, containing: first.adding(days: 7 * steps))
    case .month:
      SupervisionPeriod(
        .month, containing: Self.monthStart(first.year * 12 + first.month - 1 + steps))
    case .year:
      SupervisionPeriod(
        .year, containing: LocalDate(year: first.year + steps, month: 1, day: 1) ?? first)
    case .range:
      SupervisionPeriod(
        from: first.adding(days: steps * dayCount), to: last.adding(days: steps * dayCount))
    }
  }

  /// The day a narrower view of this period opens on (M from a year, J from a month…): today when the
  /// period holds it, else today's month and day of the month carried into the period (December 2025 from
  /// the year 2025 when today is in December 2026), else the period's first day.
  public func anchor(today: LocalDate) -> LocalDate {
    if first <= today && today <= last { return today }
    let month = kind == .year ? today.month : first.month
    let day = min(today.day, LocalDate.length(ofMonth: month, year: first.year))
    guard let carried = LocalDate(year: first.year, month: month, day: day),
      first <= carried && carried <= last
    else { return first }
    return carried
  }

  /// Every day of the period, in order.
  public var days: [LocalDate] { (0..<dayCount).map { first.adding(days: $0) } }

  /// French wording: « mardi 12/03/2024 », « semaine du 11/03/2024 au 17/03/2024 », « mars 2024 », « année 2024 ».
  public var label: String {
    switch kind {
    case .day: "\(first.weekday.label) \(first.frenchNumeric)"
    case .week: "semaine du \(first.frenchNumeric) au \(last.frenchNumeric)"
    case .month: "\(Self.monthNames[first.month - 1]) \(first.year)"
    case .year: "année \(first.year)"
    case .range:
      first == last ? first.frenchNumeric : "du \(first.frenchNumeric) au \(last.frenchNumeric)"
    }
  }

  public static let monthNames = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
  ]

  static func monthStart(_ index: Int) -> LocalDate {
    LocalDate(year: index / 12, month: index % 12 + 1, day: 1)
      ?? LocalDate(daysSinceEpoch: 0)
  }

  static func lastDay(year: Int, month: Int) -> LocalDate {
    LocalDate(year: year, month: month, day: LocalDate.length(ofMonth: month, year: year))
      ?? monthStart(year * 12 + month).adding(days: -1)
  }
}
