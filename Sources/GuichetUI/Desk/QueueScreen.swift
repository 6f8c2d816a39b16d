import GuichetCore

/// The site's walk-in queue: who arrived, how long they have waited, who is being served.
public enum QueueScreen {
  public enum Command: Equatable, Sendable {
    case take, registerArrival, leftUnseen, up, down
  }

  public struct State: Equatable, Sendable {
    public var list = VisitSelection()
    /// The person « P » is about to close « parti sans être reçu », until O confirms (any other key keeps them).
    public var confirmingLeft: Visit?
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
    KeyBinding(
      [.char("p")], "Parti",
      help:
        "La personne sélectionnée est partie sans être reçue : la retirer de la file (confirmation O ; comptée à part, sans temps d'attente)",
      .leftUnseen),
    KeyBinding([.up], "Précédente", .up, inKeyBar: false),
    KeyBinding([.down], "Suivante", .down, inKeyBar: false),
  ]

  public static let loadEffect: Effect = .loadQueue

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .queueLoaded(let visits):
      state.list.load(visits)
      if let pending = state.confirmingLeft,
        !visits.contains(where: { $0.id == pending.id && $0.status == .waiting })
      {
        state.confirmingLeft = nil
      }
    case .key(let key):
      if let pending = state.confirmingLeft {
        state.confirmingLeft = nil
        guard key.isYes, let id = pending.id else { return .none }
        return .markLeftUnseen(visitID: id)
      }
      guard let command: Command = bindings.command(for: key) else { return .none }
      switch command {
      case .up: state.list.move(by: -1)
      case .down: state.list.move(by: 1)
      case .registerArrival: return .registerArrival(.walkIn)
      case .leftUnseen:
        guard let visit = state.list.selected else { return .none }
        guard visit.status == .waiting else {
          return .navigate(
            .status(
              StatusMessage(
                "Cette personne est déjà prise en charge : clôturez sa visite.", isError: true)))
        }
        state.confirmingLeft = visit
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
        " " + Text.column(visit.ticket.map(String.init) ?? "—", width: 7)
        + Text.column(Format.time(visit.arrivedAt, context.timeZone), width: 9)
        + Text.column(Format.duration(visit.waitingTime(now: context.now)), width: 11)
        + Text.column(visit.status.label, width: 13) + visit.channel.label
      let style: Style =
        index == state.list.index ? .selected : (visit.status == .waiting ? .plain : .muted)
      canvas.putPadded(
        text, x: area.x + 1, y: area.y + 3 + line, width: area.width - 2, style: style)
    }
    if let pending = state.confirmingLeft {
      canvas.putMessage(
        "\(pending.ticketLabel), arrivée à \(Format.time(pending.arrivedAt, context.timeZone)) : partie sans être reçue ? O pour confirmer, une autre touche pour garder.",
        x: area.x + 1, y: area.maxY - 1, width: area.width - 2,
        style: Style(tone: .warning, bold: true), maxLines: 2, upward: true, padded: true)
    }
  }
}
