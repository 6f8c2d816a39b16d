import GuichetCore

/// Administration, first screen: the operator structures, filtered by kind and by territory, inactive ones
/// greyed. From here: add or edit a structure, deactivate it (confirmation), open its advisors, or the
/// routing table.
public enum AdminStructuresScreen {
  public enum Command: Equatable, Sendable {
    case open, add, edit, toggleActive, nextKind, chooseTerritory, routing, up, down
  }

  public struct State: Equatable, Sendable {
    public var structures: [OperatorStructure] = []
    public var loaded = false
    public var kind: OperatorKind?
    public var territoryID: Int64?
    public var selection = 0
    /// Deactivating or reactivating waits for « O ».
    public var confirming = false
    /// A structure just added or edited, selected once the list reloads.
    public var focusName: String?
    /// The territory filter being chosen (Z): part of a commune, bassin or territory name, Entrée takes the
    /// match highlighted (with nothing typed: every territory), Échap keeps the current one.
    public var territoryPicker: TerritoryPicker?
    /// The name of the territory filtered on, as the picker gave it (a ZTEF made since the start included).
    public var territoryName: String?

    public init() {}

    /// The structures the filters keep, in the store's order (by name).
    public var shown: [OperatorStructure] {
      structures.filter { structure in
        (kind.map { structure.kind == $0 } ?? true)
          && (territoryID.map { structure.territoryIDs.contains($0) } ?? true)
      }
    }

    public var selected: OperatorStructure? {
      let shown = self.shown
      return shown.indices.contains(selection) ? shown[selection] : nil
    }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    /// A write went through: on top, this list says so and reloads; below, it only keeps the focus.
    case written(AdminWrite, message: String, onTop: Bool)
    case loaded([OperatorStructure])
    case territories(TerritorySearchEvent)
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding([.enter], "Conseillers", help: "Conseillers de la structure et leurs plages", .open),
    KeyBinding([.char("g")], "Aiguillage", help: "Règles d'aiguillage (orientation)", .routing),
    KeyBinding([.char("n")], "Nouvelle", help: "Ajouter une structure", .add),
    KeyBinding([.char("m")], "Modifier", help: "Modifier adresse, territoires, téléphone…", .edit),
    KeyBinding(
      [.char("d")], "Désactiver",
      help: "Désactiver (plus de rendez-vous) ou réactiver la structure (confirmation O)",
      .toggleActive),
    KeyBinding(
      [.char("t")], "Type", help: "Filtrer par type de structure", .nextKind, inKeyBar: false),
    KeyBinding(
      [.char("z")], "Territoire",
      help:
        "Filtrer par territoire servi : tapez une commune, un bassin ou un territoire, Entrée pour choisir (sans texte : tous), Échap pour garder",
      .chooseTerritory, inKeyBar: false),
    KeyBinding([.up], "Précédente", .up, inKeyBar: false),
    KeyBinding([.down], "Suivante", .down, inKeyBar: false),
  ]

  public static let loadEffect: Effect = .admin(.loadStructures)

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .written(let write, let message, let onTop):
      if case .structure(let structure) = write { state.focusName = SafeText.clean(structure.name) }
      return onTop ? .navigate(.status(StatusMessage(message))) + loadEffect : .none
    case .loaded(let structures):
      let id = state.selected?.id
      state.structures = structures
      state.loaded = true
      let shown = state.shown
      if let name = state.focusName, let index = shown.firstIndex(where: { $0.name == name }) {
        state.selection = index
      } else {
        state.selection =
          shown.firstIndex { $0.id == id } ?? min(state.selection, max(0, shown.count - 1))
      }
      state.focusName = nil
      return .none
    case .territories(let event):
      state.territoryPicker?.found(event)
      return .none
    case .key(let key):
      if state.territoryPicker != nil { return pickTerritory(key, &state) }
      if state.confirming {
        state.confirming = false
        guard key.isYes, var structure = state.selected else {
          return .none
        }
        structure.isActive.toggle()
        return .admin(.write(.structure(structure)))
      }
      guard let command: Command = bindings.command(for: key) else { return .none }
      return run(command, &state, context: context)
    }
  }

  static func run(_ command: Command, _ state: inout State, context: AppContext) -> Effect {
    switch command {
    case .up: state.selection = max(0, state.selection - 1)
    case .down: state.selection = min(max(0, state.shown.count - 1), state.selection + 1)
    case .add: return .navigate(.push(.admin(.form(.structure(nil)))))
    case .routing: return .navigate(.push(.admin(.routing)))
    case .open:
      guard let structure = state.selected else { return .none }
      return .navigate(.push(.admin(.advisors(structure))))
    case .edit:
      guard let structure = state.selected else { return .none }
      return .navigate(.push(.admin(.form(.structure(structure)))))
    case .toggleActive:
      state.confirming = state.selected != nil
    case .nextKind:
      state.kind = next(state.kind, in: OperatorKind.allCases)
      state.selection = 0
    case .chooseTerritory:
      state.territoryPicker = TerritoryPicker()
    }
    return .none
  }

  /// Keys while the territory picker is open: Entrée applies the match highlighted (or, with nothing
  /// typed, removes the filter), Échap closes it and keeps the filter.
  static func pickTerritory(_ key: Key, _ state: inout State) -> Effect {
    if key == .enter && state.territoryPicker?.query.isEmpty == true {
      state.territoryPicker = nil
      state.territoryID = nil
      state.territoryName = nil
      state.selection = 0
      return .none
    }
    switch TerritoryPicker.step(&state.territoryPicker, key) {
    case .open(let effect): return effect
    case .closed: return .none
    case .picked(let match):
      state.territoryID = match.territory.id
      state.territoryName = match.territory.name
      state.selection = 0
      return .none
    }
  }

  /// nil (every value) → first → … → last → nil.
  static func next<T: Equatable>(_ current: T?, in all: [T]) -> T? {
    guard let current, let index = all.firstIndex(of: current) else { return all.first }
    return index + 1 < all.count ? all[index + 1] : nil
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    renderList(state, in: area, on: &canvas, context: context)
    renderTerritoryPicker(state, in: area.inset(1), on: &canvas)
  }

  static func renderList(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let inner = area.inset(1)
    let shown = state.shown
    let filter =
      "Type : \(state.kind?.label ?? "tous") (T) · Territoire : \(state.territoryName ?? state.territoryID.map { context.territoryName($0) } ?? "tous") (Z) · \(shown.count) structure(s)"
    canvas.put(filter, x: inner.x, y: inner.y, style: .title, limit: inner.width)
    guard state.loaded else {
      canvas.put("Chargement…", x: inner.x, y: inner.y + 2, style: .muted)
      return
    }
    if shown.isEmpty {
      canvas.put(
        "Aucune structure. N : en ajouter une.", x: inner.x, y: inner.y + 2, style: .muted,
        limit: inner.width)
      return
    }
    let rows = max(1, inner.height - 6)
    let first = max(0, min(state.selection - rows + 1, shown.count - rows))
    for line in 0..<min(rows, shown.count - first) {
      let index = first + line
      let structure = shown[index]
      canvas.putPadded(
        " " + Format.structureRow(structure), x: inner.x, y: inner.y + 2 + line, width: inner.width,
        style: index == state.selection ? .selected : structure.isActive ? .plain : .muted)
    }
    guard let structure = state.selected else { return }
    let y = inner.y + inner.height - 3
    let territories = structure.territoryIDs.map { context.territoryName($0) }
    let reach = [structure.phone, structure.email].compactMap { $0 }
    let lines: [(String, Style)] = [
      (structure.fullAddress.isEmpty ? "Adresse non renseignée" : structure.fullAddress, .plain),
      (
        "Territoires : "
          + (territories.isEmpty ? "aucun" : territories.joined(separator: ", "))
          + (reach.isEmpty ? "" : " · " + reach.joined(separator: " · ")), .plain
      ),
    ]
    for (index, line) in lines.enumerated() {
      canvas.put(line.0, x: inner.x, y: y + index, style: line.1, limit: inner.width)
    }
    if state.confirming {
      canvas.putMessage(
        structure.isActive
          ? "Désactiver « \(structure.shortLabel) » : plus aucun rendez-vous ne pourra y être pris. O pour confirmer."
          : "Réactiver « \(structure.shortLabel) » ? O pour confirmer.",
        x: inner.x, y: y + 2, width: inner.width, style: Style(tone: .warning, bold: true),
        maxLines: 2, upward: true, padded: true)
    }
  }

  /// The picker over the list, below the filter line.
  static func renderTerritoryPicker(_ state: State, in inner: Rect, on canvas: inout Canvas) {
    guard let picker = state.territoryPicker else { return }
    let box = Rect(
      x: inner.x + 2, y: inner.y + 1, width: min(60, inner.width - 4), height: inner.height - 1)
    canvas.fill(box, style: .plain)
    canvas.box(box, title: "Territoire servi (Entrée sans texte : tous)")
    picker.render(in: box.inset(1), on: &canvas)
  }
}
