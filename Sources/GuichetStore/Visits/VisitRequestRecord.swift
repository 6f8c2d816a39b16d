import GRDB

/// One request kind of a visit; a visit has one row per kind.
struct VisitRequestRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "visit_request"
  var visitID: Int64
  var requestKind: String

  enum CodingKeys: String, CodingKey {
    case visitID = "visit_id"
    case requestKind = "request_kind"
  }
}
