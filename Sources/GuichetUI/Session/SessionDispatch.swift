import Foundation
import GuichetCore

/// Login, first administrator and idle lock, on top of the screens.
extension App {
  /// Keys while nobody is signed in or the desk is locked: quitting still works (with the unsaved-work
  /// question), every other key goes to the login screen.
  static func handleSessionKey(_ state: inout AppState, _ key: Key) -> Effect {
    state.message = nil
    if let effect = handleQuitKey(&state, key) { return effect }
    if state.confirmingUserChange {
      state.confirmingUserChange = false
      return key.isYes ? changeUser(&state) : .none
    }
    if case .locked(_, let login) = state.session, key == .function(12), !login.busy {
      guard !state.hasUnsavedWork else {
        state.confirmingUserChange = true
        return .none
      }
      return changeUser(&state)
    }
    switch state.session {
    case .signedIn: return .none
    case .signedOut(var login):
      let effect = LoginScreen.reduce(&login, key)
      state.session = .signedOut(login)
      return effect
    case .locked(let account, var login):
      let effect = LoginScreen.reduce(&login, key)
      state.session = .locked(account, login)
      return effect
    }
  }

  static func handleSessionEvent(_ event: SessionEvent, _ state: inout AppState) -> Effect {
    switch (event, state.session) {
    case (.administrationChecked(let administration), .signedOut):
      var login = LoginScreen.State(
        mode: administration == .noAccount ? .firstAdministrator : .login)
      if administration == .noActiveAdministrator { login.notice = LoginScreen.noAdministrator }
      state.session = .signedOut(login)
      return .none
    case (.accountNoLongerValid, .signedOut):
      // A late answer to a call made before the sign-out: keep what the next person is typing.
      return .none
    case (.accountNoLongerValid(let error), _):
      signOut(&state, because: error)
      return .session(.signOut)
    case (.signedIn(let account), .locked(let locked, _)):
      guard account.id == locked.id else { return .none }
      state.session = .signedIn(account)
      state.lastActivity = state.context.now
      // Back where the desk was left, with what was typed; what others wrote meanwhile is reloaded.
      return loadEffect(for: state.top)
    case (.signedIn(let account), .signedOut):
      state.session = .signedIn(account)
      state.lastActivity = state.context.now
      state.screens = [.home(HomeScreen.State())]
      state.message = StatusMessage("Bonjour, \(account.login) (\(account.role.label)).")
      return HomeScreen.loadEffect + landing(account.role)
    case (.refused(let error), .signedOut(var login)):
      LoginScreen.refused(&login, error)
      state.session = .signedOut(login)
      return .none
    case (.refused(let error), .locked(let account, var login)):
      LoginScreen.refused(&login, error)
      state.session = .locked(account, login)
      return .none
    default:
      return .none
    }
  }

  /// An advisor's day starts on their structure's agenda, a supervisor's on the dashboard; the others on
  /// the home screen, which lists what their role may open.
  static func landing(_ role: Role) -> Effect {
    switch role {
    case .advisor: .navigate(.push(.agenda))
    case .supervisor: .navigate(.push(.dashboard))
    case .agent, .administrator: .none
    }
  }

  /// « Changer d'utilisateur » from the lock screen: the agent is signed out (audited by the store), every
  /// screen is dropped so nothing of theirs shows or stays, and the login screen waits for the next one.
  static func changeUser(_ state: inout AppState) -> Effect {
    let login = state.session.account?.login ?? ""
    signOut(
      &state,
      because: UserError(
        "« \(login) » est déconnecté de ce poste : la personne suivante se connecte."))
    return .session(.changeUser)
  }

  /// The account the desk holds is no longer valid: every screen is dropped, so nothing of them shows and
  /// nothing typed under that account stays, and the login screen says why until someone signs in.
  static func signOut(_ state: inout AppState, because error: UserError) {
    state.screens = [.home(HomeScreen.State())]
    state.message = nil
    state.confirmingQuit = false
    state.confirmingUserChange = false
    state.satisfactionFor = nil
    var login = LoginScreen.State(mode: .login)
    login.notice = error.message
    state.session = .signedOut(login)
  }

  /// Locks the desk once nobody has pressed a key for `idleLockDelay`.
  static func lockIfIdle(_ state: inout AppState) {
    guard case .signedIn(let account) = state.session,
      state.context.now.timeIntervalSince(state.lastActivity) >= state.context.idleLockDelay
    else { return }
    lock(&state, account)
  }

  /// Nothing of the screen below shows while locked, not even its last status line.
  static func lock(_ state: inout AppState, _ account: Account, atOnce: Bool = false) {
    state.confirmingQuit = false
    state.message = nil
    state.session = .locked(
      account, LoginScreen.State(mode: .unlock(login: account.login, atOnce: atOnce)))
  }
}
