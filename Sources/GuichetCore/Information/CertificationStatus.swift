/// Whether a certification can still be prepared, as of a given day. The RNCP export's own flag (ACTIVE/INACTIVE)
/// was true when the file was made, in 2021: a fiche marked active whose end of validity has passed is expired,
/// and the screens say so rather than repeat « active » next to a date in the past.
public enum CertificationStatus: Equatable, Sendable {
  /// Active in the export and still valid (`until` is the end of validity, when the export gives one).
  case active(until: String?)
  /// Active in the export, but its end of validity (`yyyy-MM-dd`) is before the day asked about.
  case expired(on: String)
  /// Inactive in the export (replaced or withdrawn).
  case inactive

  /// `endDate` is `yyyy-MM-dd`; `today` a day number `yyyymmdd` (`Day.number`).
  public init(isActive: Bool, endDate: String?, today: Int) {
    guard isActive else {
      self = .inactive
      return
    }
    if let endDate, let end = Self.dayNumber(endDate), end < today {
      self = .expired(on: endDate)
    } else {
      self = .active(until: endDate)
    }
  }

  /// 0 active, 1 expired, 2 inactive: the order search results follow.
  public var rank: Int {
    switch self {
    case .active: 0
    case .expired: 1
    case .inactive: 2
    }
  }

  public var isCurrent: Bool { rank == 0 }

  /// « active », « active jusqu'au 31/08/2027 », « expirée le 01/01/2024 », « inactive ».
  public var label: String {
    switch self {
    case .active(let until):
      until.map { "active jusqu'au \(Day.french(iso: $0))" } ?? "active"
    case .expired(let on): "expirée le \(Day.french(iso: on))"
    case .inactive: "inactive"
    }
  }

  /// `2024-01-01` → 20240101, nil when the text is not such a date.
  public static func dayNumber(_ iso: String) -> Int? {
    let parts = iso.split(separator: "-")
    guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
      let day = Int(parts[2])
    else { return nil }
    return year * 10_000 + month * 100 + day
  }
}
