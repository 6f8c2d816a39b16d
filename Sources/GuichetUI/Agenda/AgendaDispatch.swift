import GuichetCore

/// The agenda in the app reducer: keys, loaded data and marks, the screen made from its route, and its
/// reload when another desk writes (`databaseChanged` runs `loadEffect` of the top screen).
extension App {
  static func handleAgendaKey(_ screen: inout Screen, _ key: Key, context: AppContext) -> Effect {
    guard case .agenda(var agenda) = screen else { return .none }
    if key == .escape && agenda.pending == nil { return .navigate(.pop) }
    let effect = AgendaScreen.reduce(&agenda, .key(key), context: context)
    screen = .agenda(agenda)
    return effect
  }

  /// Loads go to the agenda screens; a recorded mark also says so on the status line.
  static func deliverAgenda(_ event: AgendaEvent, to state: inout AppState) -> Effect {
    if case .marked(let appointment) = event {
      state.message = StatusMessage(
        "Rendez-vous \(appointment.reference) : \(appointment.status.label.lowercased()).")
    }
    var effect = Effect.none
    for index in state.screens.indices {
      guard case .agenda(var agenda) = state.screens[index] else { continue }
      effect = effect + AgendaScreen.reduce(&agenda, .event(event), context: state.context)
      state.screens[index] = .agenda(agenda)
    }
    return effect
  }

  static func makeAgendaScreen(context: AppContext) -> Screen {
    let advisor = context.account.flatMap { $0.role == .advisor ? $0.structureID : nil }
    return .agenda(
      AgendaScreen.State(
        day: LocalDate(context.now, in: context.timeZone), ownStructureID: advisor))
  }
}
