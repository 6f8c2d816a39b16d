import GRDB
import GuichetCore

/// The `routing_rule` row; nil criteria match everything.
struct RoutingRuleRecord: Codable, Sendable, StoredRecord {
  static let databaseTableName = "routing_rule"
  var id: Int64?
  var position: Int
  var publicCategory: String?
  var ageBand: String?
  var requestKind: String?
  var territoryID: Int64?
  var operatorKind: String
  var reason: String
  var isActive: Bool

  init(_ rule: RoutingRule) {
    id = rule.id
    position = rule.position
    publicCategory = rule.publicCategory?.rawValue
    ageBand = rule.ageBand?.rawValue
    requestKind = rule.requestKind?.rawValue
    territoryID = rule.territoryID
    operatorKind = rule.operatorKind.rawValue
    reason = rule.reason
    isActive = rule.isActive
  }

  /// A rule with a code this version does not know is left out rather than matching too widely.
  var rule: RoutingRule? {
    let category = publicCategory.map(PublicCategory.init(rawValue:))
    let age = ageBand.map(AgeBand.init(rawValue:))
    let request = requestKind.map(RequestKind.init(rawValue:))
    guard category != .some(nil), age != .some(nil), request != .some(nil),
      let kind = OperatorKind(rawValue: operatorKind)
    else { return nil }
    return RoutingRule(
      id: id, position: position, publicCategory: category ?? nil, ageBand: age ?? nil,
      requestKind: request ?? nil, territoryID: territoryID, operatorKind: kind, reason: reason,
      isActive: isActive)
  }
}
