/// Dates of the RNCP export are written the American way with a two-digit year (`8/31/16`);
/// stored as `yyyy-MM-dd` so they sort and compare.
enum RNCPDate {
  static func iso(_ raw: String) -> String? {
    let parts = raw.split(separator: "/")
    guard parts.count == 3, let month = Int(parts[0]), let day = Int(parts[1]),
      let year = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    let fullYear = parts[2].count <= 2 ? (year < 70 ? 2000 + year : 1900 + year) : year
    return "\(fullYear)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
  }
}
