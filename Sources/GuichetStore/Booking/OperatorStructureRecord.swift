import GRDB
import GuichetCore

/// The `operator_structure` row; its territories live in `operator_structure_territory`.
struct OperatorStructureRecord: Codable, Sendable, StoredRecord {
  static let databaseTableName = "operator_structure"
  var id: Int64?
  var kind: String
  var name: String
  var address: String?
  var postcode: String?
  var city: String?
  var phone: String?
  var email: String?
  var sourceID: String?
  var isActive: Bool
  var inseeCode: String?
  var note: String?
  /// An administrator saved it: directory refreshes leave it alone.
  var edited: Bool

  init(_ structure: OperatorStructure) {
    id = structure.id
    kind = structure.kind.rawValue
    name = structure.name
    address = structure.address
    postcode = structure.postcode
    city = structure.city
    phone = structure.phone
    email = structure.email
    sourceID = structure.sourceID
    isActive = structure.isActive
    inseeCode = structure.inseeCode
    note = structure.note
    edited = true
  }

  func structure(territoryIDs: [Int64]) -> OperatorStructure {
    OperatorStructure(
      id: id, kind: OperatorKind(rawValue: kind) ?? .other, name: name, address: address,
      postcode: postcode, city: city, phone: phone, email: email, territoryIDs: territoryIDs,
      sourceID: sourceID, isActive: isActive, inseeCode: inseeCode, note: note)
  }
}
