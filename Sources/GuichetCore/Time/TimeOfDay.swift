/// A wall-clock time (hours and minutes) in Paris, as opening hours are written; never an instant.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Minutes since midnight, 0...1440 (1440 only as an end time: « jusqu'à minuit »).
  public let minutes: Int

  public init?(minutes: Int) {
    guard (0...1440).contains(minutes) else { return nil }
    self.minutes = minutes
  }

  public init?(hour: Int, minute: Int = 0) {
    guard (0...24).contains(hour), (0..<60).contains(minute) else { return nil }
    self.init(minutes: hour * 60 + minute)
  }

  /// Reads « 9:30 », « 09h30 » or « 14h ».
  public init?(parsing text: String) {
    let parts = text.filter { $0 != " " }.lowercased()
      .split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "h" })
    guard (1...2).contains(parts.count), let hour = Int(parts[0]) else { return nil }
    let minute = parts.count == 2 && !parts[1].isEmpty ? Int(parts[1]) : 0
    guard let minute, parts[0].count <= 2, parts.count == 1 || parts[1].count <= 2 else {
      return nil
    }
    self.init(hour: hour, minute: minute)
  }

  public var hour: Int { minutes / 60 }
  public var minute: Int { minutes % 60 }

  /// « 09:30 »
  public var description: String {
    let h = hour < 10 ? "0\(hour)" : "\(hour)"
    let m = minute < 10 ? "0\(minute)" : "\(minute)"
    return "\(h):\(m)"
  }

  public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }
}
