import GuichetCore

/// The dashboard and the satisfaction score in the app reducer: keys, loaded figures, and the one-key score
/// offered after a visit is closed.
extension App {
  static func handleDashboardKey(_ screen: inout Screen, _ key: Key, context: AppContext) -> Effect
  {
    guard case .dashboard(var dashboard) = screen else { return .none }
    if key == .escape && dashboard.dateEntry == nil { return .navigate(.pop) }
    let effect = DashboardScreen.reduce(&dashboard, .key(key), context: context)
    screen = .dashboard(dashboard)
    return effect
  }

  static func deliverSupervision(_ event: SupervisionEvent, to state: inout AppState) -> Effect {
    switch event {
    case .satisfactionRecorded(let score):
      state.message = StatusMessage("Merci : satisfaction \(score)/5 notée.")
      return .none
    case .loaded(let figures):
      var effect = Effect.none
      for index in state.screens.indices {
        guard case .dashboard(var dashboard) = state.screens[index] else { continue }
        effect =
          effect + DashboardScreen.reduce(&dashboard, .loaded(figures), context: state.context)
        state.screens[index] = .dashboard(dashboard)
      }
      return effect
    }
  }

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
