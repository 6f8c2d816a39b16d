import GuichetCore

/// One screen of the console as the app reducer sees it: its state and its own actions, how a key and the
/// outcome of an effect become one of those actions, what it loads when it shows, and how it draws. The
/// app reducer only routes: it finds the screen's feature (`Screen.feature`, in Screens.swift), hands it
/// what came in, and applies the navigation the screen answers with. A new screen is a new conformance
/// plus its entries in Screens.swift.
public protocol ScreenFeature {
  associatedtype State: Equatable & Sendable
  associatedtype Action

  /// The one way this screen's state goes into and comes out of `Screen`.
  static func embed(_ state: State) -> Screen
  static func extract(_ screen: Screen) -> State?

  static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect
  /// A key pressed on this screen, as its own action.
  static func keyAction(_ key: Key) -> Action
  /// True when the key leaves the screen: Échap, unless the screen is asking something.
  static func leaves(_ state: State, on key: Key) -> Bool
  /// The outcome of an effect as this screen's own action, nil when it is not for this screen. `onTop`
  /// tells an answer to what the screen asked (on top) from fresh data for when it shows again (below).
  static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action?
  /// What the screen loads when it opens, shows again, or another desk writes.
  static func load(_ state: State) -> Effect

  static func render(_ state: State, in body: Rect, on canvas: inout Canvas, context: AppContext)
  static func title(of state: State, context: AppContext) -> String
  /// The key bar, global keys included.
  static func keyHints(_ state: State, role: Role?) -> [HintLine]
  /// The F1 help: by default what the screen is for (`purpose`) and its keys (`helpLines`).
  static func help(for state: State, title: String, context: AppContext) -> HelpScreen.State
  static var purpose: String { get }
  static func helpLines(_ state: State, context: AppContext) -> [HintLine]
  /// What quitting now would lose, in the words of the quit question; nil when nothing.
  static func unsavedWork(_ state: State) -> String?
  /// True when the screen shows an error itself (next to the field to fix) rather than on the status line.
  static func showsErrorItself(_ state: State) -> Bool
}

/// A key that opens a screen from another one, declared in the registry (`Screen.links`, Screens.swift)
/// rather than in each screen's key table: a new screen reachable from existing ones is entered in the
/// registry only. The app reducer tries the top screen's links before the screen's own keys, and its key
/// bar and help list them.
public struct ScreenLink: Equatable, Sendable {
  public var key: Key
  public var hint: HintLine
  public var route: Route

  public init(key: Key, hint: HintLine, route: Route) {
    self.key = key
    self.hint = hint
    self.route = route
  }
}

/// A screen action that has a case for keys (`case key(Key)` satisfies it).
public protocol KeyedAction {
  static func key(_ key: Key) -> Self
}

extension ScreenFeature {
  public static func leaves(_ state: State, on key: Key) -> Bool { key == .escape }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    nil
  }
  public static func load(_ state: State) -> Effect { .none }
  public static func unsavedWork(_ state: State) -> String? { nil }
  public static func showsErrorItself(_ state: State) -> Bool { false }
  public static var purpose: String { "" }
  public static func helpLines(_ state: State, context: AppContext) -> [HintLine] { [] }
  public static func help(for state: State, title: String, context: AppContext)
    -> HelpScreen.State
  {
    HelpScreen.State(
      screenTitle: title, purpose: purpose, lines: helpLines(state, context: context))
  }
}

/// A screen whose keys come from one key table: the key bar and the help list them.
public protocol BoundScreen: ScreenFeature {
  associatedtype Command: Equatable & Sendable
  static var bindings: [KeyBinding<Command>] { get }
}

extension BoundScreen {
  public static func helpLines(_ state: State, context: AppContext) -> [HintLine] {
    bindings.map(\.hintLine)
  }
  public static func keyHints(_ state: State, role: Role?) -> [HintLine] {
    bindings.map(\.hintLine) + HintLine.global
  }
}

extension ScreenFeature where Action: KeyedAction {
  public static func keyAction(_ key: Key) -> Action { .key(key) }
}

extension HintLine {
  /// The global keys every screen's bar ends with: help, back, quit.
  static let help = HintLine(key: "F1", text: "Aide")
  static let back = HintLine(key: "Échap", text: "Retour")
  static let quit = HintLine(key: "F10", text: "Quitter")
  static let global = [help, back, quit]
}

/// The generic ways the app reducer reaches a screen through its feature (opened from `Screen.feature`).
extension App {
  /// A key for the top screen: Échap leaves it unless it is asking something, any other key is its own.
  static func keyOnTop(_ state: inout AppState, _ key: Key) -> Effect {
    func reduce<F: ScreenFeature>(_ feature: F.Type) -> Effect {
      guard var screen = F.extract(state.top) else { return .none }
      if F.leaves(screen, on: key) { return .navigate(.pop) }
      // A key the role may not use is not shown; pressed anyway, it is refused here, before the screen.
      let role = state.context.account?.role
      if let line = F.keyHints(screen, role: role).first(where: { $0.binds(key) }),
        !line.allowed(for: role)
      {
        return .navigate(
          .status(StatusMessage(ConsoleAccess.refusal(line.permission), isError: true)))
      }
      let effect = F.reduce(&screen, F.keyAction(key), context: state.context)
      state.screens[state.screens.count - 1] = F.embed(screen)
      return effect
    }
    return reduce(state.top.feature)
  }

  /// The outcome of an effect goes to every open screen that takes it (the top one for an answer, the ones
  /// below for fresh data). An error is said on the status line unless the top screen shows it itself.
  static func deliver(_ result: AppAction, _ state: inout AppState) -> Effect {
    func showsError<F: ScreenFeature>(_ feature: F.Type) -> Bool {
      F.extract(state.top).map(F.showsErrorItself) ?? false
    }
    if let error = result.error, !showsError(state.top.feature) {
      state.message = StatusMessage(error.message, isError: true)
    }
    var effect = Effect.none
    func reduce<F: ScreenFeature>(_ feature: F.Type, at index: Int) {
      guard var screen = F.extract(state.screens[index]),
        let action = F.resultAction(result, screen, onTop: index == state.screens.count - 1)
      else { return }
      effect = effect + F.reduce(&screen, action, context: state.context)
      state.screens[index] = F.embed(screen)
    }
    for index in state.screens.indices { reduce(state.screens[index].feature, at: index) }
    return effect
  }

  static func loadEffect(for screen: Screen) -> Effect {
    func load<F: ScreenFeature>(_ feature: F.Type) -> Effect {
      F.extract(screen).map(F.load) ?? .none
    }
    return load(screen.feature)
  }

  static func draw(_ screen: Screen, in body: Rect, on canvas: inout Canvas, context: AppContext) {
    func draw<F: ScreenFeature>(_ feature: F.Type) {
      guard let state = F.extract(screen) else { return }
      F.render(state, in: body, on: &canvas, context: context)
    }
    draw(screen.feature)
  }

  static func screenTitle(_ screen: Screen, context: AppContext) -> String {
    func title<F: ScreenFeature>(_ feature: F.Type) -> String {
      F.extract(screen).map { F.title(of: $0, context: context) } ?? ""
    }
    return title(screen.feature)
  }

  /// The bottom bar: the screen's own keys, its links (see `ScreenLink`), then the global ones; only those the
  /// role may use, each key once (a screen's own « Échap Annuler » wins over the global « Échap Retour »).
  static func hints(for screen: Screen, role: Role?) -> [HintLine] {
    func hints<F: ScreenFeature>(_ feature: F.Type) -> [HintLine] {
      F.extract(screen).map { F.keyHints($0, role: role) } ?? []
    }
    var all = hints(screen.feature)
    let links = screen.links.map(\.hint)
    all.insert(
      contentsOf: links, at: all.firstIndex { HintLine.global.contains($0) } ?? all.endIndex)
    var seen = Set<String>()
    return all.filter {
      $0.allowed(for: role) && (!$0.inKeyBar || seen.insert($0.key).inserted)
    }
  }

  static func helpState(for screen: Screen, context: AppContext) -> HelpScreen.State {
    let title = screenTitle(screen, context: context)
    func help<F: ScreenFeature>(_ feature: F.Type) -> HelpScreen.State {
      F.extract(screen).map { F.help(for: $0, title: title, context: context) }
        ?? HelpScreen.State(screenTitle: title, purpose: "", lines: [])
    }
    var state = help(screen.feature)
    state.lines += screen.links.map(\.hint)
    state.lines = state.lines.filter { $0.allowed(for: context.account?.role) }
    return state
  }

  static func unsavedWork(on screen: Screen) -> String? {
    func unsaved<F: ScreenFeature>(_ feature: F.Type) -> String? {
      F.extract(screen).flatMap(F.unsavedWork)
    }
    return unsaved(screen.feature)
  }
}

extension AppAction {
  /// The French error an outcome carries, for the status line.
  var error: UserError? {
    switch self {
    case .failed(let error), .booking(.failed(let error)), .booking(.bookingFailed(_, let error)),
      .admin(.failed(let error)), .accounts(.failed(let error)), .appointment(.failed(let error)):
      error
    case .featureEvent(let event): event.error
    default: nil
    }
  }
}
