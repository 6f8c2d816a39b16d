import Foundation
import GuichetCore

/// The console opens here: log in, create the first administrator of an empty database, or unlock a desk
/// that locked itself. It is drawn over the route stack, which stays as it was, so a lock loses no form.
/// The password is never drawn (one dot per character) and is dropped from the state after each attempt.
public enum LoginScreen {
  public enum Mode: Equatable, Sendable {
    /// Until the store says whether an administrator exists.
    case checking
    case login
    /// Empty database: the first account is an administrator, with its password typed twice.
    case firstAdministrator
    /// The desk locked itself, or at once with F12: only this account's password opens it again.
    case unlock(login: String, atOnce: Bool)
  }

  public enum Field: Int, Sendable {
    case login, password, confirmation
  }

  public struct State: Equatable, Sendable {
    public var mode: Mode
    public var login = ""
    public var password = ""
    public var confirmation = ""
    public var focus: Field = .login
    public var error: String?
    /// Why the desk is here, kept while typing: the session just ended, or no administrator is active.
    public var notice: String?
    public var busy = false

    public init(mode: Mode = .checking) {
      self.mode = mode
      if case .unlock(let login, _) = mode {
        self.login = login
        focus = .password
      }
    }

    var fields: [Field] {
      switch mode {
      case .checking: []
      case .login: [.login, .password]
      case .firstAdministrator: [.login, .password, .confirmation]
      case .unlock: [.password]
      }
    }
  }

  public static func reduce(_ state: inout State, _ key: Key) -> Effect {
    guard !state.busy, state.mode != .checking else { return .none }
    switch key {
    case .tab, .down:
      move(&state, by: 1)
    case .backTab, .up:
      move(&state, by: -1)
    case .enter:
      guard state.focus == state.fields.last else {
        move(&state, by: 1)
        return .none
      }
      return submit(&state)
    case .backspace:
      edit(&state) { if !$0.isEmpty { $0.removeLast() } }
    case .char(let c):
      edit(&state) { $0.append(c) }
    case .paste(let text):
      edit(&state) { $0 += text }
    default:
      break
    }
    return .none
  }

  static func move(_ state: inout State, by step: Int) {
    let fields = state.fields
    guard let index = fields.firstIndex(of: state.focus) else { return }
    state.focus = fields[max(0, min(fields.count - 1, index + step))]
  }

  static func edit(_ state: inout State, _ change: (inout String) -> Void) {
    state.error = nil
    switch state.focus {
    case .login:
      change(&state.login)
      state.login = String(SafeText.clean(state.login).prefix(32))
    case .password:
      change(&state.password)
      state.password = secret(state.password)
    case .confirmation:
      change(&state.confirmation)
      state.confirmation = secret(state.confirmation)
    }
  }

  /// A typed password keeps no control character (none can be typed at a terminal prompt either).
  static func secret(_ text: String) -> String {
    String(SafeText.clean(text).filter { !$0.isNewline }.prefix(PasswordPolicy.maximumLength))
  }

  static func submit(_ state: inout State) -> Effect {
    let login = state.login.trimmingCharacters(in: .whitespaces)
    guard !login.isEmpty else {
      state.error = "Indiquez votre identifiant."
      state.focus = .login
      return .none
    }
    guard !state.password.isEmpty else {
      state.error = "Indiquez votre mot de passe."
      state.focus = .password
      return .none
    }
    let password = state.password
    if state.mode == .firstAdministrator {
      guard state.confirmation == password else {
        state.error = "Les deux mots de passe diffèrent."
        state.password = ""
        state.confirmation = ""
        state.focus = .password
        return .none
      }
      do {
        _ = try PasswordPolicy.validateLogin(login)
        try PasswordPolicy.validate(password, login: login)
      } catch {
        state.error = error.message
        state.password = ""
        state.confirmation = ""
        state.focus = .password
        return .none
      }
    }
    state.busy = true
    state.password = ""
    state.confirmation = ""
    return .session(
      state.mode == .firstAdministrator
        ? .createFirstAdministrator(login: login, password: password)
        : .logIn(login: login, password: password))
  }

  /// The store refused: say why (the same words whatever the cause) and ask again.
  static func refused(_ state: inout State, _ error: UserError) {
    state.busy = false
    state.error = error.message
    state.focus = .password
  }

  public static func render(_ state: State, in area: Rect, on canvas: inout Canvas) {
    let width = min(area.width - 4, 64)
    let x = area.x + max(2, (area.width - width) / 2)
    var y = area.y + max(1, area.height / 2 - 6)
    let (title, intro) = texts(state.mode)
    canvas.put(title, x: x, y: y, style: .title, limit: width)
    y += 2
    for line in Text.wrap(intro, width: width) {
      canvas.put(line, x: x, y: y, style: .muted, limit: width)
      y += 1
    }
    if let notice = state.notice {
      y += 1
      for line in Text.wrap(notice, width: width) {
        canvas.put(line, x: x, y: y, style: .accent, limit: width)
        y += 1
      }
    }
    y += 1
    for field in state.fields {
      let (label, value) = shown(field, state)
      let focused = field == state.focus && !state.busy
      canvas.put(label, x: x, y: y, style: focused ? .bold : .plain, limit: width)
      let valueX = x + 24
      canvas.put(
        value + (focused ? "_" : ""), x: valueX, y: y,
        style: focused ? Style(reverse: true) : .plain, limit: max(0, width - 24))
      y += 2
    }
    if state.busy {
      canvas.put("Vérification…", x: x, y: y, style: .muted, limit: width)
    } else if let error = state.error {
      for line in Text.wrap(error, width: width) {
        canvas.put(line, x: x, y: y, style: .error, limit: width)
        y += 1
      }
    }
  }

  static func texts(_ mode: Mode) -> (String, String) {
    switch mode {
    case .checking: ("Connexion", "Ouverture…")
    case .login: ("Connexion", "Identifiez-vous pour ouvrir la console.")
    case .firstAdministrator:
      (
        "Premier administrateur",
        "Cette base n'a encore aucun compte. Créez le compte administrateur : il créera ensuite ceux des agents, conseillers et superviseurs (touche C à l'accueil). \(passwordHint)"
      )
    case .unlock(let login, let atOnce):
      (
        "Poste verrouillé",
        (atOnce ? "Poste verrouillé (F12)." : "Poste verrouillé après inactivité.")
          + " Mot de passe de « \(login) » pour reprendre là où vous en étiez, ou F12 pour changer d'utilisateur : « \(login) » est déconnecté et la personne suivante se connecte."
      )
    }
  }

  /// A database with accounts but no active administrator: no first-administrator form (whoever stands at
  /// the desk could fill it in), but how to give it one on the host.
  public static let noAdministrator =
    "Aucun administrateur actif dans cette base : les autres comptes se connectent normalement. Pour en créer ou en réactiver un, sur le serveur, avec le compte de service : \(AdministrationState.hostCommands)."

  /// The password policy in the words of every form that sets a password (CNIL 2022-100, with lockout).
  public static let passwordHint =
    "Mot de passe : au moins \(PasswordPolicy.minimumLength) caractères (une phrase facile à retenir convient)."

  static func shown(_ field: Field, _ state: State) -> (String, String) {
    switch field {
    case .login: ("Identifiant :", state.login)
    case .password: ("Mot de passe :", String(repeating: "•", count: min(state.password.count, 30)))
    case .confirmation:
      ("Confirmation :", String(repeating: "•", count: min(state.confirmation.count, 30)))
    }
  }

  public static let hints = [
    HintLine(key: "Entrée", text: "Valider"), HintLine(key: "Tab", text: "Champ suivant"),
    HintLine(key: "F10", text: "Quitter"),
  ]

  /// The lock screen also hands the desk over to someone else.
  public static func hints(_ mode: Mode) -> [HintLine] {
    guard case .unlock = mode else { return hints }
    return [
      HintLine(key: "Entrée", text: "Déverrouiller"), changeUserHint,
      HintLine(key: "F10", text: "Quitter"),
    ]
  }

  public static let changeUserHint = HintLine(key: "F12", text: "Changer d'utilisateur")
}
