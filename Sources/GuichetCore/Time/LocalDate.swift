import Foundation

/// A calendar day in Paris without a time: opening rules, holidays and agendas are about days, not instants.
/// Arithmetic is done on day counts (proleptic Gregorian), so it never depends on the host's calendar.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), (1...Self.length(ofMonth: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// From a `yyyymmdd` number, as stored in the database.
  public init?(number: Int) {
    self.init(year: number / 10_000, month: number / 100 % 100, day: number % 100)
  }

  /// From days since 1970-01-01 (Howard Hinnant's civil-from-days).
  public init(daysSinceEpoch days: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    year = yoe + era * 400 + (m <= 2 ? 1 : 0)
    month = m
    day = d
  }

  /// The Paris day an instant falls on.
  public init(_ instant: Date, in timeZone: TimeZone = Day.parisTimeZone) {
    let local =
      Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
    self.init(daysSinceEpoch: Int((Double(local) / 86_400).rounded(.down)))
  }

  public var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  public var number: Int { year * 10_000 + month * 100 + day }

  public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

  /// Whole days from this day to `other` (negative when `other` is earlier).
  public func days(until other: LocalDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

  /// 1970-01-01 was a Thursday.
  public var weekday: Weekday {
    let index = ((daysSinceEpoch % 7) + 7 + 3) % 7
    return Weekday(rawValue: index + 1) ?? .monday
  }

  /// The Monday of this day's week, for week agendas.
  public var startOfWeek: LocalDate { adding(days: 1 - weekday.rawValue) }

  /// « 2026-03-29 »
  public var description: String {
    let m = month < 10 ? "0\(month)" : "\(month)"
    let d = day < 10 ? "0\(day)" : "\(day)"
    return "\(year)-\(m)-\(d)"
  }

  /// « 29/03/2026 », as French slips and screens write it.
  public var frenchNumeric: String {
    let m = month < 10 ? "0\(month)" : "\(month)"
    let d = day < 10 ? "0\(day)" : "\(day)"
    return "\(d)/\(m)/\(year)"
  }

  public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.number < rhs.number }

  static func length(ofMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
