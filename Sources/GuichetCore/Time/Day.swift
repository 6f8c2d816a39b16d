import Foundation

/// Calendar days as `yyyymmdd` integers, computed once at write time so reports never parse dates row by row.
public enum Day {
  /// Time zone of the scheme's reception points.
  public static let parisTimeZone = TimeZone(identifier: "Europe/Paris") ?? .current

  public static func number(of date: Date, in timeZone: TimeZone = parisTimeZone) -> Int {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return (parts.year ?? 0) * 10_000 + (parts.month ?? 0) * 100 + (parts.day ?? 0)
  }

  /// Local hour of the day (0–23): the clock on the wall, so a daylight-saving day still has its 9 h peak at 9 h.
  public static func hour(of date: Date, in timeZone: TimeZone = parisTimeZone) -> Int {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar.component(.hour, from: date)
  }

  /// 20240601 → « 01/06/2024 ».
  public static func french(_ day: Int) -> String {
    let (month, date) = (day / 100 % 100, day % 100)
    return "\(date < 10 ? "0" : "")\(date)/\(month < 10 ? "0" : "")\(month)/\(day / 10_000)"
  }

  /// `2024-06-01` → « 01/06/2024 »; any other text unchanged.
  public static func french(iso: String) -> String {
    let parts = iso.split(separator: "-")
    guard parts.count == 3 else { return iso }
    return "\(parts[2])/\(parts[1])/\(parts[0])"
  }

  /// `yyyymm` of a day number, for monthly rollups.
  public static func month(of day: Int) -> Int { day / 100 }
}
