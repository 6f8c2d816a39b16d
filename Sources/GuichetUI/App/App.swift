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
    case .arrivalRegistered(let visit):
      state.message = StatusMessage(
        "Arrivée enregistrée à \(Format.time(visit.arrivedAt, state.context.timeZone)) : \(visit.ticketLabel)."
      )
      return loadEffect(for: state.top)
    case .serviceStarted(let visit):
      return .navigate(.push(.visitForm(visit)))
    case .supervision(.satisfactionRecorded(let score)):
      state.message = StatusMessage("Merci : satisfaction \(score)/5 notée.")
      return .none
    case .failed, .visitSaved, .countersLoaded, .queueLoaded, .todayVisitsLoaded, .communesFound,
      .referenceFound, .occupationLoaded, .certificationLoaded, .labourNeedsLoaded,
      .structuresLoaded, .agenda, .booking, .appointment, .admin, .supervision, .accounts,
      .featureEvent:
      return attachLabourNeeds(action, to: &state) + deliver(action, &state)
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
    if let link = state.top.links.first(where: { $0.key == key }) {
      return .navigate(.push(link.route))
    }
    return keyOnTop(&state, key)
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

  /// Applies navigation effects to the route stack and returns what is left for the runtime.
  public static func resolveNavigation(_ state: inout AppState, _ effect: Effect) -> Effect {
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
      case .replace(let route):
        if state.screens.count > 1 { state.screens.removeLast() }
        return resolveNavigation(&state, .navigate(.push(route)))
      case .backToVisit:
        guard let index = visitFormIndex(state) else {
          return resolveNavigation(&state, .navigate(.home))
        }
        state.screens.removeLast(state.screens.count - index - 1)
        return .none
      case .status(let message):
        state.message = message
        return .none
      case .visitWritten(let visit):
        adoptVisit(visit, &state)
        return .none
      case .offerSatisfaction(let id):
        state.satisfactionFor = id
        return .none
      }
    default:
      return effect
    }
  }
}
