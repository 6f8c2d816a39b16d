import GRDB

/// A reception point (point AIO).
struct SiteRecord: Codable, Sendable, StoredRecord {
  static let databaseTableName = "site"
  var id: Int64?
  var name: String
}
