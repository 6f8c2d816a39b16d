import Foundation
import GRDB
import GuichetCore

/// The `visit` row. Request kinds live in `visit_request`; `day` and `month` are derived from the arrival.
struct VisitRecord: Codable, Sendable, StoredRecord {
  static let databaseTableName = "visit"
  /// The refusal of a visit row that is gone (another desk deleted it).
  static let missing = "Cette visite n'existe plus : elle a peut-être été supprimée."
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
  /// The site's number for the day (« v5-queue »); fixed once given (a trigger refuses a change).
  var ticket: Int?

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
    ticket = visit.ticket
  }

  /// Unknown codes (written by a newer version) fall back to « not said » rather than hiding the visit.
  func visit(requestKinds: [RequestKind]) -> Visit {
    Visit(
      id: id, siteID: siteID, deskID: deskID, channel: Channel(rawValue: channel) ?? .walkIn,
      arrivedAt: arrivedAt, startedAt: startedAt, closedAt: closedAt,
      publicCategory: PublicCategory(rawValue: publicCategory) ?? .notSaid,
      ageBand: AgeBand(rawValue: ageBand) ?? .notSaid, territoryID: territoryID,
      requestKinds: requestKinds, outcome: outcome.flatMap(Outcome.init(rawValue:)),
      reason: reason.flatMap(NoAnswerReason.init(rawValue:)), day: day, ticket: ticket)
  }
}
