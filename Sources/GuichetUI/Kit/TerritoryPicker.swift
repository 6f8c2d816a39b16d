import Foundation
import GuichetCore

/// Picks a territory (ZTEF) by typing part of a commune, a bassin or a territory name, accents aside, best
/// matches first (the store's `territories(matching:limit:)`, the same ranking as `guichet` on the command
/// line): letters search, ↑ ↓ choose, Entrée takes it. Used by the dashboard's territory filter and the
/// structure form.
public struct TerritoryPicker: Equatable, Sendable {
  public var query = ""
  public var matches: [TerritoryMatch] = []
  public var highlight = 0
  /// True once the store answered the query typed (so « aucun » is not said while it searches).
  public var answered = false

  public init() {}

  public enum Outcome: Equatable, Sendable {
    /// The key was not for the picker.
    case ignored
    /// The picker used the key; run this effect.
    case handled(Effect)
    case picked(TerritoryMatch)
  }

  /// Letters, paste and Retour arr. edit the query; ↑ ↓ Entrée act on the matches.
  public mutating func handle(_ key: Key) -> Outcome {
    switch key {
    case .char(let c): return .handled(search(query + String(c)))
    case .paste(let text): return .handled(search(query + text))
    case .backspace: return .handled(search(String(query.dropLast())))
    case .delete, .ctrl("u"): return .handled(search(""))
    case .up:
      highlight = max(0, highlight - 1)
      return .handled(.none)
    case .down:
      highlight = min(max(0, matches.count - 1), highlight + 1)
      return .handled(.none)
    case .enter:
      guard matches.indices.contains(highlight) else { return .handled(.none) }
      return .picked(matches[highlight])
    default:
      return .ignored
    }
  }

  /// What a key did to a picker a screen shows over itself.
  public enum Step: Equatable, Sendable {
    /// Still open (or the key was not for it); run this effect.
    case open(Effect)
    /// Échap: closed, nothing chosen.
    case closed
    /// Entrée on a match: closed, this one chosen.
    case picked(TerritoryMatch)
  }

  /// Passes a key to the picker shown over a screen, closing it (nil) on Échap or a pick.
  public static func step(_ picker: inout TerritoryPicker?, _ key: Key) -> Step {
    guard var current = picker, key != .escape else {
      picker = nil
      return .closed
    }
    switch current.handle(key) {
    case .ignored: return .open(.none)
    case .handled(let effect):
      picker = current
      return .open(effect)
    case .picked(let match):
      picker = nil
      return .picked(match)
    }
  }

  /// The store's answer; one to an older query is dropped.
  public mutating func found(_ event: TerritorySearchEvent) {
    guard case .found(let query, let matches) = event, query == self.query else { return }
    self.matches = matches
    highlight = 0
    answered = true
  }

  /// Sets the query and asks the store for its matches (nothing when no letter or digit is typed).
  public mutating func search(_ text: String) -> Effect {
    let (text, searchable) = TypeAheadView.query(text)
    query = text
    highlight = 0
    answered = false
    guard searchable else {
      matches = []
      return .none
    }
    return .feature(TerritorySearchRequest(query: query))
  }

  /// The prompt line and the matches below it; returns the rows used.
  @discardableResult
  public func render(in area: Rect, on canvas: inout Canvas, prompt: String = " Territoire : ")
    -> Int
  {
    TypeAheadView.render(
      query: query, labels: matches.map(\.label), highlight: highlight, prompt: prompt,
      placeholder: "tapez une commune, un bassin ou un territoire",
      empty: answered ? " Aucun territoire trouvé." : " Recherche…", in: area, on: &canvas)
  }
}

/// The territory search of `TerritoryPicker`, run by its own client (see `FeatureRequest`).
public struct TerritorySearchRequest: FeatureRequest {
  public var query: String
  public init(query: String) { self.query = query }

  public var writes: Bool { false }

  public func run(_ client: TerritorySearchClient, now: Date) throws -> AppAction {
    .feature(TerritorySearchEvent.found(query: query, try client.territories(query)))
  }

  public func failed(_ error: UserError) -> AppAction {
    .feature(TerritorySearchEvent.failed(error))
  }
}

/// The store's answer to `TerritorySearchRequest`.
public enum TerritorySearchEvent: FeatureEvent {
  case found(query: String, [TerritoryMatch])
  case failed(UserError)

  public var error: UserError? {
    if case .failed(let error) = self { error } else { nil }
  }
}

/// The store call of the territory pickers; `live` is wired by the executable.
public struct TerritorySearchClient: FeatureClient {
  public var territories: @Sendable (String) throws -> [TerritoryMatch]

  public init(territories: @escaping @Sendable (String) throws -> [TerritoryMatch]) {
    self.territories = territories
  }

  public static let unavailable = TerritorySearchClient { _ in
    throw UserError("Recherche de territoire indisponible.")
  }

  static let fakeTerritories = [
    (Territory(id: 7, name: "Chambéry"), "Chambéry"),
    (Territory(id: 12, name: "Vienne Roussillon"), "Vienne"),
    (Territory(id: 40, name: "ZTEF Pays de Savoie"), "Chambéry"),
  ]

  /// Three territories, matched by their name or their one commune.
  public static let fake = TerritorySearchClient { query in
    let key = SearchText.normalize(query)
    return fakeTerritories.compactMap { territory, commune in
      if SearchText.normalize(territory.name).hasPrefix(key) {
        return TerritoryMatch(territory: territory, matchedBy: nil, rank: 1)
      }
      if SearchText.normalize(commune).hasPrefix(key) {
        return TerritoryMatch(
          territory: territory, matchedBy: "commune \(commune)", rank: 1, source: .commune)
      }
      return nil
    }
  }
}
