import GuichetCore

/// Administration: the advisors of one structure. Add one, remove one (confirmation; refused by the store
/// while appointments are still to come), or open one's opening rules and absences. Removed advisors stay
/// listed, greyed, since their past appointments keep their name.
public enum AdminAdvisorsScreen {
  public enum Command: Equatable, Sendable { case open, add, remove, editStructure, up, down }

  public struct State: Equatable, Sendable {
    public var structure: OperatorStructure
    public var advisors: [Advisor] = []
    public var loaded = false
    public var selection = 0
    public var confirming = false
    /// An advisor just added, selected once the list reloads.
    public var focusName: String?

    public init(structure: OperatorStructure) { self.structure = structure }

    public var selected: Advisor? {
      advisors.indices.contains(selection) ? advisors[selection] : nil
    }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    /// A write went through: on top, this list says so and reloads; below, it only keeps the focus.
    case written(AdminWrite, message: String, onTop: Bool)
    case loaded(structureID: Int64, [Advisor])
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding([.enter], "Plages", help: "Plages d'ouverture et absences du conseiller", .open),
    KeyBinding([.char("n")], "Ajouter", help: "Ajouter un conseiller", .add),
    KeyBinding(
      [.char("r")], "Retirer",
      help: "Retirer le conseiller (refusé s'il a des rendez-vous à venir ; confirmation O)",
      .remove),
    KeyBinding(
      [.char("m")], "Structure", help: "Modifier la structure", .editStructure, inKeyBar: false),
    KeyBinding([.up], "Précédent", .up, inKeyBar: false),
    KeyBinding([.down], "Suivant", .down, inKeyBar: false),
  ]

  public static func loadEffect(_ state: State) -> Effect {
    guard let id = state.structure.id else { return .none }
    return .admin(.loadAdvisors(structureID: id))
  }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .written(let write, let message, let onTop):
      if case .advisor(let advisor) = write {
        state.focusName = SafeText.clean(advisor.displayName)
      }
      return onTop ? .navigate(.status(StatusMessage(message))) + loadEffect(state) : .none
    case .loaded(let structureID, let advisors):
      guard structureID == state.structure.id else { return .none }
      let id = state.selected?.id
      state.advisors = advisors
      state.loaded = true
      state.selection =
        advisors.firstIndex { $0.displayName == state.focusName && $0.isActive }
        ?? advisors.firstIndex { $0.id == id } ?? min(state.selection, max(0, advisors.count - 1))
      state.focusName = nil
    case .key(let key):
      if state.confirming {
        state.confirming = false
        guard key.isYes, let advisor = state.selected else {
          return .none
        }
        return .admin(.write(.removeAdvisor(advisor)))
      }
      guard let command: Command = bindings.command(for: key) else { return .none }
      switch command {
      case .up: state.selection = max(0, state.selection - 1)
      case .down: state.selection = min(max(0, state.advisors.count - 1), state.selection + 1)
      case .add:
        guard let id = state.structure.id else { return .none }
        return .navigate(.push(.admin(.form(.advisor(structureID: id)))))
      case .editStructure:
        return .navigate(.push(.admin(.form(.structure(state.structure)))))
      case .open:
        guard let advisor = state.selected, advisor.isActive else { return .none }
        return .navigate(.push(.admin(.availability(advisor))))
      case .remove:
        state.confirming = state.selected?.isActive == true
      }
    }
    return .none
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let inner = area.inset(1)
    canvas.put(
      Format.structureWithKind(state.structure), x: inner.x, y: inner.y, style: .title,
      limit: inner.width)
    guard state.loaded else {
      canvas.put("Chargement…", x: inner.x, y: inner.y + 2, style: .muted)
      return
    }
    if state.advisors.isEmpty {
      canvas.put(
        "Aucun conseiller. N : en ajouter un, puis Entrée pour ses plages d'ouverture.", x: inner.x,
        y: inner.y + 2, style: .muted, limit: inner.width)
      return
    }
    let rows = max(1, inner.height - 4)
    let first = max(0, min(state.selection - rows + 1, state.advisors.count - rows))
    for line in 0..<min(rows, state.advisors.count - first) {
      let index = first + line
      let advisor = state.advisors[index]
      canvas.putPadded(
        " " + advisor.displayName + (advisor.isActive ? "" : " (retiré)"), x: inner.x,
        y: inner.y + 2 + line, width: inner.width,
        style: index == state.selection ? .selected : advisor.isActive ? .plain : .muted)
    }
    if state.confirming, let advisor = state.selected {
      canvas.putMessage(
        "Retirer \(advisor.displayName) : plus aucun rendez-vous ne lui sera proposé. O pour confirmer.",
        x: inner.x, y: inner.y + inner.height - 1, width: inner.width,
        style: Style(tone: .warning, bold: true), maxLines: 2, upward: true, padded: true)
    }
  }
}
