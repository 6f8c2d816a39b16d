import Foundation
import GuichetCore

/// The administrator's accounts screen: every account with its role, an advisor's structure, whether it
/// can log in and its last login; from here a new account, a new password, or disabling (and enabling
/// again) after an « O ». The store checks that the caller is an administrator and refuses disabling the
/// last one; this screen shows its French answer.
public enum AccountsScreen {
  public enum Command: Equatable, Sendable {
    case up, down, add, password, toggleActive
  }

  public struct State: Equatable, Sendable {
    public var accounts: [Account] = []
    /// Every structure, to name an advisor's and to choose one for a new advisor.
    public var structures: [OperatorStructure] = []
    public var lastLogins: [Int64: Date] = [:]
    public var loaded = false
    /// Why the list could not be read (the store's words), shown in its place.
    public var loadError: String?
    public var selection = 0
    /// Disabling or enabling the selected account waits for « O ».
    public var confirming = false
    /// Why the last key did nothing, until the next one.
    public var notice: String?
    /// A new account or a new password, typed over the list.
    public var form: AccountForm.State?
    /// The account just written, selected once the list reloads.
    public var focusLogin: String?

    public init() {}

    public var selected: Account? {
      accounts.indices.contains(selection) ? accounts[selection] : nil
    }

    /// Échap belongs to the form, the picker or the question on screen rather than leaving the screen.
    public var capturesEscape: Bool { form != nil || confirming }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case loaded([Account], structures: [OperatorStructure], lastLogins: [Int64: Date])
    /// A write went through: the form closes, the status line says what was done, the list reloads.
    case written(login: String, message: String)
    case failed(UserError)
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding([.char("n")], "Nouveau", help: "Créer un compte (rôle, mot de passe)", .add),
    KeyBinding(
      [.char("p")], "Mot de passe",
      help: "Nouveau mot de passe (lève aussi le verrouillage)", .password),
    KeyBinding(
      [.char("d")], "Désactiver",
      help: "Désactiver le compte ou le réactiver (confirmation O)", .toggleActive),
    KeyBinding([.up], "Précédent", .up, inKeyBar: false),
    KeyBinding([.down], "Suivant", .down, inKeyBar: false),
  ]

  public static let loadEffect: Effect = .accounts(.load)

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .written(let login, let message):
      return .navigate(.status(StatusMessage(message))) + written(&state, login: login)
    case .loaded(let accounts, let structures, let lastLogins):
      let login = state.focusLogin ?? state.selected?.login
      state.accounts = accounts
      state.structures = structures
      state.lastLogins = lastLogins
      state.loaded = true
      state.loadError = nil
      state.selection =
        accounts.firstIndex { $0.login == login }
        ?? min(state.selection, max(0, accounts.count - 1))
      state.focusLogin = nil
    case .failed(let error):
      if var form = state.form {
        AccountForm.failed(&form, error)
        state.form = form
      } else if !state.loaded {
        state.loadError = error.message
      }
    case .key(let key):
      state.notice = nil
      if var form = state.form {
        if key == .escape && form.picker == nil {
          state.form = nil
          return .none
        }
        let effect = AccountForm.reduce(&form, key, structures: state.structures)
        state.form = form
        return effect
      }
      if state.confirming {
        state.confirming = false
        guard key.isYes, let account = state.selected else { return .none }
        return .accounts(
          .write(
            account.isDisabled ? .enable(login: account.login) : .disable(login: account.login)))
      }
      guard let command: Command = bindings.command(for: key) else { return .none }
      return run(command, &state, context: context)
    }
    return .none
  }

  static func run(_ command: Command, _ state: inout State, context: AppContext) -> Effect {
    switch command {
    case .up: state.selection = max(0, state.selection - 1)
    case .down: state.selection = min(max(0, state.accounts.count - 1), state.selection + 1)
    case .add: state.form = AccountForm.State(kind: .create)
    case .password:
      guard let account = state.selected else { return .none }
      state.form = AccountForm.State(kind: .password(login: account.login))
    case .toggleActive:
      guard let account = state.selected else { return .none }
      // Another administrator does it: a desk signed in on a disabled account would stay open.
      if account.id == context.account?.id && !account.isDisabled {
        state.notice = "Votre propre compte se désactive depuis le poste d'un autre administrateur."
        return .none
      }
      state.confirming = true
    }
    return .none
  }

  /// A write went through: the form closes and the list reloads with that account selected.
  public static func written(_ state: inout State, login: String) -> Effect {
    state.form = nil
    state.focusLogin = login
    return loadEffect
  }

  /// The form names itself on the screen; the header stays short enough for 80 columns.
  public static let title = "Comptes"

  public static func hints(_ state: State) -> [HintLine] {
    if let form = state.form { return AccountForm.hints(form) }
    if state.confirming {
      return [HintLine(key: "O", text: "Confirmer"), HintLine(key: "Autre", text: "Annuler")]
    }
    return bindings.map(\.hintLine)
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    if let form = state.form {
      AccountForm.render(form, structures: state.structures, in: area, on: &canvas)
      return
    }
    let inner = area.inset(1)
    let active = state.accounts.filter { !$0.isDisabled }.count
    canvas.put(
      "\(state.accounts.count) compte(s), \(active) actif(s)", x: inner.x, y: inner.y,
      style: .title, limit: inner.width)
    guard state.loaded else {
      canvas.putMessage(
        state.loadError ?? "Chargement…", x: inner.x, y: inner.y + 2, width: inner.width,
        style: state.loadError == nil ? .muted : .error)
      return
    }
    let widths = columnWidths(inner.width)
    canvas.put(
      Text.column("Identifiant", width: widths.login) + Text.column("Rôle", width: widths.role)
        + Text.column("Structure", width: widths.structure) + "État",
      x: inner.x + 1, y: inner.y + 2, style: .bold, limit: inner.width - 1)
    let rows = max(1, inner.height - 7)
    let first = max(0, min(state.selection - rows + 1, state.accounts.count - rows))
    for line in 0..<min(rows, state.accounts.count - first) {
      let index = first + line
      let account = state.accounts[index]
      let text =
        Text.column(account.login, width: widths.login)
        + Text.column(account.role.label, width: widths.role)
        + Text.column(structureName(account, state.structures), width: widths.structure)
        + status(account, context: context)
      canvas.putPadded(
        " " + text, x: inner.x, y: inner.y + 3 + line, width: inner.width,
        style: index == state.selection ? .selected : account.isDisabled ? .muted : .plain)
    }
    renderDetail(state, in: inner, on: &canvas, context: context)
  }

  static func columnWidths(_ width: Int) -> (login: Int, role: Int, structure: Int) {
    // What is left after the login, the role and « verrouillé jusqu'à 10:25 » goes to the structure.
    (14, 16, max(12, width - 1 - 14 - 16 - 24))
  }

  static func structureName(_ account: Account, _ structures: [OperatorStructure]) -> String {
    guard let id = account.structureID else { return "" }
    return structures.first { $0.id == id }?.shortLabel ?? "Structure n° \(id)"
  }

  /// Whether the account can log in now, in the words of the list.
  static func status(_ account: Account, context: AppContext) -> String {
    if account.isDisabled { return "désactivé" }
    if let until = account.lockedUntil, until > context.now {
      return "verrouillé jusqu'à \(Format.time(until, context.timeZone))"
    }
    return account.id == context.account?.id ? "actif (vous)" : "actif"
  }

  /// The selected account's dates and the question waiting for « O », at the bottom.
  static func renderDetail(
    _ state: State, in inner: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let y = inner.maxY - 3
    if state.accounts.isEmpty {
      canvas.put(
        "Aucun compte. N : en créer un.", x: inner.x, y: inner.y + 3, style: .muted,
        limit: inner.width)
      return
    }
    guard let account = state.selected else { return }
    var detail = "« \(account.login) » créé le \(Format.day(account.createdAt, context.timeZone))"
    if let id = account.structureID, let structure = state.structures.first(where: { $0.id == id })
    {
      detail += " · " + Format.structureWithKind(structure)
    }
    canvas.put(detail, x: inner.x, y: y - 1, style: .muted, limit: inner.width)
    let last = state.lastLogins[account.id].map {
      "Dernière connexion : \(Format.day($0, context.timeZone)) à \(Format.time($0, context.timeZone))"
    }
    canvas.put(
      last ?? "Aucune connexion dans le journal d'audit (conservé 6 à 12 mois).", x: inner.x, y: y,
      style: .muted, limit: inner.width)
    if let notice = state.notice {
      canvas.putMessage(
        notice, x: inner.x, y: y + 2, width: inner.width, style: Style(tone: .warning, bold: true),
        maxLines: 2, upward: true, padded: true)
    }
    guard state.confirming else { return }
    canvas.putMessage(
      account.isDisabled
        ? "Réactiver « \(account.login) » : il se connectera avec son ancien mot de passe (P pour en donner un nouveau). O pour confirmer."
        : "Désactiver « \(account.login) » : il ne pourra plus se connecter (le compte reste dans le journal d'audit). O pour confirmer.",
      x: inner.x, y: y + 2, width: inner.width, style: Style(tone: .warning, bold: true),
      maxLines: 2, upward: true, padded: true)
  }
}
