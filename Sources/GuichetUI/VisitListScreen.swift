import GuichetCore

/// Today's visits at this desk, to reopen one, correct it or close it.
public enum VisitListScreen {
  public enum Command: Equatable, Sendable {
    case open, newVisit, up, down, first, last
  }

  public struct State: Equatable, Sendable {
    public var visits: [Visit] = []
    public var selection = 0
    public var loaded = false
    public init() {}
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case visitsLoaded([Visit])
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding([.enter], "Ouvrir", help: "Ouvrir la visite pour la corriger ou la clôturer", .open),
    KeyBinding([.char("n")], "Nouvelle visite", .newVisit),
    KeyBinding([.up], "Précédente", .up, inKeyBar: false),
    KeyBinding([.down], "Suivante", .down, inKeyBar: false),
    KeyBinding([.home], "Première", .first, inKeyBar: false),
    KeyBinding([.end], "Dernière", .last, inKeyBar: false),
  ]

  public static let loadEffect: Effect = .loadTodayVisits

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .visitsLoaded(let visits):
      let selectedID =
        state.visits.indices.contains(state.selection) ? state.visits[state.selection].id : nil
      state.visits = visits
      state.selection =
        visits.firstIndex { $0.id == selectedID }
        ?? (state.loaded
          ? min(state.selection, max(0, visits.count - 1)) : max(0, visits.count - 1))
      state.loaded = true
    case .key(let key):
      guard let command: Command = bindings.command(for: key) else { return .none }
      let last = max(0, state.visits.count - 1)
      switch command {
      case .up: state.selection = max(0, state.selection - 1)
      case .down: state.selection = min(last, state.selection + 1)
      case .first: state.selection = 0
      case .last: state.selection = last
      case .newVisit: return .navigate(.push(.visitForm(HomeScreen.draftVisit(context: context))))
      case .open:
        guard state.visits.indices.contains(state.selection) else { return .none }
        return .navigate(.push(.visitForm(state.visits[state.selection])))
      }
    }
    return .none
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let closed = state.visits.filter { $0.status == .closed }.count
    canvas.put(
      " Visites du jour à ce poste — \(state.visits.count) dont \(closed) clôturées", x: area.x + 1,
      y: area.y,
      style: .title, limit: area.width - 2)
    let columns = tableColumns(width: area.width - 2)
    canvas.putPadded(
      " " + Text.column("N°", width: 6) + Text.column("Heure", width: 7)
        + Text.column("Statut", width: 11)
        + Text.column("Demande(s)", width: columns.requests)
        + Text.column("Public", width: columns.publicCategory) + "Réponse",
      x: area.x + 1, y: area.y + 2, width: area.width - 2, style: .muted)
    if state.loaded && state.visits.isEmpty {
      canvas.put(
        " Aucune visite aujourd'hui. « N » commence une visite.", x: area.x + 1, y: area.y + 4,
        style: .muted)
      return
    }
    let rows = max(0, area.height - 4)
    let top = max(0, state.selection - rows + 1)
    for (index, visit) in state.visits.enumerated().dropFirst(top).prefix(rows) {
      let line =
        " " + Text.column(String(visit.id ?? 0), width: 6)
        + Text.column(Format.time(visit.arrivedAt, context.timeZone), width: 7)
        + Text.column(visit.status.label, width: 11)
        + Text.column(
          visit.requestKinds.map(\.label).joined(separator: ", "), width: columns.requests)
        + Text.column(visit.publicCategory.label, width: columns.publicCategory)
        + (visit.outcome?.label ?? "—")
      let style: Style = index == state.selection ? .selected : .plain
      canvas.putPadded(
        line, x: area.x + 1, y: area.y + 3 + index - top, width: area.width - 2, style: style)
    }
  }

  /// Request and public columns share what the fixed columns leave.
  static func tableColumns(width: Int) -> (requests: Int, publicCategory: Int) {
    let free = max(20, width - 25 - 22)
    return (requests: free * 3 / 5, publicCategory: free - free * 3 / 5)
  }
}
