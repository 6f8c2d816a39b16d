import Foundation

/// Where a screen's figures come from and how old they are: one `dataset` row, as every reference screen shows it.
public struct DataSource: Equatable, Hashable, Sendable {
  /// Dataset name (`rome`, `rncp`, `bmo`…).
  public var name: String
  /// Attribution line, e.g. « France Travail – enquête BMO 2024 ».
  public var source: String
  /// Publisher's version (« v4.60 », « 2024 », « 2003-2005, 2017-2019 »).
  public var version: String
  /// The year or period the figures describe, when the source says it (« 2024 », « 2017-2019 »).
  public var vintage: String?
  /// Day of the newest file read, `yyyy-MM-dd`.
  public var fileDate: String?
  public var importedAt: Date
  /// True when the rows come from the default dataset shipped with Guichet rather than an import.
  public var bundled: Bool

  public init(
    name: String, source: String, version: String, vintage: String? = nil, fileDate: String? = nil,
    importedAt: Date, bundled: Bool = false
  ) {
    self.name = name
    self.source = source
    self.version = version
    self.vintage = vintage ?? Self.vintage(version: version, source: source)
    self.fileDate = fileDate
    self.importedAt = importedAt
    self.bundled = bundled
  }

  /// The latest year or period named in the version, else in the source line: « 2003-2005, 2017-2019 » → « 2017-2019 »,
  /// « 14/06/2021 » → « 2021 », « France compétences – RNCP (export 2021) » → « 2021 ».
  public static func vintage(version: String, source: String) -> String? {
    for text in [version, source] {
      let periods = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      if let last = periods.last {
        let years = Self.years(in: last)
        if years.count == 2, last.count == 9, last.contains("-") { return last }
      }
      if let latest = Self.years(in: text).max() { return String(latest) }
    }
    return nil
  }

  /// Runs of exactly four digits that read as a year.
  static func years(in text: String) -> [Int] {
    text.split(whereSeparator: { !$0.isASCII || !$0.isNumber })
      .filter { $0.count == 4 }
      .compactMap { Int($0) }
      .filter { (1900...2099).contains($0) }
  }

  /// The last year of the vintage, to tell how old the figures are.
  public var vintageYear: Int? {
    vintage.flatMap { Self.years(in: $0).max() }
  }
}
