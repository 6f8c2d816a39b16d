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
