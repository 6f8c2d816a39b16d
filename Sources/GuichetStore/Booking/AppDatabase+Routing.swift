import GRDB
import GuichetCore

extension AppDatabase {
  /// The routing table in evaluation order, inactive rules included (the admin screen shows them greyed).
  public func routingRules() throws -> [RoutingRule] {
    try StoreErrors.run("Lecture des règles d'orientation") {
      try writer.read { db in try Self.routingRules(db) }
    }
  }

  /// Administrators only.
  public func saveRoutingRule(_ rule: RoutingRule, by caller: Caller) throws -> RoutingRule {
    var cleaned = rule
    cleaned.reason = Self.cleanField(rule.reason)
    try cleaned.validate()
    return try StoreErrors.run("Enregistrement de la règle d'orientation") {
      try writer.write { db in
        try caller.require(.administerOperators, in: db)
        var record = RoutingRuleRecord(cleaned)
        try record.insertOrUpdate(db, missing: "Cette règle d'orientation n'existe plus.")
        guard let saved = record.rule else { throw UserError("Règle d'orientation illisible.") }
        return saved
      }
    }
  }

  public func deleteRoutingRule(id: Int64, by caller: Caller) throws {
    try StoreErrors.run("Suppression de la règle d'orientation") {
      _ = try writer.write { db in
        try caller.require(.administerOperators, in: db)
        return try RoutingRuleRecord.deleteOne(db, key: id)
      }
    }
  }

  /// Recommended operator kinds for a visit, best first, each with the reason shown to the agent, and
  /// whether it is a kind with no open directory of which no structure serves the visit's territory yet.
  public func recommend(for visit: Visit) throws -> [Recommendation] {
    try StoreErrors.run("Lecture des règles d'orientation") {
      try writer.read { db in
        var recommendations = Routing.recommend(
          RoutingProfile(visit), rules: try Self.routingRules(db))
        let missing = try Self.missingWithoutDirectory(
          db, territoryID: visit.territoryID, operatorKinds: recommendations.map(\.operatorKind))
        for index in recommendations.indices
        where missing.contains(recommendations[index].operatorKind) {
          recommendations[index].noStructureYet = true
        }
        return recommendations
      }
    }
  }

  static func routingRules(_ db: Database) throws -> [RoutingRule] {
    try RoutingRuleRecord.fetchAll(db, sql: "SELECT * FROM routing_rule ORDER BY position, id")
      .compactMap(\.rule)
  }
}
