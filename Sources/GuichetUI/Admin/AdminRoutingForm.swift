import GuichetCore

/// The routing-rule form: public × age band × request kind × territory → operator kind, with the reason
/// the agent reads. « Tous » leaves a criterion open; `RoutingRule.validate` requires one at least.
extension AdminFormScreen {
  static func routingFields(_ rule: RoutingRule?, nextPosition: Int, context: AppContext)
    -> [FormField]
  {
    let territories = territories(context)
    return [
      .text(
        "Ordre", String(rule?.position ?? nextPosition), hint: "plus petit : évalué d'abord",
        limit: 5),
      .choice(
        "Public", ["Tous"] + PublicCategory.allCases.map(\.label),
        selected: index(of: rule?.publicCategory, in: PublicCategory.allCases)),
      .choice(
        "Âge", ["Tous"] + AgeBand.allCases.map(\.label),
        selected: index(of: rule?.ageBand, in: AgeBand.allCases)),
      .choice(
        "Demande", ["Toutes"] + RequestKind.allCases.map(\.label),
        selected: index(of: rule?.requestKind, in: RequestKind.allCases)),
      .choice(
        "Territoire", ["Tous"] + territories.map(\.name),
        selected: rule?.territoryID.flatMap { id in territories.firstIndex { $0.id == id } }.map {
          $0 + 1
        } ?? 0),
      .choice(
        "Opérateur", OperatorKind.allCases.map(\.label),
        selected: rule.flatMap { OperatorKind.allCases.firstIndex(of: $0.operatorKind) } ?? 0),
      .text("Raison", rule?.reason ?? "", hint: "affichée à l'agent", limit: 200),
      .choice("Active", ["Oui", "Non"], selected: rule?.isActive == false ? 1 : 0),
    ]
  }

  static func parseRouting(_ fields: FormFields, original: RoutingRule?, context: AppContext)
    throws(UserError) -> RoutingRule
  {
    guard let position = Int(fields.text(0)), (0...99_999).contains(position) else {
      throw UserError("Ordre : un nombre entier, par exemple 10 (les plus petits d'abord).")
    }
    let territories = territories(context)
    let rule = RoutingRule(
      id: original?.id, position: position,
      publicCategory: pick(fields.choice(1), in: PublicCategory.allCases),
      ageBand: pick(fields.choice(2), in: AgeBand.allCases),
      requestKind: pick(fields.choice(3), in: RequestKind.allCases),
      territoryID: fields.choice(4) == 0 ? nil : territories[fields.choice(4) - 1].id,
      operatorKind: OperatorKind.allCases[fields.choice(5)], reason: fields.text(6),
      isActive: fields.choice(7) == 0)
    try rule.validate()
    return rule
  }

  /// Choice index of an optional criterion: 0 is « Tous ».
  static func index<C: Equatable>(of value: C?, in all: [C]) -> Int {
    value.flatMap { all.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
  }

  static func pick<C>(_ choice: Int, in all: [C]) -> C? {
    choice == 0 ? nil : all[choice - 1]
  }
}
