import GuichetCore

/// Administration: the routing table (aiguillage), in evaluation order. Each rule maps public × age band ×
/// request kind × territory to an operator kind, with the reason shown to the agent. Rules are edited or
/// disabled, never lost: a disabled rule stays listed, greyed.
public enum AdminRoutingScreen {
  public enum Command: Equatable, Sendable { case add, edit, toggleActive, up, down }

  public struct State: Equatable, Sendable {
    public var rules: [RoutingRule] = []
    public var loaded = false
    public var selection = 0

    public init() {}

    public var selected: RoutingRule? {
      rules.indices.contains(selection) ? rules[selection] : nil
    }

    /// A new rule goes after the last one unless the agent types another order.
    var nextPosition: Int { (rules.map(\.position).max() ?? 0) + 10 }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    /// A write went through: on top, this list says so and reloads; below, it only keeps the focus.
    case written(AdminWrite, message: String, onTop: Bool)
    case loaded([RoutingRule])
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding([.char("n")], "Nouvelle", help: "Ajouter une règle d'aiguillage", .add),
    KeyBinding([.enter, .char("m")], "Modifier", help: "Modifier la règle sélectionnée", .edit),
    KeyBinding(
      [.char("d")], "Activer/désact.", help: "Désactiver ou réactiver la règle sélectionnée",
      .toggleActive),
    KeyBinding([.up], "Précédente", .up, inKeyBar: false),
    KeyBinding([.down], "Suivante", .down, inKeyBar: false),
  ]

  public static let loadEffect: Effect = .admin(.loadRouting)

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .written(_, let message, let onTop):
      return onTop ? .navigate(.status(StatusMessage(message))) + loadEffect : .none
    case .loaded(let rules):
      let id = state.selected?.id
      state.rules = rules
      state.loaded = true
      state.selection =
        rules.firstIndex { $0.id == id } ?? min(state.selection, max(0, rules.count - 1))
    case .key(let key):
      guard let command: Command = bindings.command(for: key) else { return .none }
      switch command {
      case .up: state.selection = max(0, state.selection - 1)
      case .down: state.selection = min(max(0, state.rules.count - 1), state.selection + 1)
      case .add:
        return .navigate(
          .push(.admin(.form(.routingRule(nil, nextPosition: state.nextPosition)))))
      case .edit:
        guard let rule = state.selected else { return .none }
        return .navigate(
          .push(.admin(.form(.routingRule(rule, nextPosition: state.nextPosition)))))
      case .toggleActive:
        guard var rule = state.selected else { return .none }
        rule.isActive.toggle()
        return .admin(.write(.routingRule(rule)))
      }
    }
    return .none
  }

  /// « Décrocheur · 16-25 ans · toute demande · tous territoires »
  static func criteria(_ rule: RoutingRule, context: AppContext) -> String {
    [
      rule.publicCategory?.label ?? "tout public",
      rule.ageBand?.label ?? "tout âge",
      rule.requestKind?.label ?? "toute demande",
      rule.territoryID.map { context.territoryName($0) } ?? "tous territoires",
    ].joined(separator: " · ")
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let inner = area.inset(1)
    canvas.put(
      "Règles d'aiguillage (\(state.rules.count)), dans l'ordre où elles sont évaluées", x: inner.x,
      y: inner.y, style: .title, limit: inner.width)
    guard state.loaded else {
      canvas.put("Chargement…", x: inner.x, y: inner.y + 2, style: .muted)
      return
    }
    canvas.putPadded(
      " " + Text.column("Ordre", width: 6) + Text.column("Opérateur", width: 17) + "Quand",
      x: inner.x, y: inner.y + 1, width: inner.width, style: .muted)
    let rows = max(1, inner.height - 5)
    let first = max(0, min(state.selection - rows + 1, state.rules.count - rows))
    for line in 0..<min(rows, state.rules.count - first) {
      let index = first + line
      let rule = state.rules[index]
      let text =
        " " + Text.column(String(rule.position), width: 6)
        + Text.column(rule.operatorKind.label, width: 17)
        + (rule.isActive ? "" : "désactivée · ") + criteria(rule, context: context)
      canvas.putPadded(
        text, x: inner.x, y: inner.y + 2 + line, width: inner.width,
        style: index == state.selection ? .selected : rule.isActive ? .plain : .muted)
    }
    if let rule = state.selected {
      for (index, line) in Text.wrap("Raison : \(rule.reason)", width: inner.width).prefix(2)
        .enumerated()
      {
        canvas.put(line, x: inner.x, y: inner.y + inner.height - 2 + index, limit: inner.width)
      }
    }
  }
}
