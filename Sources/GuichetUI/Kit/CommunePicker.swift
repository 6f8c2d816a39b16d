import GuichetCore

/// Picks a territory by typing the commune, as the visit form does: letters search, ↑ ↓ choose, Entrée takes it.
/// Used by the screens that show figures for a territory.
public struct CommunePicker: Equatable, Sendable {
  public var query = ""
  public var matches: [CommuneMatch] = []
  public var highlight = 0

  public init() {}

  public var isActive: Bool { !query.isEmpty }

  public enum Outcome: Equatable, Sendable {
    /// The key was not for the picker.
    case ignored
    /// The picker used the key; run this effect.
    case handled(Effect)
    case picked(CommuneMatch)
  }

  /// Letters, paste and Retour arr. always edit the query; ↑ ↓ Entrée act on the matches while a query is typed.
  public mutating func handle(_ key: Key) -> Outcome {
    switch key {
    case .char(let c) where !c.isNumber || isActive:
      return .handled(setQuery(query + String(c)))
    case .paste(let text):
      return .handled(setQuery(query + text))
    case .backspace where isActive:
      return .handled(setQuery(String(query.dropLast())))
    case .delete, .ctrl("u"):
      guard isActive else { return .ignored }
      return .handled(setQuery(""))
    case .up where isActive:
      highlight = max(0, highlight - 1)
      return .handled(.none)
    case .down where isActive:
      highlight = min(max(0, matches.count - 1), highlight + 1)
      return .handled(.none)
    case .enter where isActive:
      guard matches.indices.contains(highlight) else { return .handled(.none) }
      let match = matches[highlight]
      self = CommunePicker()
      return .picked(match)
    default:
      return .ignored
    }
  }

  public mutating func found(query: String, matches: [CommuneMatch]) {
    guard query == self.query else { return }
    self.matches = matches
    highlight = 0
  }

  mutating func setQuery(_ text: String) -> Effect {
    let (text, searchable) = TypeAheadView.query(text)
    query = text
    highlight = 0
    guard searchable else {
      matches = []
      return .none
    }
    return .searchCommunes(query)
  }

  /// The prompt line and, while a query is typed, the matching communes below it; returns the rows used.
  @discardableResult
  public func render(in area: Rect, on canvas: inout Canvas, placeholder: String) -> Int {
    TypeAheadView.render(
      query: query, labels: matches.map { "\($0.commune.name) — \($0.territory.name)" },
      highlight: highlight, prompt: " Commune : ", placeholder: placeholder,
      empty: " Aucune commune trouvée.", in: area, on: &canvas)
  }
}
