import GRDB

/// One request kind of a visit; a visit has one row per kind.
struct VisitRequestRecord: Codable, Sendable, PersistableRecord, SnakeCaseColumns {
  static let databaseTableName = "visit_request"
  var visitID: Int64
  var requestKind: String

}
