import GuichetCore

/// The accounts screen in the app reducer: keys, the store's answers (a write closes the form and says what
/// was done on the status line; a refusal stays on the form, or on the status line after an « O »), and
/// its chrome: title, key bar and help.
extension App {
  static func handleAccountsKey(_ screen: inout Screen, _ key: Key, context: AppContext) -> Effect {
    guard case .accounts(var accounts) = screen else { return .none }
    if key == .escape && !accounts.capturesEscape { return .navigate(.pop) }
    let effect = AccountsScreen.reduce(&accounts, .key(key), context: context)
    screen = .accounts(accounts)
    return effect
  }

  static func handleAccountsEvent(_ event: AccountsEvent, _ state: inout AppState) -> Effect {
    switch event {
    case .written(let login, let message):
      state.message = StatusMessage(message)
      guard case .accounts(var accounts) = state.top else { return .none }
      let effect = AccountsScreen.written(&accounts, login: login)
      state.screens[state.screens.count - 1] = .accounts(accounts)
      return effect
    case .failed(let error):
      // On the form when one is open, where the field to fix is; otherwise on the status line.
      guard case .accounts(var accounts) = state.top else {
        state.message = StatusMessage(error.message, isError: true)
        return .none
      }
      if accounts.form == nil { state.message = StatusMessage(error.message, isError: true) }
      _ = AccountsScreen.reduce(&accounts, .failed(error), context: state.context)
      state.screens[state.screens.count - 1] = .accounts(accounts)
    case .loaded(let list, let structures, let lastLogins):
      for index in state.screens.indices {
        guard case .accounts(var accounts) = state.screens[index] else { continue }
        _ = AccountsScreen.reduce(
          &accounts, .loaded(list, structures: structures, lastLogins: lastLogins),
          context: state.context)
        state.screens[index] = .accounts(accounts)
      }
    }
    return .none
  }

  static func accountsHelp(_ state: AccountsScreen.State, title: String) -> HelpScreen.State {
    HelpScreen.State(
      screenTitle: title,
      purpose:
        "Comptes de la console : agent d'accueil, conseiller (rattaché à une structure), superviseur, administrateur. Un compte n'est jamais supprimé, il est désactivé (le journal d'audit garde ses traces) et peut être réactivé. \(LoginScreen.passwordHint) Cinq erreurs verrouillent un compte 15 minutes ; un nouveau mot de passe lève le verrouillage. Les mêmes fonctions que guichet users.",
      lines: AccountsScreen.hints(state))
  }
}
