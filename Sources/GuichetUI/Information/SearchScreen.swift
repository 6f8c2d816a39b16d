import GuichetCore

/// Search as you type over métiers (every job title, both genders), certifications and structures.
/// Results come grouped by kind; ↑ ↓ choose, Entrée opens the fiche. A search that found nothing is noted as
/// unmet demand when the agent leaves it (a few plain words only, never tied to the visit).
public enum SearchScreen {
  public enum Command: Equatable, Sendable {
    case open, up, down, pageUp, pageDown, clear, labourNeeds, structures, back
  }

  public struct State: Equatable, Sendable {
    public var query = ""
    /// Results of `query`, once they came back.
    public var results: ReferenceResults?
    public var selection = 0
    /// The query whose miss was already noted, so it is noted once.
    public var notedMiss: String?
    public init(query: String = "") {
      self.query = query
    }

    public var hits: [ReferenceHit] {
      guard let results, results.query == query else { return [] }
      return results.hits
    }

    public var selectedHit: ReferenceHit? {
      hits.indices.contains(selection) ? hits[selection] : nil
    }

    /// Results came back for the query typed, and there are none.
    public var isMiss: Bool {
      results?.query == query && hits.isEmpty && !SearchText.tokens(query).isEmpty
    }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case found(ReferenceResults)
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding([.enter], "Ouvrir", help: "Ouvrir la fiche en surbrillance", .open),
    KeyBinding([.up], "Précédent", help: "Résultat précédent", .up, inKeyBar: false),
    KeyBinding([.down], "Suivant", help: "Résultat suivant", .down, inKeyBar: false),
    KeyBinding([.pageUp], "Page préc.", .pageUp, inKeyBar: false),
    KeyBinding([.pageDown], "Page suiv.", .pageDown, inKeyBar: false),
    KeyBinding(
      [.function(5)], "Besoins", help: "Besoins en main-d'œuvre (BMO) du territoire", .labourNeeds),
    KeyBinding(
      [.function(6)], "Structures", help: "Annuaire des structures d'orientation", .structures),
    KeyBinding([.delete, .ctrl("u")], "Effacer", help: "Effacer la recherche", .clear),
    KeyBinding(
      [.escape], "Retour",
      help: "Revenir (une recherche sans résultat est notée comme demande non couverte)", .back,
      inKeyBar: false),
  ]

  public static let fieldHelp: [HintLine] = [
    HintLine(
      key: "Lettres",
      text:
        "Chercher : début de chaque mot, accents facultatifs (« educ spe », « boulangere », « cap cuisine »)"
    ),
    HintLine(key: "Retour arr.", text: "Effacer la dernière lettre"),
  ]

  public static func loadEffect(_ state: State) -> Effect {
    SearchText.tokens(state.query).isEmpty ? .none : .searchReference(state.query)
  }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .found(let results):
      guard results.query == state.query else { return .none }
      let selected = state.selectedHit
      state.results = results
      state.selection = selected.flatMap { hit in results.hits.firstIndex(of: hit) } ?? 0
      return .none
    case .key(let key):
      if let command: Command = bindings.command(for: key) {
        return perform(command, &state)
      }
      switch key {
      case .char(let c): return setQuery(state.query + String(c), &state)
      case .paste(let text): return setQuery(state.query + text, &state)
      case .backspace:
        guard !state.query.isEmpty else { return .none }
        return setQuery(String(state.query.dropLast()), &state)
      default: return .none
      }
    }
  }

  static func perform(_ command: Command, _ state: inout State) -> Effect {
    let last = max(0, state.hits.count - 1)
    switch command {
    case .up: state.selection = max(0, state.selection - 1)
    case .down: state.selection = min(last, state.selection + 1)
    case .pageUp: state.selection = max(0, state.selection - 10)
    case .pageDown: state.selection = min(last, state.selection + 10)
    case .clear: return noteMiss(&state) + setQuery("", &state)
    case .labourNeeds: return .navigate(.push(.labourNeeds))
    case .structures: return .navigate(.push(.structures(focus: nil)))
    case .back: return noteMiss(&state) + .navigate(.pop)
    case .open:
      guard let hit = state.selectedHit else { return noteMiss(&state) }
      return .navigate(.push(route(for: hit)))
    }
    return .none
  }

  public static func route(for hit: ReferenceHit) -> Route {
    switch hit.kind {
    case .occupation: .occupation(hit.code)
    case .certification: .certification(hit.code)
    case .structure: .structures(focus: hit.code)
    }
  }

  /// A query that found nothing is noted once, when the agent moves on from it.
  static func noteMiss(_ state: inout State) -> Effect {
    guard state.isMiss, state.notedMiss != state.query else { return .none }
    state.notedMiss = state.query
    return .recordSearchMiss(state.query)
  }

  static func setQuery(_ text: String, _ state: inout State) -> Effect {
    state.query = String(SafeText.clean(text).prefix(120))
    state.selection = 0
    if SearchText.tokens(state.query).isEmpty {
      state.results = nil
      return .none
    }
    return .searchReference(state.query)
  }
}
