import GuichetCore

/// The desk's home: today's counters for the desk and the site, the queue at a glance, and one-key entry points.
public enum HomeScreen {
  public enum Command: Equatable, Sendable {
    case newVisit, registerArrival, openQueue, openTodayVisits, search, labourNeeds, structures,
      agenda, appointment, admin, dashboard, accounts, territories, consentTexts
  }

  public struct State: Equatable, Sendable {
    public var counters: DayCounters?
    public var queue: [Visit] = []
    public init() {}
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case countersLoaded(DeskDay)
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding(
      [.char("n")], "Nouvelle visite", help: "Nouvelle visite (au guichet)", .newVisit,
      needs: .codeVisit),
    KeyBinding(
      [.char("a")], "Arrivée", help: "Ajouter une arrivée à la file", .registerArrival,
      needs: .codeVisit),
    KeyBinding([.char("f")], "File", help: "File d'attente du site", .openQueue, needs: .codeVisit),
    KeyBinding(
      [.char("j")], "Visites", help: "Visites du jour à ce poste", .openTodayVisits,
      needs: .codeVisit),
    KeyBinding(
      [.char("r")], "Recherche", help: "Recherche (métier, diplôme…)",
      .search, inKeyBar: false),
    KeyBinding(
      [.char("b")], "Besoins", help: "Besoins en main-d'œuvre", .labourNeeds,
      inKeyBar: false),
    KeyBinding(
      [.char("s")], "Structures", help: "Annuaire des structures", .structures,
      inKeyBar: false),
    KeyBinding(
      [.char("g")], "Agenda", help: "Agenda des conseillers", .agenda, inKeyBar: false,
      needs: .readAgenda),
    KeyBinding(
      [.char("v")], "Rendez-vous", help: "Retrouver un RDV (réf., tél.)",
      .appointment, inKeyBar: false, needs: .changeAppointment),
    KeyBinding(
      [.char("o")], "Admin",
      help: "Administration des opérateurs", .admin, needs: .administerOperators),
    KeyBinding(
      [.char("c")], "Comptes", help: "Comptes de la console", .accounts,
      needs: .administerAccounts),
    KeyBinding(
      [.char("z")], "Territoires", help: "Territoires et délais cibles", .territories,
      needs: .administerOperators),
    KeyBinding(
      [.char("k")], "Consentement", help: "Textes de consentement (versions)", .consentTexts,
      needs: .administerOperators),
    KeyBinding(
      [.char("t")], "Tableau de bord", help: "Tableau de bord (indicateurs)", .dashboard,
      needs: .readSupervision),
  ]

  /// Counters and queue come from one read, so « En attente » is always the panel's length.
  public static let loadEffect: Effect = .loadCounters

  /// The keys the signed-in role may use: the only ones listed, in the key bar and in the help.
  public static func bindings(for role: Role?) -> [KeyBinding<Command>] {
    bindings.filter { ConsoleAccess.allows($0.permission, role) }
  }

  /// The key bar: a role with a few keys sees them all there, an agent the ones used all day.
  static func hints(for role: Role?) -> [HintLine] {
    let bindings = bindings(for: role)
    return bindings.map { binding in
      var hint = binding.hintLine
      hint.inKeyBar = hint.inKeyBar || bindings.count <= 5
      return hint
    }
  }

  /// The French line a key gets when the role may not use it; nil when it may (or the key means nothing).
  public static func refusal(for key: Key, role: Role?) -> String? {
    guard let binding = bindings.binding(for: key) else { return nil }
    return ConsoleAccess.allows(binding.permission, role)
      ? nil : ConsoleAccess.refusal(binding.permission)
  }

  /// A visit started now at this desk, for someone already at the desk.
  public static func draftVisit(context: AppContext) -> Visit {
    Visit(
      siteID: context.workplace.siteID, deskID: context.workplace.deskID, channel: .walkIn,
      arrivedAt: context.now, startedAt: context.now, day: context.today)
  }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .countersLoaded(let day):
      state.counters = day.counters
      state.queue = day.queue
    case .key(let key):
      if let refusal = refusal(for: key, role: context.account?.role) {
        return .navigate(.status(StatusMessage(refusal, isError: true)))
      }
      guard let command: Command = bindings(for: context.account?.role).command(for: key) else {
        return .none
      }
      switch command {
      case .newVisit: return .navigate(.push(.visitForm(draftVisit(context: context))))
      case .registerArrival: return .registerArrival(.walkIn)
      case .openQueue: return .navigate(.push(.queue))
      case .openTodayVisits: return .navigate(.push(.todayVisits))
      case .search: return .navigate(.push(.search))
      case .labourNeeds: return .navigate(.push(.labourNeeds))
      case .structures: return .navigate(.push(.structures(focus: nil)))
      case .agenda: return .navigate(.push(.agenda))
      case .appointment: return .navigate(.push(.appointment(.reference(nil))))
      case .admin: return .navigate(.push(.admin(.structures)))
      case .dashboard: return .navigate(.push(.dashboard))
      case .accounts: return .navigate(.push(.accounts))
      case .territories: return .navigate(.push(.territories))
      case .consentTexts: return .navigate(.push(.consentTexts))
      }
    }
    return .none
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let (left, right) = area.splitLeft(min(44, area.width / 2))
    var y = left.y + 1
    canvas.put(" Aujourd'hui", x: left.x + 1, y: y, style: .title)
    y += 2
    canvas.put(Text.pad("", width: 16) + "Ce poste   Le site", x: left.x + 2, y: y, style: .muted)
    y += 1
    let counters = state.counters ?? DayCounters()
    let rows: [(String, Int, Int)] = [
      ("En attente", counters.desk.waiting, counters.site.waiting),
      ("En cours", counters.desk.inService, counters.site.inService),
      ("Clôturées", counters.desk.closed, counters.site.closed),
      ("Non reçus", counters.desk.leftUnseen, counters.site.leftUnseen),
      ("Total", counters.desk.total, counters.site.total),
    ]
    for (label, desk, site) in rows {
      let line = Text.pad(label, width: 16) + Text.pad(String(desk), width: 11) + String(site)
      canvas.put(line, x: left.x + 2, y: y, style: label == "Total" ? .bold : .plain)
      y += 1
    }
    y += 1
    let wait = counters.medianWaitSeconds.map { Format.duration(Double($0)) } ?? "—"
    canvas.put(
      "Attente médiane au site : \(wait)", x: left.x + 2, y: y, style: .plain, limit: left.width - 3
    )
    // Every key listed stays above the status line, even at 24 rows.
    let bindings = bindings(for: context.account?.role)
    y += left.maxY - y > bindings.count + 1 ? 2 : 1
    for binding in bindings {
      canvas.put(" \(binding.keyLabel) ", x: left.x + 2, y: y, style: .accent)
      canvas.put(binding.help, x: left.x + 6, y: y, limit: left.width - 7)
      y += 1
    }
    renderQueue(
      state.queue,
      in: Rect(x: right.x, y: right.y + 1, width: right.width - 1, height: right.height - 2),
      on: &canvas, context: context)
  }

  static func renderQueue(
    _ queue: [Visit], in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let waiting = queue.filter { $0.status == .waiting }
    canvas.box(area, title: "File d'attente (\(waiting.count))")
    let inner = area.inset(1)
    if queue.isEmpty {
      canvas.put(" Personne en attente.", x: inner.x, y: inner.y, style: .muted, limit: inner.width)
      return
    }
    for (index, visit) in queue.prefix(inner.height).enumerated() {
      let line =
        " " + Text.pad(visit.ticketLabel, width: 7)
        + Format.time(visit.arrivedAt, context.timeZone) + "  "
        + Text.pad(visit.status.label, width: 11)
        + Format.duration(visit.waitingTime(now: context.now))
      canvas.put(
        line, x: inner.x, y: inner.y + index, style: visit.status == .waiting ? .plain : .muted,
        limit: inner.width)
    }
  }
}

extension HomeScreen.Action: KeyedAction {}

extension HomeScreen: ScreenFeature {
  public static func embed(_ state: State) -> Screen { .home(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .home(let state) = screen { state } else { nil }
  }
  public static func leaves(_ state: State, on key: Key) -> Bool { false }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    switch result {
    case .countersLoaded(let day): .countersLoaded(day)
    default: nil
    }
  }
  public static func load(_ state: State) -> Effect { loadEffect }
  public static func title(of state: State, context: AppContext) -> String { "Accueil" }
  public static func keyHints(_ state: State, role: Role?) -> [HintLine] {
    hints(for: role) + [HintLine.help, HintLine.quit]
  }
  public static let purpose =
    "Compteurs du jour pour ce poste et pour le site, et file d'attente. Chaque visite est anonyme."
  public static func helpLines(_ state: State, context: AppContext) -> [HintLine] {
    bindings(for: context.account?.role).map(\.hintLine)
  }
}
