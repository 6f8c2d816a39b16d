import GRDB

/// A reception point (point AIO).
struct SiteRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "site"
  var id: Int64?
  var name: String

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
