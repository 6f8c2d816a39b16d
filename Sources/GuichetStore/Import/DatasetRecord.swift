import Foundation
import GRDB

/// The `dataset` row that tells every screen where its figures come from and how old they are.
public struct DatasetRecord: Equatable, Sendable, Codable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "dataset"

  public var name: String
  /// Attribution line to display, e.g. « France Travail – ROME 4.0 (v4.60) ».
  public var source: String
  public var version: String
  /// Day of the newest file read, `yyyy-MM-dd`.
  public var fileDate: String?
  /// When it was imported, ISO 8601 (UTC).
  public var importedAt: String
  /// True when the rows come from the bundled default dataset rather than an import.
  public var bundled: Bool
  /// Content hash of the bundle the rows came from, so a new release reloads them.
  public var bundleVersion: String?
  /// Counts as `key=value` pairs separated by `;`.
  public var counts: String

  enum CodingKeys: String, CodingKey {
    case name, source, version, bundled, counts
    case fileDate = "file_date"
    case importedAt = "imported_at"
    case bundleVersion = "bundle_version"
  }

  /// Every recorded dataset, by name.
  public static func all(_ db: Database) throws -> [DatasetRecord] {
    try DatasetRecord.order(Column("name")).fetchAll(db)
  }

  static func day(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: date)
  }

  /// Replaces the dataset's row after an import.
  static func record(
    _ report: ImportReport, fileDate: String?, bundleVersion: String? = nil, in db: Database
  ) throws {
    let counts = report.counts.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    let record = DatasetRecord(
      name: report.dataset.rawValue, source: report.source, version: report.version,
      fileDate: fileDate, importedAt: ISO8601DateFormatter().string(from: Date()),
      bundled: bundleVersion != nil, bundleVersion: bundleVersion, counts: counts)
    try record.save(db)
  }
}
