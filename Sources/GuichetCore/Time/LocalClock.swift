import Foundation

/// Converts Paris wall-clock times to instants and back. Opening hours are wall-clock times, so a 9:00 slot
/// is 08:00 UTC in winter and 07:00 UTC in summer; on the spring change the skipped hour has no instant,
/// and on the autumn change the repeated hour is taken at its first occurrence, so no slot is made twice.
public enum LocalClock {
  /// The instant at which the clock in `timeZone` reads `time` on `date`; nil inside the spring-forward gap.
  public static func instant(
    _ date: LocalDate, _ time: TimeOfDay, in timeZone: TimeZone = Day.parisTimeZone
  ) -> Date? {
    let wall = date.daysSinceEpoch * 86_400 + time.minutes * 60
    if let offset = steadyOffset(on: date, in: timeZone) { return seconds(wall - offset) }
    return transitionInstant(wall: wall, in: timeZone)
  }

  /// The instants of several wall-clock times of one day, with one offset lookup for the whole day.
  public static func instants(
    _ date: LocalDate, _ times: [TimeOfDay], in timeZone: TimeZone = Day.parisTimeZone
  ) -> [Date?] {
    let midnight = date.daysSinceEpoch * 86_400
    if let offset = steadyOffset(on: date, in: timeZone) {
      return times.map { seconds(midnight + $0.minutes * 60 - offset) }
    }
    return times.map { transitionInstant(wall: midnight + $0.minutes * 60, in: timeZone) }
  }

  /// The UTC offset of a day with no clock change around it, or nil near one. Slot computation asks for
  /// thousands of instants a day and each time-zone lookup goes through ICU, so ordinary days take one
  /// pair of lookups; the offsets are compared a day either side, and clock changes are months apart.
  static func steadyOffset(on date: LocalDate, in timeZone: TimeZone) -> Int? {
    let midnight = date.daysSinceEpoch * 86_400
    let before = timeZone.secondsFromGMT(for: seconds(midnight - 86_400))
    let after = timeZone.secondsFromGMT(for: seconds(midnight + 2 * 86_400))
    return before == after ? before : nil
  }

  /// The general case, for days near a clock change: the wall time read with each nearby offset, kept
  /// where that offset is the one in force at the resulting instant.
  static func transitionInstant(wall: Int, in timeZone: TimeZone) -> Date? {
    let offsets = Set([-86_400, 86_400].map { timeZone.secondsFromGMT(for: seconds(wall + $0)) })
    let candidates = offsets.map { wall - $0 }.filter {
      timeZone.secondsFromGMT(for: seconds($0)) == wall - $0
    }
    return candidates.min().map(seconds)
  }

  /// The Paris day and wall-clock time of an instant (to the minute).
  public static func wallTime(of instant: Date, in timeZone: TimeZone = Day.parisTimeZone)
    -> (date: LocalDate, time: TimeOfDay)
  {
    let local =
      Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
    let days = Int((Double(local) / 86_400).rounded(.down))
    let minutes = (local - days * 86_400) / 60
    return (LocalDate(daysSinceEpoch: days), TimeOfDay(minutes: minutes) ?? TimeOfDay(minutes: 0)!)
  }

  /// The first instant of a Paris day (midnight exists every day in Europe/Paris; changes happen at 2:00 and 3:00).
  public static func startOfDay(_ date: LocalDate, in timeZone: TimeZone = Day.parisTimeZone)
    -> Date
  {
    instant(date, TimeOfDay(minutes: 0)!, in: timeZone)
      ?? seconds(date.daysSinceEpoch * 86_400)
  }

  static func seconds(_ value: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(value)) }
}
