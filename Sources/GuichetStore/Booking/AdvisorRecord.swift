import GRDB
import GuichetCore

/// The `advisor` row.
struct AdvisorRecord: Codable, Sendable, StoredRecord {
  static let databaseTableName = "advisor"
  /// The refusal of an advisor row that is gone.
  static let missing = "Ce conseiller n'existe plus."
  var id: Int64?
  var structureID: Int64
  var displayName: String
  var isActive: Bool

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
