import GRDB

/// A terminal at a reception point.
struct DeskRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "desk"
  var id: Int64?
  var siteID: Int64
  var name: String

  enum CodingKeys: String, CodingKey {
    case id
    case siteID = "site_id"
    case name
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
