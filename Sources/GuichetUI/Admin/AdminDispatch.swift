import GuichetCore

/// The administration screens in the app reducer: keys, loads delivered to every open admin screen, and a
/// write that succeeded closing its form (the list underneath reloads) or staying on the list it came from.
extension App {
  static func handleAdminKey(_ screen: inout Screen, _ key: Key, context: AppContext) -> Effect {
    guard case .admin(var admin) = screen else { return .none }
    if key == .escape && !isConfirming(admin) { return .navigate(.pop) }
    let effect: Effect
    switch admin {
    case .structures(var state):
      effect = AdminStructuresScreen.reduce(&state, .key(key), context: context)
      admin = .structures(state)
    case .advisors(var state):
      effect = AdminAdvisorsScreen.reduce(&state, .key(key), context: context)
      admin = .advisors(state)
    case .availability(var state):
      effect = AdminAvailabilityScreen.reduce(&state, .key(key), context: context)
      admin = .availability(state)
    case .routing(var state):
      effect = AdminRoutingScreen.reduce(&state, .key(key), context: context)
      admin = .routing(state)
    case .form(var state):
      effect = AdminFormScreen.reduce(&state, .key(key), context: context)
      admin = .form(state)
    }
    screen = .admin(admin)
    return effect
  }

  /// A confirmation or a picker on screen takes Échap as « no » rather than leaving.
  static func isConfirming(_ admin: AdminScreen) -> Bool {
    switch admin {
    case .structures(let state): state.confirming || state.territoryPicker != nil
    case .advisors(let state): state.confirming
    case .availability(let state): state.confirming
    case .routing, .form: false
    }
  }

  static func handleAdminEvent(_ event: AdminEvent, _ state: inout AppState) -> Effect {
    switch event {
    case .written(let write, let message):
      state.message = StatusMessage(message)
      focus(after: write, &state)
      if case .admin(.form) = state.top { return .navigate(.pop) }
      return loadEffect(for: state.top)
    case .failed(let error):
      state.message = StatusMessage(error.message, isError: true)
      guard case .admin(.form(var form)) = state.top else { return .none }
      let effect = AdminFormScreen.reduce(&form, .failed(error), context: state.context)
      state.screens[state.screens.count - 1] = .admin(.form(form))
      return effect
    default:
      for index in state.screens.indices {
        guard case .admin(let admin) = state.screens[index] else { continue }
        state.screens[index] = .admin(deliver(event, to: admin, context: state.context))
      }
      return .none
    }
  }

  /// What was just added or edited is selected in the list below once it reloads.
  static func focus(after write: AdminWrite, _ state: inout AppState) {
    for index in state.screens.indices {
      switch (state.screens[index], write) {
      case (.admin(.structures(var list)), .structure(let structure)):
        list.focusName = SafeText.clean(structure.name)
        state.screens[index] = .admin(.structures(list))
      case (.admin(.advisors(var list)), .advisor(let advisor)):
        list.focusName = SafeText.clean(advisor.displayName)
        state.screens[index] = .admin(.advisors(list))
      default: break
      }
    }
  }

  static func deliver(_ event: AdminEvent, to admin: AdminScreen, context: AppContext)
    -> AdminScreen
  {
    switch (admin, event) {
    case (.structures(var state), .structuresLoaded(let structures)):
      _ = AdminStructuresScreen.reduce(&state, .loaded(structures), context: context)
      return .structures(state)
    case (.advisors(var state), .advisorsLoaded(let id, let advisors)):
      _ = AdminAdvisorsScreen.reduce(&state, .loaded(structureID: id, advisors), context: context)
      return .advisors(state)
    case (.availability(var state), .availabilityLoaded(let id, let rules, let absences)):
      _ = AdminAvailabilityScreen.reduce(
        &state, .loaded(advisorID: id, rules, absences), context: context)
      return .availability(state)
    case (.routing(var state), .routingLoaded(let rules)):
      _ = AdminRoutingScreen.reduce(&state, .loaded(rules), context: context)
      return .routing(state)
    default:
      return admin
    }
  }

  static func makeAdminScreen(_ route: AdminRoute, context: AppContext) -> Screen {
    switch route {
    case .structures: .admin(.structures(AdminStructuresScreen.State()))
    case .advisors(let structure):
      .admin(.advisors(AdminAdvisorsScreen.State(structure: structure)))
    case .availability(let advisor):
      .admin(.availability(AdminAvailabilityScreen.State(advisor: advisor)))
    case .routing: .admin(.routing(AdminRoutingScreen.State()))
    case .form(let kind): .admin(.form(AdminFormScreen.State(kind: kind, context: context)))
    }
  }

  static func adminLoadEffect(_ admin: AdminScreen) -> Effect {
    switch admin {
    case .structures: AdminStructuresScreen.loadEffect
    case .advisors(let state): AdminAdvisorsScreen.loadEffect(state)
    case .availability(let state): AdminAvailabilityScreen.loadEffect(state)
    case .routing: AdminRoutingScreen.loadEffect
    case .form: .none
    }
  }
}
