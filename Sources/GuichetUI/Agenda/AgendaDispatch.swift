import GuichetCore

// The agenda as the app reducer sees it: its loads and marks reach every open agenda, and it reloads when
// another desk writes (`databaseChanged` runs the top screen's load).

extension AgendaScreen.Action: KeyedAction {}

extension AgendaScreen: ScreenFeature {
  public static func embed(_ state: State) -> Screen { .agenda(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .agenda(let state) = screen { state } else { nil }
  }
  /// Échap answers a mark being confirmed.
  public static func leaves(_ state: State, on key: Key) -> Bool {
    key == .escape && state.pending == nil
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    if case .agenda(let event) = result { .event(event) } else { nil }
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

extension AgendaScreen.State {
  /// Today; an advisor sees their own structure's agenda.
  init(context: AppContext) {
    let advisor = context.account.flatMap { $0.role == .advisor ? $0.structureID : nil }
    self.init(day: LocalDate(context.now, in: context.timeZone), ownStructureID: advisor)
  }
}
