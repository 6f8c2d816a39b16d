import GuichetCore

// The dashboard as the app reducer sees it, and the satisfaction score offered after a visit is closed.

extension DashboardScreen.Action: KeyedAction {}

extension DashboardScreen: ScreenFeature {
  public static func embed(_ state: State) -> Screen { .dashboard(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .dashboard(let state) = screen { state } else { nil }
  }
  /// Échap leaves a date being typed or a territory being picked first.
  public static func leaves(_ state: State, on key: Key) -> Bool {
    key == .escape && state.dateEntry == nil && state.territoryPicker == nil
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    switch result {
    case .supervision(.loaded(let figures)): .loaded(figures)
    case .featureEvent(let event):
      event.event(as: TerritorySearchEvent.self).map(Action.territories)
    default: nil
    }
  }
  public static func load(_ state: State) -> Effect { loadEffect(state) }
  public static func title(of state: State, context: AppContext) -> String { title }
  public static func keyHints(_ state: State, role: Role?) -> [HintLine] {
    hints(state) + HintLine.global
  }
  public static func help(for state: State, title: String, context: AppContext)
    -> HelpScreen.State
  { help(state) }
}

extension DashboardScreen.State {
  /// Today's figures.
  init(context: AppContext) {
    self.init(
      period: SupervisionPeriod(.day, containing: LocalDate(context.now, in: context.timeZone)))
  }
}

extension App {
  /// After a visit is closed, 1 to 5 records the person's satisfaction; any other key skips it and does
  /// what it always does. Never mandatory.
  static func answerSatisfaction(_ state: inout AppState, _ key: Key) -> Effect? {
    guard let visitID = state.satisfactionFor else { return nil }
    state.satisfactionFor = nil
    guard case .char(let c) = key, let score = c.wholeNumberValue, (1...5).contains(score) else {
      return nil
    }
    return .supervision(.recordSatisfaction(visitID: visitID, score: score))
  }
}
