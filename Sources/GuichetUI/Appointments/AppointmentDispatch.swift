import GuichetCore

/// The appointment screen in the app reducer: its keys, the answers of the store, and a move, which goes
/// through the availability screen and comes back here with a fresh slip.
extension App {
  static func handleAppointmentKey(_ screen: inout Screen, _ key: Key, context: AppContext)
    -> Effect
  {
    guard case .appointment(var state) = screen else { return .none }
    if key == .escape && state.pending == nil { return .navigate(.pop) }
    let effect = AppointmentScreen.reduce(&state, .key(key), context: context)
    screen = .appointment(state)
    return effect
  }

  static func handleAppointmentEvent(_ event: AppointmentEvent, _ state: inout AppState) -> Effect {
    let context = state.context
    switch event {
    case .slotsFound(let structureID, let slots):
      return updateRescheduling(&state) { screen in
        guard screen.draft.structure?.id == structureID else { return .none }
        return AvailabilityScreen.reduce(
          &screen, .found(kinds: screen.kinds, slots), context: context)
      }
    case .slotTaken(let slots):
      state.message = StatusMessage(
        "Ce créneau vient d'être pris par un autre poste.", isError: true)
      return updateRescheduling(&state) {
        AvailabilityScreen.reduce(&$0, .taken(slots), context: context)
      }
    case .rescheduled(let detail):
      if case .booking(.availability(let screen)) = state.top, screen.draft.rescheduling != nil {
        state.screens.removeLast()
      }
      let start = detail.appointment.startsAt
      state.message = StatusMessage(
        "Rendez-vous \(detail.reference) déplacé au \(Format.day(start, context.timeZone)) à \(Format.time(start, context.timeZone))."
      )
      deliverAppointment(event, to: &state)
      return .navigate(.push(.booking(.slip(detail.slip(timeZone: context.timeZone)))))
    case .updated(_, let message):
      state.message = StatusMessage(message)
      deliverAppointment(event, to: &state)
    case .failed(let error):
      state.message = StatusMessage(error.message, isError: true)
      deliverAppointment(event, to: &state)
    case .found:
      deliverAppointment(event, to: &state)
    }
    return .none
  }

  static func deliverAppointment(_ event: AppointmentEvent, to state: inout AppState) {
    for index in state.screens.indices {
      guard case .appointment(var screen) = state.screens[index] else { continue }
      _ = AppointmentScreen.reduce(&screen, .event(event), context: state.context)
      state.screens[index] = .appointment(screen)
    }
  }

  static func updateRescheduling(
    _ state: inout AppState, _ body: (inout AvailabilityScreen.State) -> Effect
  ) -> Effect {
    guard case .booking(.availability(var screen)) = state.top, screen.draft.rescheduling != nil
    else { return .none }
    let effect = body(&screen)
    state.screens[state.screens.count - 1] = .booking(.availability(screen))
    return effect
  }
}
