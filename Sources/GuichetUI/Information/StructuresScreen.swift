import GuichetCore

/// The directory of orientation structures (CIO, Missions locales, PIJ…) with address and phone: those of the
/// territory first, then its département, then the region. ← → filter by type, Tab widens or narrows the zone.
public enum StructuresScreen {
  public enum Command: Equatable, Sendable {
    case move(ListMove)
    case nextType, previousType, zone
  }

  public struct State: Equatable, Sendable {
    public var territory: Territory?
    public var communeName: String?
    public var picker = CommunePicker()
    public var directory: StructureDirectory?
    /// Structure type shown, nil for all.
    public var typeTag: String?
    /// Widest place shown.
    public var zone: OrientationStructure.Place
    public var selection = 0
    /// A structure to highlight once the directory is loaded (opened from a search).
    public var focusID: String?

    public init(territory: Territory? = nil, focusID: String? = nil) {
      self.territory = territory
      self.focusID = focusID
      zone = territory == nil || focusID != nil ? .region : .departement
    }

    public var visible: [OrientationStructure] {
      (directory?.structures ?? []).filter {
        $0.place <= zone && (typeTag == nil || $0.typeTag == typeTag)
      }
    }

    /// Types present in the directory, by label.
    public var types: [(tag: String, label: String)] {
      var seen: Set<String> = []
      return (directory?.structures ?? []).filter { seen.insert($0.typeTag).inserted }
        .map { (tag: $0.typeTag, label: $0.typeLabel) }
        .sorted { $0.label < $1.label }
    }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case communesFound(query: String, matches: [CommuneMatch])
    case loaded(StructureDirectory)
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding([.right], "Type", help: "Type de structure suivant (→) ou précédent (←)", .nextType),
    KeyBinding([.left], "Type précédent", .previousType, inKeyBar: false),
    KeyBinding(
      [.tab], "Zone", help: "Zone : territoire, département ou toute la région", .zone),
    KeyBinding([.up], "Précédente", .move(.up), inKeyBar: false),
    KeyBinding([.down], "Suivante", .move(.down), inKeyBar: false),
    KeyBinding([.pageUp], "Page préc.", .move(.pageUp), inKeyBar: false),
    KeyBinding([.pageDown], "Page suiv.", .move(.pageDown), inKeyBar: false),
    KeyBinding([.home], "Première", .move(.first), inKeyBar: false),
    KeyBinding([.end], "Dernière", .move(.last), inKeyBar: false),
  ]

  public static let fieldHelp = LabourNeedsScreen.fieldHelp

  public static func loadEffect(_ state: State) -> Effect {
    .loadStructures(territoryID: state.territory?.id)
  }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .communesFound(let query, let matches):
      state.picker.found(query: query, matches: matches)
    case .loaded(let directory):
      guard directory.territory?.id == state.territory?.id else { return .none }
      let selectedID = state.focusID ?? selected(state)?.id
      state.directory = directory
      state.focusID = nil
      state.selection = state.visible.firstIndex { $0.id == selectedID } ?? 0
    case .key(let key):
      switch state.picker.handle(key) {
      case .handled(let effect): return effect
      case .picked(let match):
        state.territory = match.territory
        state.communeName = match.commune.name
        state.zone = .departement
        state.selection = 0
        return .loadStructures(territoryID: match.territory.id)
      case .ignored: break
      }
      guard let command: Command = bindings.command(for: key) else { return .none }
      perform(command, &state)
    }
    return .none
  }

  static func perform(_ command: Command, _ state: inout State) {
    switch command {
    case .move(let move):
      state.selection = move.apply(to: state.selection, count: state.visible.count, page: 5)
    case .nextType, .previousType:
      let tags: [String?] = [nil] + state.types.map { Optional($0.tag) }
      let index = tags.firstIndex { $0 == state.typeTag } ?? 0
      let step = command == .nextType ? 1 : tags.count - 1
      state.typeTag = tags[(index + step) % tags.count]
      state.selection = 0
    case .zone:
      let zones: [OrientationStructure.Place] =
        state.territory == nil ? [.region] : [.territory, .departement, .region]
      let index = zones.firstIndex(of: state.zone) ?? 0
      state.zone = zones[(index + 1) % zones.count]
      state.selection = 0
    }
  }

  static func selected(_ state: State) -> OrientationStructure? {
    let visible = state.visible
    return visible.indices.contains(state.selection) ? visible[state.selection] : nil
  }

  public static func title(_ state: State) -> String {
    "Structures"
  }

  static func zoneLabel(_ state: State) -> String {
    guard state.territory != nil else { return "toute la région" }
    switch state.zone {
    case .territory: return "territoire"
    case .departement: return "territoire et département"
    case .region: return "toute la région"
    }
  }

  static func placeHeading(_ place: OrientationStructure.Place, territory: Territory?) -> String {
    switch place {
    case .territory: "Dans le territoire"
    case .departement: "Ailleurs dans le département"
    case .region: territory == nil ? "Région" : "Ailleurs dans la région"
    }
  }
}
