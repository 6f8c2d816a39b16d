import GuichetCore

/// The site's walk-in queue: who arrived, how long they have waited, who is being served.
public enum QueueScreen {
  public enum Command: Equatable, Sendable {
    case take, registerArrival, up, down
  }

  public struct State: Equatable, Sendable {
    public var list = VisitSelection()
    public init() {}
    public var visits: [Visit] { list.visits }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case queueLoaded([Visit])
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding(
      [.enter], "Prendre en charge",
      help:
        "Recevoir la personne sélectionnée (ou reprendre une visite en cours) et coder sa visite",
      .take),
    KeyBinding(
      [.char("a")], "Arrivée", help: "Ajouter une personne qui arrive à la file", .registerArrival),
    KeyBinding([.up], "Précédente", .up, inKeyBar: false),
    KeyBinding([.down], "Suivante", .down, inKeyBar: false),
  ]

  public static let loadEffect: Effect = .loadQueue

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .queueLoaded(let visits):
      state.list.load(visits)
    case .key(let key):
      guard let command: Command = bindings.command(for: key) else { return .none }
      switch command {
      case .up: state.list.move(by: -1)
      case .down: state.list.move(by: 1)
      case .registerArrival: return .registerArrival(.walkIn)
      case .take:
        guard let visit = state.list.selected else { return .none }
        if visit.status == .waiting {
          var started = visit
          started.startedAt = max(context.now, visit.arrivedAt)
          started.deskID = context.workplace.deskID
          return .startService(started)
        }
        return .navigate(.push(.visitForm(visit)))
      }
    }
    return .none
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let waiting = state.visits.filter { $0.status == .waiting }.count
    canvas.put(
      " File d'attente — \(waiting) en attente, \(state.visits.count - waiting) en cours",
      x: area.x + 1, y: area.y,
      style: .title, limit: area.width - 2)
    let header = " N°     Arrivée  Attente    Statut       Canal"
    canvas.putPadded(header, x: area.x + 1, y: area.y + 2, width: area.width - 2, style: .muted)
    if state.list.loaded && state.visits.isEmpty {
      canvas.put(
        " Personne en attente. « A » ajoute une arrivée.", x: area.x + 1, y: area.y + 4,
        style: .muted)
      return
    }
    for (index, line, visit) in state.list.window(rows: area.height - 4) {
      let text =
        " " + Text.column(String(visit.id ?? 0), width: 7)
        + Text.column(Format.time(visit.arrivedAt, context.timeZone), width: 9)
        + Text.column(Format.duration(visit.waitingTime(now: context.now)), width: 11)
        + Text.column(visit.status.label, width: 13) + visit.channel.label
      let style: Style =
        index == state.list.index ? .selected : (visit.status == .waiting ? .plain : .muted)
      canvas.putPadded(
        text, x: area.x + 1, y: area.y + 3 + line, width: area.width - 2, style: style)
    }
  }
}
