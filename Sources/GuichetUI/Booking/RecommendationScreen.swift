import GuichetCore

/// Routing for the visit's coded profile: recommended operator kinds first, each with the reason of its
/// rule, then every other kind. Picking one that was not recommended asks for an override code.
public enum RecommendationScreen {
  public enum Command: Equatable, Sendable { case choose, up, down }

  public struct State: Equatable, Sendable {
    public var draft: BookingDraft
    /// Nil until routing answered.
    public var loaded = false
    public var highlight = 0
    /// The kind picked against the recommendation, waiting for the agent to say why.
    public var pendingOverride: OperatorKind?
    public var overrideHighlight = 0

    public init(visit: Visit) { draft = BookingDraft(visit: visit) }

    /// Recommended kinds first (with reasons), then the rest in their usual order.
    public var choices: [(kind: OperatorKind, reason: String?)] {
      let recommended = draft.recommendations.map { ($0.operatorKind, Optional($0.reason)) }
      let others = OperatorKind.allCases
        .filter { kind in !draft.recommendations.contains { $0.operatorKind == kind } }
        .map { ($0, String?.none) }
      return (recommended + others).map { (kind: $0.0, reason: $0.1) }
    }

    /// Recommended kinds that no structure here offers yet and no open directory lists.
    public var kindsToAdd: [OperatorKind] {
      draft.recommendations.filter(\.noStructureYet).map(\.operatorKind)
    }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case prepared(Visit, [Recommendation])
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding(
      [.enter], "Choisir", help: "Chercher les créneaux de l'opérateur en surbrillance", .choose),
    KeyBinding([.up], "↑", help: "Opérateur précédent", .up, inKeyBar: false),
    KeyBinding([.down], "↓", help: "Opérateur suivant", .down, inKeyBar: false),
  ]

  public static func loadEffect(_ state: State) -> Effect {
    state.loaded ? .none : .booking(.prepare(state.draft.visit))
  }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .prepared(let visit, let recommendations):
      state.draft.visit = visit
      state.draft.recommendations = recommendations
      state.loaded = true
      state.highlight = 0
      // The store wrote what was coded so far: the form underneath takes it.
      return .navigate(.visitWritten(visit))
    case .key(let key):
      guard state.loaded else { return .none }
      if state.pendingOverride != nil { return overrideKey(key, &state) }
      guard let command: Command = bindings.command(for: key) else {
        if case .char(let c) = key, let digit = c.wholeNumberValue, digit >= 1,
          digit <= state.choices.count
        {
          state.highlight = digit - 1
          return choose(&state)
        }
        return .none
      }
      switch command {
      case .up: state.highlight = max(0, state.highlight - 1)
      case .down: state.highlight = min(state.choices.count - 1, state.highlight + 1)
      case .choose: return choose(&state)
      }
      return .none
    }
  }

  static func choose(_ state: inout State) -> Effect {
    let choices = state.choices
    guard choices.indices.contains(state.highlight) else { return .none }
    let kind = choices[state.highlight].kind
    if choices[state.highlight].reason == nil {
      state.pendingOverride = kind
      state.overrideHighlight = 0
      return .none
    }
    return open(kind, override: nil, &state)
  }

  static func overrideKey(_ key: Key, _ state: inout State) -> Effect {
    let codes = RoutingOverride.allCases
    switch key {
    case .escape: state.pendingOverride = nil
    case .up: state.overrideHighlight = max(0, state.overrideHighlight - 1)
    case .down: state.overrideHighlight = min(codes.count - 1, state.overrideHighlight + 1)
    case .enter:
      if let kind = state.pendingOverride {
        return open(kind, override: codes[state.overrideHighlight], &state)
      }
    case .char(let c):
      if let digit = c.wholeNumberValue, digit >= 1, digit <= codes.count,
        let kind = state.pendingOverride
      {
        return open(kind, override: codes[digit - 1], &state)
      }
    default: break
    }
    return .none
  }

  static func open(_ kind: OperatorKind, override: RoutingOverride?, _ state: inout State) -> Effect
  {
    state.pendingOverride = nil
    var draft = state.draft
    draft.operatorKind = kind
    draft.override = override
    return .navigate(.push(.booking(.availability(draft))))
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let inner = area.inset(1)
    var y = inner.y
    let profile = [
      state.draft.visit.publicCategory.label, state.draft.visit.ageBand.label,
      state.draft.visit.requestKinds.map(\.label).joined(separator: ", "),
      context.territoryName(state.draft.visit.territoryID),
    ].joined(separator: " · ")
    canvas.put("Profil : " + profile, x: inner.x, y: y, style: .muted, limit: inner.width)
    y += 2
    guard state.loaded else {
      canvas.put("Recherche des opérateurs recommandés…", x: inner.x, y: y)
      return
    }
    if state.draft.recommendations.isEmpty {
      canvas.put(
        "Aucune règle d'aiguillage ne correspond : choisissez l'opérateur.", x: inner.x, y: y,
        style: .bold, limit: inner.width)
      y += 1
    } else {
      canvas.put("Opérateurs recommandés", x: inner.x, y: y, style: .title)
      y += 1
    }
    for (index, choice) in state.choices.enumerated() where y < inner.y + inner.height {
      if index == state.draft.recommendations.count && index > 0 {
        canvas.put("Autres opérateurs (choix motivé)", x: inner.x, y: y, style: .title)
        y += 1
      }
      let selected = index == state.highlight
      let line = " \(index + 1). \(choice.kind.label)"
      canvas.putPadded(
        line, x: inner.x, y: y, width: inner.width, style: selected ? .selected : .plain)
      y += 1
      // The reason is what the agent tells the person: wrapped, never cut.
      for line in Text.wrap(choice.reason ?? "", width: inner.width - 4)
      where y < inner.y + inner.height {
        canvas.put(line, x: inner.x + 4, y: y, style: .muted)
        y += 1
      }
      // Cap emploi or the CEP operator recommended with none added here: how to add one, before choosing.
      if index < state.draft.recommendations.count, state.kindsToAdd.contains(choice.kind) {
        let text = "⚠ " + AvailabilityScreen.explanation(.noOpenDirectory([choice.kind]))
        for line in Text.wrap(text, width: inner.width - 4) where y < inner.y + inner.height {
          canvas.put(line, x: inner.x + 4, y: y, style: Style(tone: .warning))
          y += 1
        }
      }
    }
    if let kind = state.pendingOverride { renderOverride(kind, state, in: inner, on: &canvas) }
  }

  static func renderOverride(
    _ kind: OperatorKind, _ state: State, in inner: Rect, on canvas: inout Canvas
  ) {
    let codes = RoutingOverride.allCases
    let height = codes.count + 3
    let box = Rect(
      x: inner.x + 4, y: max(inner.y, inner.y + inner.height - height),
      width: max(10, inner.width - 8), height: height)
    canvas.fill(box)
    canvas.box(box, title: " Pourquoi \(kind.label) ? ")
    for (index, code) in codes.enumerated() {
      canvas.putPadded(
        " \(index + 1). \(code.label)", x: box.x + 1, y: box.y + 1 + index, width: box.width - 2,
        style: index == state.overrideHighlight ? .selected : .plain)
    }
    canvas.put(
      " Entrée : valider · Échap : annuler", x: box.x + 1, y: box.y + box.height - 2, style: .muted,
      limit: box.width - 2)
  }
}
