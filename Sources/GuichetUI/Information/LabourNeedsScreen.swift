import GuichetCore

/// « Besoins en main-d'œuvre »: the BMO métiers with the most planned recruitments in a territory, with the share
/// judged difficult and the share seasonal. The territory is the visit's, or the one of a commune typed here.
/// BMO uses FAP2021 families, which join to no ROME fiche: they are shown by their own labels, never linked.
public enum LabourNeedsScreen {
  public typealias Command = ListMove

  public struct State: Equatable, Sendable {
    public var territory: Territory?
    public var communeName: String?
    public var picker = CommunePicker()
    public var needs: LabourNeeds?
    public var selection = 0

    public init(territory: Territory? = nil) {
      self.territory = territory
    }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case communesFound(query: String, matches: [CommuneMatch])
    case loaded(territoryID: Int64, LabourNeeds?)
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding([.up], "Monter", .up, inKeyBar: false),
    KeyBinding([.down], "Descendre", .down, inKeyBar: false),
    KeyBinding([.pageUp], "Page préc.", .pageUp, inKeyBar: false),
    KeyBinding([.pageDown], "Page suiv.", .pageDown, inKeyBar: false),
    KeyBinding([.home], "Début", .first, inKeyBar: false),
    KeyBinding([.end], "Fin", .last, inKeyBar: false),
  ]

  public static let fieldHelp: [HintLine] = [
    HintLine(key: "Lettres", text: "Taper une commune pour voir un autre territoire"),
    HintLine(key: "Entrée", text: "Prendre la commune en surbrillance"),
    HintLine(key: "Suppr", text: "Effacer la commune tapée"),
  ]

  public static func loadEffect(_ state: State) -> Effect {
    state.territory.map { .loadLabourNeeds(territoryID: $0.id) } ?? .none
  }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .communesFound(let query, let matches):
      state.picker.found(query: query, matches: matches)
    case .loaded(let territoryID, let needs):
      guard territoryID == state.territory?.id else { return .none }
      state.needs = needs
      state.selection = min(state.selection, max(0, (needs?.needs.count ?? 0) - 1))
    case .key(let key):
      switch state.picker.handle(key) {
      case .handled(let effect): return effect
      case .picked(let match):
        state.territory = match.territory
        state.communeName = match.commune.name
        state.needs = nil
        state.selection = 0
        return .loadLabourNeeds(territoryID: match.territory.id)
      case .ignored: break
      }
      guard let command: Command = bindings.command(for: key) else { return .none }
      state.selection = command.apply(
        to: state.selection, count: state.needs?.needs.count ?? 0)
    }
    return .none
  }

  public static func title(_ state: State) -> String {
    "Besoins (BMO)"
  }

  /// « 1 234 », « ≥ 1 234 » when part is secret, « secret » when all is.
  public static func figure(_ value: BMOFigure) -> String {
    if value.isSecret { return "secret" }
    return (value.hasSecret ? "≥ " : "") + Format.grouped(value.known)
  }

  /// Share of the recruitments, « secret » when either figure is (even partly) hidden.
  public static func share(_ part: BMOFigure, of whole: BMOFigure) -> String {
    if let percent = part.share(of: whole) { return "\(percent) %" }
    return part.hasSecret || whole.hasSecret ? "secret" : "—"
  }
}
