import GuichetCore

// The accounts screen as the app reducer sees it: the store's answers (a write closes the form and says
// what was done on the status line; a refusal stays on the form, or on the status line after an « O »),
// and its chrome: title, key bar and help.

extension AccountsScreen.Action: KeyedAction {}

extension AccountsScreen: ScreenFeature {
  public static func embed(_ state: State) -> Screen { .accounts(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .accounts(let state) = screen { state } else { nil }
  }
  public static func leaves(_ state: State, on key: Key) -> Bool {
    key == .escape && !state.capturesEscape
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    guard case .accounts(let event) = result else { return nil }
    switch event {
    case .loaded(let list, let structures, let lastLogins):
      return .loaded(list, structures: structures, lastLogins: lastLogins)
    case .written(let login, let message) where onTop:
      return .written(login: login, message: message)
    case .failed(let error) where onTop: return .failed(error)
    default: return nil
    }
  }
  /// On the form when one is open, where the field to fix is.
  public static func showsErrorItself(_ state: State) -> Bool { state.form != nil }
  public static func load(_ state: State) -> Effect { loadEffect }
  public static func title(of state: State, context: AppContext) -> String { title }
  public static func keyHints(_ state: State, role: Role?) -> [HintLine] {
    // Échap answers the form or the question on screen first; F10 would lose a typed form silently.
    if state.form != nil { return hints(state) + [HintLine.help] }
    return hints(state) + (state.confirming ? [HintLine.help, HintLine.quit] : HintLine.global)
  }
  public static let purpose =
    "Comptes de la console : agent d'accueil, conseiller (rattaché à une structure), superviseur, administrateur. Un compte n'est jamais supprimé, il est désactivé (le journal d'audit garde ses traces) et peut être réactivé. \(LoginScreen.passwordHint) Cinq erreurs verrouillent un compte 15 minutes ; un nouveau mot de passe lève le verrouillage. Les mêmes fonctions que guichet users."
  public static func helpLines(_ state: State, context: AppContext) -> [HintLine] {
    hints(state)
  }
  public static func unsavedWork(_ state: State) -> String? {
    state.form?.isDirty == true ? "Compte non enregistré." : nil
  }
}
