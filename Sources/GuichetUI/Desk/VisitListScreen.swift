import GuichetCore

/// Today's visits at this desk, to reopen one, correct it or close it.
public enum VisitListScreen {
  public enum Command: Equatable, Sendable {
    case open, newVisit, appointments, up, down, first, last
  }

  public struct State: Equatable, Sendable {
    public var list = VisitSelection()
    public init() {}
    public var visits: [Visit] { list.visits }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case visitsLoaded([Visit])
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding([.enter], "Ouvrir", help: "Ouvrir la visite pour la corriger ou la clôturer", .open),
    KeyBinding([.char("n")], "Nouvelle visite", .newVisit),
    KeyBinding(
      [.char("r")], "Rendez-vous",
      help: "Rendez-vous pris pendant cette visite : annuler, déplacer, coupon", .appointments),
    KeyBinding([.up], "Précédente", .up, inKeyBar: false),
    KeyBinding([.down], "Suivante", .down, inKeyBar: false),
    KeyBinding([.home], "Première", .first, inKeyBar: false),
    KeyBinding([.end], "Dernière", .last, inKeyBar: false),
  ]

  public static let loadEffect: Effect = .loadTodayVisits

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .visitsLoaded(let visits):
      // The latest visit is the one an agent most often comes back to.
      state.list.load(visits, initial: .last)
    case .key(let key):
      guard let command: Command = bindings.command(for: key) else { return .none }
      switch command {
      case .up: state.list.move(by: -1)
      case .down: state.list.move(by: 1)
      case .first: state.list.index = 0
      case .last: state.list.moveToEnd()
      case .newVisit: return .navigate(.push(.visitForm(HomeScreen.draftVisit(context: context))))
      case .open:
        guard let visit = state.list.selected else { return .none }
        return .navigate(.push(.visitForm(visit)))
      case .appointments:
        guard let id = state.list.selected?.id else { return .none }
        return .navigate(.push(.appointment(.visit(id))))
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
        + Text.column("Canal", width: 11) + Text.column("Statut", width: 11)
        + Text.column("Demande(s)", width: columns.requests)
        + Text.column("Public", width: columns.publicCategory) + "Réponse",
      x: area.x + 1, y: area.y + 2, width: area.width - 2, style: .muted)
    if state.list.loaded && state.visits.isEmpty {
      canvas.put(
        " Aucune visite aujourd'hui. « N » commence une visite.", x: area.x + 1, y: area.y + 4,
        style: .muted)
      return
    }
    for (index, line, visit) in state.list.window(rows: area.height - 4) {
      let text =
        " " + Text.column(String(visit.id ?? 0), width: 6)
        + Text.column(Format.time(visit.arrivedAt, context.timeZone), width: 7)
        + Text.column(visit.channel.label, width: 11) + Text.column(visit.status.label, width: 11)
        + Text.column(
          visit.requestKinds.map(\.label).joined(separator: ", "), width: columns.requests)
        + Text.column(visit.publicCategory.label, width: columns.publicCategory)
        + (visit.outcome?.label ?? "—")
      let style: Style = index == state.list.index ? .selected : .plain
      canvas.putPadded(
        text, x: area.x + 1, y: area.y + 3 + line, width: area.width - 2, style: style)
    }
  }

  /// Request and public columns share what the fixed columns (number, time, channel, status: 36) and the
  /// outcome (22) leave.
  static func tableColumns(width: Int) -> (requests: Int, publicCategory: Int) {
    let free = max(20, width - 36 - 22)
    return (requests: free * 3 / 5, publicCategory: free - free * 3 / 5)
  }
}
