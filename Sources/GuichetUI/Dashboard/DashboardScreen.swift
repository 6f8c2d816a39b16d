import GuichetCore

/// The supervisor's dashboard: a day, week, month or year (moved with ← →), filtered by drilling into a
/// breakdown, with one panel per indicator family (Tab) whose definition F1 shows. Figures come from the
/// store's indicator queries, the same ones the exports and the annual report use.
public enum DashboardScreen {
  public enum Command: Equatable, Sendable {
    case previous, next, day, week, month, year, today, chooseDate, nextBreakdown
    case up, down, drill, removeFilter, clearFilters, nextPanel, previousPanel, synthetic
    case territory
  }

  public struct State: Equatable, Sendable {
    public var period: SupervisionPeriod
    public var filter = SupervisionFilter()
    public var breakdown: SupervisionDimension = .publicCategory
    public var panel: DashboardPanel = .volumes
    public var selection = 0
    /// The loaded figures; their published lines (secondary suppression included) are computed once here,
    /// not at every frame.
    public var figures: SupervisionFigures? {
      didSet { lines = figures?.lines() ?? [] }
    }
    /// `figures.lines()`, what every panel and the summary draw.
    public private(set) var lines: [IndicatorLine] = []
    /// Filters in the order they were added, so Retour arrière removes the last one.
    public var filterOrder: [SupervisionDimension] = []
    /// The date being typed after « D », or nil.
    public var dateEntry: String?
    /// The territory (ZTEF) being picked after « Z », or nil.
    public var territoryPicker: TerritoryPicker?
    public var error: String?

    public init(period: SupervisionPeriod) {
      self.period = period
    }

    /// The figures shown, only once they answer the current period and filter.
    public var current: SupervisionFigures? {
      guard let figures, figures.period == period, figures.filter == filter else { return nil }
      return figures
    }

    public var rows: [(code: String, label: String, count: Int)] {
      guard let figures = current else { return [] }
      return (figures.breakdowns[breakdown] ?? [])
        .sorted {
          breakdown.sortKey(of: $0.code, names: figures.names)
            < breakdown.sortKey(of: $1.code, names: figures.names)
        }
        .map { ($0.code, breakdown.label(of: $0.code, names: figures.names), $0.count) }
    }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case loaded(SupervisionFigures)
    case territories(TerritorySearchEvent)
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding([.left], "Préc.", help: "Période précédente", .previous),
    KeyBinding([.right], "Suiv.", help: "Période suivante", .next),
    KeyBinding([.tab], "Indicateur", help: "Indicateur suivant (F1 : sa définition)", .nextPanel),
    KeyBinding(
      [.char("v")], "Ventiler", help: "Ventiler les visites par un autre critère", .nextBreakdown),
    KeyBinding(
      [.enter], "Filtrer", help: "Filtrer sur la ligne en surbrillance de la ventilation", .drill,
      inKeyBar: false),
    KeyBinding([.char("j")], "Jour", help: "Vue d'un jour", .day, inKeyBar: false),
    KeyBinding(
      [.char("s")], "Semaine", help: "Vue d'une semaine (lundi à dimanche)", .week, inKeyBar: false),
    KeyBinding([.char("m")], "Mois", help: "Vue d'un mois", .month, inKeyBar: false),
    KeyBinding([.char("a")], "Année", help: "Vue d'une année civile", .year, inKeyBar: false),
    KeyBinding([.char("t")], "Aujourd'hui", help: "Revenir à aujourd'hui", .today, inKeyBar: false),
    KeyBinding(
      [.char("d")], "Date", help: "Choisir une date (JJ/MM/AAAA)", .chooseDate, inKeyBar: false),
    KeyBinding(
      [.backspace], "Retirer", help: "Retirer le dernier filtre", .removeFilter, inKeyBar: false),
    KeyBinding(
      [.char("z")], "Territoire",
      help: "Filtrer sur un territoire (ZTEF) : tapez une commune, un bassin ou un territoire",
      .territory),
    KeyBinding(
      [.char("x")], "Sans filtre", help: "Retirer tous les filtres", .clearFilters, inKeyBar: false),
    KeyBinding(
      [.char("r")], "Réelles",
      help: "Données réelles et de démonstration, réelles seules, démonstration seule",
      .synthetic, inKeyBar: false),
    KeyBinding(
      [.backTab], "Indicateur préc.", help: "Indicateur précédent", .previousPanel, inKeyBar: false),
    KeyBinding([.up], "Ligne préc.", .up, inKeyBar: false),
    KeyBinding([.down], "Ligne suiv.", .down, inKeyBar: false),
  ]

  public static func loadEffect(_ state: State) -> Effect {
    .supervision(.load(state.period, state.filter))
  }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .loaded(let figures):
      guard figures.period == state.period, figures.filter == state.filter else { return .none }
      state.figures = figures
      state.selection = min(state.selection, max(0, state.rows.count - 1))
      return .none
    case .territories(let event):
      state.territoryPicker?.found(event)
      return .none
    case .key(let key):
      state.error = nil
      if state.dateEntry != nil { return typeDate(&state, key) }
      if state.territoryPicker != nil { return pickTerritory(&state, key) }
      guard let command: Command = bindings.command(for: key) else { return .none }
      return run(command, &state, context: context)
    }
  }

  static func run(_ command: Command, _ state: inout State, context: AppContext) -> Effect {
    switch command {
    case .previous: return show(state.period.moved(by: -1), &state)
    case .next: return show(state.period.moved(by: 1), &state)
    case .day, .week, .month, .year:
      // Zooming in keeps to today's place in the period shown (M from the year 2025: its own month).
      let anchor = state.period.anchor(today: LocalDate(context.now, in: context.timeZone))
      let kind: SupervisionPeriod.Kind =
        switch command {
        case .day: .day
        case .week: .week
        case .month: .month
        default: .year
        }
      return show(SupervisionPeriod(kind, containing: anchor), &state)
    case .today:
      let kind = state.period.kind == .range ? .day : state.period.kind
      return show(
        SupervisionPeriod(kind, containing: LocalDate(context.now, in: context.timeZone)), &state)
    case .chooseDate: state.dateEntry = ""
    case .territory: state.territoryPicker = TerritoryPicker()
    case .nextBreakdown:
      let all = SupervisionDimension.allCases.filter { state.filter.values[$0] == nil }
      let index = all.firstIndex(of: state.breakdown).map { $0 + 1 } ?? 0
      state.breakdown = all.isEmpty ? state.breakdown : all[index % all.count]
      state.selection = 0
      state.panel = .volumes
    case .up: state.selection = max(0, state.selection - 1)
    case .down: state.selection = min(max(0, state.rows.count - 1), state.selection + 1)
    case .drill:
      guard state.panel == .volumes, state.rows.indices.contains(state.selection) else {
        return .none
      }
      let dimension = state.breakdown
      state.filter.values[dimension] = state.rows[state.selection].code
      state.filterOrder.append(dimension)
      state.breakdown =
        SupervisionDimension.allCases.first { state.filter.values[$0] == nil } ?? dimension
      state.selection = 0
      return loadEffect(state)
    case .removeFilter:
      guard let last = state.filterOrder.popLast() else { return .none }
      state.filter.values[last] = nil
      state.breakdown = last
      state.selection = 0
      return loadEffect(state)
    case .clearFilters:
      guard !state.filter.values.isEmpty else { return .none }
      state.filter.values = [:]
      state.filterOrder = []
      return loadEffect(state)
    case .synthetic:
      let all = SyntheticRows.allCases
      state.filter.synthetic =
        all[((all.firstIndex(of: state.filter.synthetic) ?? 0) + 1) % all.count]
      return loadEffect(state)
    case .nextPanel, .previousPanel:
      let all = DashboardPanel.allCases
      let step = command == .nextPanel ? 1 : all.count - 1
      state.panel = all[(state.panel.rawValue + step) % all.count]
    }
    return .none
  }

  /// « Z » then part of a commune, bassin or territory name: Entrée filters on the territory highlighted
  /// (replacing a territory filter already set), Échap gives up.
  static func pickTerritory(_ state: inout State, _ key: Key) -> Effect {
    switch TerritoryPicker.step(&state.territoryPicker, key) {
    case .open(let effect): return effect
    case .closed: return .none
    case .picked(let match):
      state.filter.values[.territory] = String(match.territory.id)
      state.filterOrder.removeAll { $0 == .territory }
      state.filterOrder.append(.territory)
      if state.breakdown == .territory {
        state.breakdown =
          SupervisionDimension.allCases.first { state.filter.values[$0] == nil } ?? .territory
      }
      state.selection = 0
      return loadEffect(state)
    }
  }

  static func show(_ period: SupervisionPeriod, _ state: inout State) -> Effect {
    guard period != state.period else { return .none }
    state.period = period
    return loadEffect(state)
  }

  /// « D » then a date: JJ/MM/AAAA (or AAAA-MM-JJ); Entrée shows the day, Échap gives up.
  static func typeDate(_ state: inout State, _ key: Key) -> Effect {
    let text = state.dateEntry ?? ""
    switch key {
    case .escape: state.dateEntry = nil
    case .backspace: state.dateEntry = String(text.dropLast())
    case .char(let c) where (c.isNumber || c == "/" || c == "-") && text.count < 10:
      state.dateEntry = text + String(c)
    case .enter:
      guard let date = parse(text) else {
        state.error = "Date invalide : tapez JJ/MM/AAAA, par exemple 14/03/2026."
        return .none
      }
      state.dateEntry = nil
      let kind = state.period.kind == .range ? .day : state.period.kind
      return show(SupervisionPeriod(kind, containing: date), &state)
    default: break
    }
    return .none
  }

  static func parse(_ text: String) -> LocalDate? {
    let french = text.split(separator: "/").compactMap { Int($0) }
    if french.count == 3 { return LocalDate(year: french[2], month: french[1], day: french[0]) }
    let iso = text.split(separator: "-").compactMap { Int($0) }
    if iso.count == 3 { return LocalDate(year: iso[0], month: iso[1], day: iso[2]) }
    return nil
  }
}
