import Foundation
import GRDB
import GuichetCore

/// The `visit` row. Request kinds live in `visit_request`; `day` and `month` are derived from the arrival.
struct VisitRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "visit"
  var id: Int64?
  var siteID: Int64
  var deskID: Int64
  var channel: String
  var arrivedAt: Date
  var startedAt: Date?
  var closedAt: Date?
  var publicCategory: String
  var ageBand: String
  var territoryID: Int64?
  var outcome: String?
  var reason: String?
  var day: Int
  var month: Int
  /// Local hour of arrival, for the « heure d'arrivée » breakdown.
  var hour: Int

  enum CodingKeys: String, CodingKey {
    case id
    case siteID = "site_id"
    case deskID = "desk_id"
    case channel
    case arrivedAt = "arrived_at"
    case startedAt = "started_at"
    case closedAt = "closed_at"
    case publicCategory = "public_category"
    case ageBand = "age_band"
    case territoryID = "territory_id"
    case outcome, reason, day, month, hour
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  init(_ visit: Visit) {
    let day = Day.number(of: visit.arrivedAt)
    id = visit.id
    siteID = visit.siteID
    deskID = visit.deskID
    channel = visit.channel.rawValue
    arrivedAt = visit.arrivedAt
    startedAt = visit.startedAt
    closedAt = visit.closedAt
    publicCategory = visit.publicCategory.rawValue
    ageBand = visit.ageBand.rawValue
    territoryID = visit.territoryID
    outcome = visit.outcome?.rawValue
    reason = visit.reason?.rawValue
    self.day = day
    month = Day.month(of: day)
    hour = Day.hour(of: visit.arrivedAt)
  }

  /// Unknown codes (written by a newer version) fall back to « not said » rather than hiding the visit.
  func visit(requestKinds: [RequestKind]) -> Visit {
    Visit(
      id: id, siteID: siteID, deskID: deskID, channel: Channel(rawValue: channel) ?? .walkIn,
      arrivedAt: arrivedAt, startedAt: startedAt, closedAt: closedAt,
      publicCategory: PublicCategory(rawValue: publicCategory) ?? .notSaid,
      ageBand: AgeBand(rawValue: ageBand) ?? .notSaid, territoryID: territoryID,
      requestKinds: requestKinds, outcome: outcome.flatMap(Outcome.init(rawValue:)),
      reason: reason.flatMap(NoAnswerReason.init(rawValue:)), day: day)
  }
}
