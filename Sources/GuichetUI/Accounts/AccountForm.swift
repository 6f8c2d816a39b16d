import GuichetCore

/// The form over the accounts list: a new account (login, role, the structure of an advisor, password typed
/// twice) or a new password for an existing one. The password policy is checked before anything is sent;
/// passwords are drawn as dots and leave the state once sent, whatever the store answers.
public enum AccountForm {
  public enum Kind: Equatable, Sendable {
    case create
    case password(login: String)
  }

  public enum Field: Equatable, Sendable {
    case login, role, structure, password, confirmation
  }

  public struct State: Equatable, Sendable {
    public var kind: Kind
    public var login = ""
    public var role: Role = .agent
    public var structureID: Int64?
    public var password = ""
    public var confirmation = ""
    public var focus: Field
    /// The advisor's structure being chosen: type to narrow, Entrée takes it, Échap keeps the current one.
    public var picker: OptionList?
    public var error: String?
    public var saving = false

    public init(kind: Kind) {
      self.kind = kind
      focus = kind == .create ? .login : .password
    }

    /// Something typed that quitting would lose.
    public var isDirty: Bool {
      !login.isEmpty || !password.isEmpty || !confirmation.isEmpty || structureID != nil
    }

    /// The fields shown, in order: the structure only for an advisor, only the passwords for a reset.
    public var fields: [Field] {
      switch kind {
      case .create:
        role == .advisor
          ? [.login, .role, .structure, .password, .confirmation]
          : [.login, .role, .password, .confirmation]
      case .password: [.password, .confirmation]
      }
    }
  }

  public static func reduce(
    _ state: inout State, _ key: Key, structures: [OperatorStructure]
  ) -> Effect {
    guard !state.saving else { return .none }
    if state.picker != nil {
      pick(&state, key)
      return .none
    }
    state.error = nil
    switch key {
    case .function(2): return submit(&state)
    case .enter:
      if state.focus == .structure {
        openPicker(&state, filter: "", structures: structures)
      } else if state.focus == state.fields.last {
        return submit(&state)
      } else {
        move(&state, by: 1)
      }
    case .tab, .down: move(&state, by: 1)
    case .backTab, .up: move(&state, by: -1)
    case .left, .right:
      guard state.focus == .role else { break }
      let roles = Role.allCases
      let index = roles.firstIndex(of: state.role) ?? 0
      state.role = roles[(index + (key == .right ? 1 : roles.count - 1)) % roles.count]
    case .char(let c) where state.focus == .role:
      // « c » for conseiller, « s » for superviseur, « a » again and again for agent or administrateur.
      let roles = Role.allCases
      let start = roles.firstIndex(of: state.role) ?? 0
      let next = (1...roles.count).map { roles[(start + $0) % roles.count] }
      state.role = next.first { $0.label.hasPrefix(c.lowercased()) } ?? state.role
    case .char(let c) where state.focus == .structure:
      openPicker(&state, filter: String(c), structures: structures)
    case .char(let c): edit(&state) { $0.append(c) }
    case .paste(let text): edit(&state) { $0 += text }
    case .backspace: edit(&state) { if !$0.isEmpty { $0.removeLast() } }
    case .delete, .ctrl("u"): edit(&state) { $0 = "" }
    default: break
    }
    return .none
  }

  static func move(_ state: inout State, by step: Int) {
    let fields = state.fields
    let index = fields.firstIndex(of: state.focus) ?? 0
    state.focus = fields[max(0, min(fields.count - 1, index + step))]
  }

  /// Typed text goes to the focused field, kept as the login screen keeps it.
  static func edit(_ state: inout State, _ change: (inout String) -> Void) {
    let field: WritableKeyPath<State, String>
    switch state.focus {
    case .login: field = \.login
    case .password: field = \.password
    case .confirmation: field = \.confirmation
    case .role, .structure: return
    }
    change(&state[keyPath: field])
    let text = state[keyPath: field]
    state[keyPath: field] =
      state.focus == .login ? String(SafeText.clean(text).prefix(32)) : LoginScreen.secret(text)
  }

  /// Active structures by name, with their kind so two « Agence Centre » are told apart.
  static func options(_ structures: [OperatorStructure]) -> [Option] {
    structures.filter { $0.isActive && $0.id != nil }.map {
      Option(code: String($0.id ?? 0), label: Format.structureWithKind($0))
    }
  }

  static func openPicker(_ state: inout State, filter: String, structures: [OperatorStructure]) {
    var picker = OptionList(options(structures))
    picker.focus(code: state.structureID.map(String.init))
    if !filter.isEmpty { picker.setFilter(filter) }
    state.picker = picker
  }

  /// Keys while the structure picker is open; a digit or Entrée takes the option, Échap closes it.
  static func pick(_ state: inout State, _ key: Key) {
    guard var picker = state.picker else { return }
    switch picker.pick(key) {
    case .browsing: state.picker = picker
    case .closed: state.picker = nil
    case .picked(let option):
      state.picker = nil
      state.structureID = Int64(option.code)
      move(&state, by: 1)
    }
  }

  /// Checks what the store would refuse anyway, so the form says it at once with the field to fix.
  static func submit(_ state: inout State) -> Effect {
    var login = state.login
    if case .password(let existing) = state.kind {
      login = existing
    } else {
      do {
        login = try PasswordPolicy.validateLogin(state.login)
      } catch {
        return refuse(&state, error.message, focus: .login)
      }
      if state.role == .advisor && state.structureID == nil {
        return refuse(
          &state, "Choisissez la structure du conseiller (Entrée sur le champ).", focus: .structure)
      }
    }
    guard !state.password.isEmpty else {
      return refuse(&state, "Indiquez le mot de passe, puis sa confirmation.", focus: .password)
    }
    guard state.password == state.confirmation else {
      return refuse(&state, "Les deux mots de passe diffèrent.", focus: .password, clear: true)
    }
    do {
      try PasswordPolicy.validate(state.password, login: login)
    } catch {
      return refuse(&state, error.message, focus: .password, clear: true)
    }
    let password = state.password
    state.password = ""
    state.confirmation = ""
    state.saving = true
    switch state.kind {
    case .create:
      return .accounts(
        .write(
          .create(
            login: login, role: state.role,
            structureID: state.role == .advisor ? state.structureID : nil, password: password)))
    case .password:
      return .accounts(.write(.changePassword(login: login, password: password)))
    }
  }

  static func refuse(_ state: inout State, _ message: String, focus: Field, clear: Bool = false)
    -> Effect
  {
    state.error = message
    state.focus = focus
    if clear {
      state.password = ""
      state.confirmation = ""
    }
    return .none
  }

  /// The store refused: its French message on the form, everything kept but the passwords, typed again.
  public static func failed(_ state: inout State, _ error: UserError) {
    state.saving = false
    state.error = error.message
    state.focus = state.kind == .create ? .login : .password
  }

  public static func title(_ state: State) -> String {
    switch state.kind {
    case .create: "Nouveau compte"
    case .password(let login): "Nouveau mot de passe de « \(login) »"
    }
  }

  public static func hints(_ state: State) -> [HintLine] {
    if state.picker != nil {
      return [
        HintLine(key: "Lettres", text: "Filtrer"), HintLine(key: "Entrée", text: "Choisir"),
        HintLine(key: "Échap", text: "Garder"),
      ]
    }
    return [
      HintLine(key: "F2", text: "Enregistrer"),
      HintLine(key: "Tab ↑ ↓", text: "Champ", help: "Champ suivant ou précédent"),
      HintLine(key: "← →", text: "Rôle", help: "Changer le rôle"),
      HintLine(key: "Échap", text: "Abandonner", help: "Abandonner sans rien écrire"),
    ]
  }

  public static func render(
    _ state: State, structures: [OperatorStructure], in area: Rect, on canvas: inout Canvas
  ) {
    let inner = area.inset(1)
    canvas.put(title(state), x: inner.x, y: inner.y, style: .title, limit: inner.width)
    let labelWidth = 16
    let valueWidth = max(10, min(44, inner.width - labelWidth - 2))
    var y = inner.y + 2
    for field in state.fields {
      let focused = field == state.focus && !state.saving
      let (label, value, hint) = shown(field, state, structures: structures)
      canvas.put(label, x: inner.x, y: y, style: focused ? .bold : .plain, limit: labelWidth)
      let text =
        focused && field != .role && field != .structure
        ? FormFields.tail(value + "_", width: valueWidth - 1) : value
      canvas.putPadded(
        " " + text, x: inner.x + labelWidth, y: y, width: valueWidth,
        style: focused ? .selected : Style(underline: true))
      let hintX = inner.x + labelWidth + valueWidth + 1
      if focused && hintX < inner.maxX {
        canvas.put(hint, x: hintX, y: y, style: .muted, limit: inner.maxX - hintX)
      }
      y += 2
    }
    canvas.putMessage(
      LoginScreen.passwordHint, x: inner.x, y: y, width: inner.width, style: .muted, maxLines: 2)
    y += 2
    if let error = state.error {
      canvas.putMessage(
        error, x: inner.x, y: y, width: inner.width, style: .error, maxLines: 2)
    } else {
      canvas.put(
        state.saving
          ? "Enregistrement…" : "F2 : enregistrer · Échap : abandonner sans rien écrire",
        x: inner.x, y: y, style: .muted, limit: inner.width)
    }
    renderPicker(state, in: inner, on: &canvas)
  }

  static func shown(_ field: Field, _ state: State, structures: [OperatorStructure])
    -> (label: String, value: String, hint: String)
  {
    switch field {
    case .login: ("Identifiant", state.login, "lettres, chiffres, . - _")
    case .role: ("Rôle", "‹ \(state.role.label) ›", "← → ou initiale (a, c, s)")
    case .structure:
      (
        "Structure",
        state.structureID.flatMap { id in
          structures.first { $0.id == id }.map(Format.structureWithKind)
        } ?? "",
        "Entrée ou tapez son nom"
      )
    case .password:
      ("Mot de passe", String(repeating: "•", count: min(state.password.count, 40)), "")
    case .confirmation:
      ("Confirmation", String(repeating: "•", count: min(state.confirmation.count, 40)), "")
    }
  }

  static func renderPicker(_ state: State, in inner: Rect, on canvas: inout Canvas) {
    guard let picker = state.picker else { return }
    let box = Rect(
      x: inner.x, y: inner.y + 1, width: min(72, inner.width), height: inner.height - 1)
    canvas.fill(Rect(x: inner.x, y: box.y, width: inner.width, height: box.height), style: .plain)
    canvas.box(box, title: "Structure du conseiller (Entrée choisir · Échap garder)")
    let current = state.structureID.map(String.init) ?? ""
    picker.render(
      in: box.inset(1), on: &canvas, isSelected: { $0.code == current },
      mark: { $0 ? "● " : "  " })
  }
}
