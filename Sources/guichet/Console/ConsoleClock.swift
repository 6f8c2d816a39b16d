import Foundation
import GuichetCore

/// The console's clock. `GUICHET_NOW=2026-12-03T10:30` (Paris wall time), read once at start, moves it to
/// that instant and lets it run from there: drills and end-to-end tests can reach a day or an hour that has
/// not come yet (an advisor marking an appointment seen). Every timestamp the console writes comes from it.
struct ConsoleClock: Sendable {
  /// Seconds added to the system time.
  var offset: TimeInterval = 0

  func now() -> Date { Date().addingTimeInterval(offset) }

  static let variable = "GUICHET_NOW"

  /// The system clock, or the one `GUICHET_NOW` asks for; a value that does not parse is refused in French.
  static func fromEnvironment(
    _ environment: [String: String] = ProcessInfo.processInfo.environment, systemNow: Date = Date()
  ) throws(UserError) -> ConsoleClock {
    guard let text = environment[variable], !text.isEmpty else { return ConsoleClock() }
    guard let start = parse(text) else {
      throw UserError(
        "\(variable) attend une date et une heure de Paris comme 2026-12-03T10:30 (reçu « \(SafeText.clean(String(text.prefix(40)))) »)."
      )
    }
    return ConsoleClock(offset: start.timeIntervalSince(systemNow))
  }

  /// « 2026-12-03T10:30 » or « 2026-12-03T10:30:15 » (or with a space instead of the T), Paris wall time.
  static func parse(_ text: String) -> Date? {
    let parts = text.trimmingCharacters(in: .whitespaces).split(
      maxSplits: 1, whereSeparator: { $0 == "T" || $0 == " " })
    guard parts.count == 2 else { return nil }
    let numbers = parts[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    // Optional seconds (« 23:59:55 »): a test reaches midnight, the console's day change, in seconds.
    let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
    let seconds = clock.count == 3 ? Int(clock[2]).flatMap { (0..<60).contains($0) ? $0 : nil } : 0
    guard numbers.count == 3, let year = numbers[0], let month = numbers[1], let day = numbers[2],
      let date = LocalDate(year: year, month: month, day: day), let seconds, clock.count <= 3,
      let time = TimeOfDay(parsing: clock.prefix(2).joined(separator: ":")), time.minutes < 1440
    else { return nil }
    return LocalClock.instant(date, time)?.addingTimeInterval(TimeInterval(seconds))
  }
}
