import GuichetCore

// The appointment screen as the app reducer sees it: the store's answers reach every open appointment
// screen; a move goes through the availability screen, which comes back here with a fresh slip.

extension AppointmentScreen.Action: KeyedAction {}

extension AppointmentScreen: ScreenFeature {
  public static func embed(_ state: State) -> Screen { .appointment(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .appointment(let state) = screen { state } else { nil }
  }
  /// Échap answers a question on screen first.
  public static func leaves(_ state: State, on key: Key) -> Bool {
    key == .escape && state.pending == nil
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    guard case .appointment(let event) = result else { return nil }
    switch event {
    case .found, .updated, .rescheduled, .failed: return .event(event)
    case .slotsFound, .slotTaken: return nil
    }
  }
  public static func load(_ state: State) -> Effect { loadEffect(state) }
  public static func title(of state: State, context: AppContext) -> String { title(state) }
  public static func keyHints(_ state: State, role: Role?) -> [HintLine] {
    hints(state) + HintLine.global
  }
  public static func help(for state: State, title: String, context: AppContext)
    -> HelpScreen.State
  { help(state, title: title) }
}
