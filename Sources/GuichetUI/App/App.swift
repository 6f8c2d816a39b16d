import Foundation
import GuichetCore

/// The app reducer: global keys first (F1, Esc, F10/Ctrl-Q), then the screen on top; navigation is
/// resolved here, every other effect goes to the runtime.
public enum App {
  /// Effects to run when the console opens.
  public static func start(_ state: inout AppState) -> Effect {
    state.session.isSignedIn ? HomeScreen.loadEffect : .session(.checkFirstAdministrator)
  }

  public static func reduce(_ state: inout AppState, _ action: AppAction) -> Effect {
    let effect = dispatch(&state, action)
    return resolveNavigation(&state, effect)
  }

  static func dispatch(_ state: inout AppState, _ action: AppAction) -> Effect {
    switch action {
    case .resized(let size):
      state.size = size
      return .none
    case .tick(let now):
      state.context.now = now
      lockIfIdle(&state)
      return .none
    case .databaseChanged:
      return state.session.isSignedIn ? loadEffect(for: state.top) : .none
    case .key(let key):
      guard case .signedIn(let account) = state.session else {
        return handleSessionKey(&state, key)
      }
      state.lastActivity = state.context.now
      if key == .function(12) {
        lock(&state, account, atOnce: true)
        return .none
      }
      return handleKey(&state, key)
    case .session(let event): return handleSessionEvent(event, &state)
    case .booking(let event): return handleBookingEvent(event, &state)
    case .agenda(let event): return deliverAgenda(event, to: &state)
    case .appointment(let event): return handleAppointmentEvent(event, &state)
    case .admin(let event): return handleAdminEvent(event, &state)
    case .supervision(let event): return deliverSupervision(event, to: &state)
    case .accounts(let event): return handleAccountsEvent(event, &state)
    case .failed(let error):
      state.message = StatusMessage(error.message, isError: true)
      return updateTop(&state) { screen, context in
        if case .visitForm(var form) = screen {
          let effect = VisitFormScreen.reduce(&form, .failed(error), context: context)
          screen = .visitForm(form)
          return effect
        }
        return .none
      }
    case .arrivalRegistered(let visit):
      state.message = StatusMessage(
        "Arrivée enregistrée à \(Format.time(visit.arrivedAt, state.context.timeZone)) (n° \(visit.id ?? 0))."
      )
      return loadEffect(for: state.top)
    case .serviceStarted(let visit):
      return .navigate(.push(.visitForm(visit)))
    case .visitSaved(let visit):
      guard case .visitForm(let form) = state.top, form.saving else { return .none }
      state.message = StatusMessage(
        visit.status == .closed
          ? "Visite n° \(visit.id ?? 0) clôturée."
          : "Visite n° \(visit.id ?? 0) enregistrée, toujours en cours.")
      if visit.status == .closed, form.original.closedAt == nil { state.satisfactionFor = visit.id }
      // Fiches consulted before the visit had a number are written with it.
      guard let id = visit.id, !form.consultations.isEmpty else { return .navigate(.pop) }
      return .recordConsultations(visitID: id, form.consultations) + .navigate(.pop)
    case .countersLoaded, .queueLoaded, .todayVisitsLoaded, .communesFound, .referenceFound,
      .occupationLoaded, .certificationLoaded, .labourNeedsLoaded, .structuresLoaded:
      var effect = attachLabourNeeds(action, to: &state)
      for index in state.screens.indices {
        effect = effect + deliver(action, to: &state.screens[index], context: state.context)
      }
      return effect
    }
  }

  /// Loaded data goes to every screen that shows it, so going back never shows stale numbers.
  static func deliver(_ action: AppAction, to screen: inout Screen, context: AppContext) -> Effect {
    switch (screen, action) {
    case (.home(var home), .countersLoaded(let counters)):
      let effect = HomeScreen.reduce(&home, .countersLoaded(counters), context: context)
      screen = .home(home)
      return effect
    case (.home(var home), .queueLoaded(let visits)):
      let effect = HomeScreen.reduce(&home, .queueLoaded(visits), context: context)
      screen = .home(home)
      return effect
    case (.queue(var queue), .queueLoaded(let visits)):
      let effect = QueueScreen.reduce(&queue, .queueLoaded(visits), context: context)
      screen = .queue(queue)
      return effect
    case (.todayVisits(var list), .todayVisitsLoaded(let visits)):
      let effect = VisitListScreen.reduce(&list, .visitsLoaded(visits), context: context)
      screen = .todayVisits(list)
      return effect
    case (.visitForm(var form), .communesFound(let query, let matches)):
      let effect = VisitFormScreen.reduce(
        &form, .communesFound(query: query, matches: matches), context: context)
      screen = .visitForm(form)
      return effect
    default:
      return deliverInformation(action, to: &screen, context: context)
    }
  }

  static func handleKey(_ state: inout AppState, _ key: Key) -> Effect {
    state.message = nil
    if let effect = answerSatisfaction(&state, key) { return effect }
    if let effect = handleQuitKey(&state, key) { return effect }
    if state.isTooSmall { return .none }
    if key == .function(1) {
      if case .help = state.top { return .navigate(.pop) }
      return .navigate(.push(.help))
    }
    if case .home = state.top,
      let refusal = HomeScreen.refusal(for: key, role: state.context.account?.role)
    {
      state.message = StatusMessage(refusal, isError: true)
      return .none
    }
    return updateTop(&state) { screen, context in
      switch screen {
      case .home(var home):
        let effect = HomeScreen.reduce(&home, .key(key), context: context)
        screen = .home(home)
        return effect
      case .queue(var queue):
        if key == .escape { return .navigate(.pop) }
        let effect = QueueScreen.reduce(&queue, .key(key), context: context)
        screen = .queue(queue)
        return effect
      case .todayVisits(var list):
        if key == .escape { return .navigate(.pop) }
        let effect = VisitListScreen.reduce(&list, .key(key), context: context)
        screen = .todayVisits(list)
        return effect
      case .visitForm(var form):
        let effect = VisitFormScreen.reduce(&form, .key(key), context: context)
        screen = .visitForm(form)
        return effect
      case .help(var help):
        if key == .escape { return .navigate(.pop) }
        let effect = HelpScreen.reduce(&help, key)
        screen = .help(help)
        return effect
      case .search, .occupation, .certification, .labourNeeds, .structures:
        return handleInformationKey(&screen, key, context: context)
      case .agenda: return handleAgendaKey(&screen, key, context: context)
      case .dashboard: return handleDashboardKey(&screen, key, context: context)
      case .booking: return handleBookingKey(&screen, key, context: context)
      case .appointment: return handleAppointmentKey(&screen, key, context: context)
      case .admin: return handleAdminKey(&screen, key, context: context)
      case .accounts: return handleAccountsKey(&screen, key, context: context)
      }
    }
  }

  /// F10, Ctrl-Q, Ctrl-C and the answer to « Quitter quand même ? », on every screen and on the login screen;
  /// nil when the key is something else.
  static func handleQuitKey(_ state: inout AppState, _ key: Key) -> Effect? {
    if state.confirmingQuit {
      state.confirmingQuit = false
      return key.isYes ? quit(&state) : Effect.none
    }
    switch key {
    case .function(10), .ctrl("q"), .ctrl("c"):
      if state.hasUnsavedWork {
        state.confirmingQuit = true
        return Effect.none
      }
      return quit(&state)
    default:
      return nil
    }
  }

  static func quit(_ state: inout AppState) -> Effect {
    state.quitting = true
    return .quit
  }

  static func updateTop(_ state: inout AppState, _ body: (inout Screen, AppContext) -> Effect)
    -> Effect
  {
    var screen = state.top
    let effect = body(&screen, state.context)
    state.screens[state.screens.count - 1] = screen
    return effect
  }

  /// Applies navigation effects to the route stack and returns what is left for the runtime.
  static func resolveNavigation(_ state: inout AppState, _ effect: Effect) -> Effect {
    switch effect {
    case .batch(let effects):
      return effects.reduce(Effect.none) { $0 + resolveNavigation(&state, $1) }
    case .navigate(let navigation):
      switch navigation {
      case .push(let route):
        // Whatever asked for it, a screen the role may not use is not opened (the store refuses too).
        if !ConsoleAccess.allows(route.permission, state.context.account?.role) {
          state.message = StatusMessage(ConsoleAccess.refusal(route.permission), isError: true)
          return .none
        }
        let consulted = attach(consultation(for: route), to: &state)
        let screen = makeScreen(route, state: state)
        state.screens.append(screen)
        return consulted + loadEffect(for: screen)
      case .pop:
        if state.screens.count > 1 { state.screens.removeLast() }
        return loadEffect(for: state.top)
      case .home:
        state.screens = [state.screens[0]]
        return loadEffect(for: state.top)
      }
    default:
      return effect
    }
  }

  static func makeScreen(_ route: Route, state: AppState) -> Screen {
    switch route {
    case .home: .home(HomeScreen.State())
    case .queue: .queue(QueueScreen.State())
    case .todayVisits: .todayVisits(VisitListScreen.State())
    case .visitForm(let visit): .visitForm(VisitFormScreen.State(visit: visit))
    case .help: .help(helpState(for: state.top, context: state.context))
    case .search, .occupation, .certification, .labourNeeds, .structures:
      makeInformationScreen(route, state: state)
    case .booking(let route): makeBookingScreen(route)
    case .agenda: makeAgendaScreen(context: state.context)
    case .appointment(let lookup): .appointment(AppointmentScreen.State(lookup: lookup))
    case .admin(let route): makeAdminScreen(route, context: state.context)
    case .accounts: .accounts(AccountsScreen.State())
    case .dashboard:
      .dashboard(
        DashboardScreen.State(
          period: SupervisionPeriod(
            .day, containing: LocalDate(state.context.now, in: state.context.timeZone))))
    }
  }

  static func loadEffect(for screen: Screen) -> Effect {
    switch screen {
    case .home: HomeScreen.loadEffect
    case .queue: QueueScreen.loadEffect
    case .todayVisits: VisitListScreen.loadEffect
    case .visitForm, .help: .none
    case .search, .occupation, .certification, .labourNeeds, .structures:
      informationLoadEffect(for: screen)
    case .booking(let booking): bookingLoadEffect(booking)
    case .agenda(let agenda): AgendaScreen.loadEffect(agenda)
    case .appointment(let screen): AppointmentScreen.loadEffect(screen)
    case .admin(let admin): adminLoadEffect(admin)
    case .dashboard(let dashboard): DashboardScreen.loadEffect(dashboard)
    case .accounts: AccountsScreen.loadEffect
    }
  }
}
