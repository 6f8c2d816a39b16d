import GRDB

/// A terminal at a reception point.
struct DeskRecord: Codable, Sendable, StoredRecord {
  static let databaseTableName = "desk"
  var id: Int64?
  var siteID: Int64
  var name: String
}
