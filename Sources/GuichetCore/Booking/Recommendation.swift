/// An operator kind recommended for a visit, with the reason of the rule that chose it.
public struct Recommendation: Equatable, Hashable, Sendable {
  public var operatorKind: OperatorKind
  public var reason: String
  public var ruleID: RoutingRule.ID?
  /// No structure of this kind serves the territory and no open directory publishes one (Cap emploi, the
  /// CEP operator): the console says how to add one where the agent chooses.
  public var noStructureYet: Bool

  public init(
    operatorKind: OperatorKind, reason: String, ruleID: RoutingRule.ID? = nil,
    noStructureYet: Bool = false
  ) {
    self.operatorKind = operatorKind
    self.reason = reason
    self.ruleID = ruleID
    self.noStructureYet = noStructureYet
  }
}

/// Routing evaluation: every matching rule, one recommendation per operator kind, best position first.
public enum Routing {
  public static func recommend(_ profile: RoutingProfile, rules: [RoutingRule]) -> [Recommendation]
  {
    var seen = Set<OperatorKind>()
    var result: [Recommendation] = []
    let ordered = rules.sorted { ($0.position, $0.id ?? 0) < ($1.position, $1.id ?? 0) }
    for rule in ordered where rule.matches(profile) && !seen.contains(rule.operatorKind) {
      seen.insert(rule.operatorKind)
      result.append(
        Recommendation(operatorKind: rule.operatorKind, reason: rule.reason, ruleID: rule.id))
    }
    return result
  }
}
