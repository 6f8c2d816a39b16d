import GRDB
import GuichetCore

/// The `advisor` row.
struct AdvisorRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "advisor"
  var id: Int64?
  var structureID: Int64
  var displayName: String
  var isActive: Bool

  enum CodingKeys: String, CodingKey {
    case id
    case structureID = "structure_id"
    case displayName = "display_name"
    case isActive = "is_active"
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  init(_ advisor: Advisor) {
    id = advisor.id
    structureID = advisor.structureID
    displayName = advisor.displayName
    isActive = advisor.isActive
  }

  var advisor: Advisor {
    Advisor(id: id, structureID: structureID, displayName: displayName, isActive: isActive)
  }
}
