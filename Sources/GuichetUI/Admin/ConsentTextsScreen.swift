import GuichetCore

/// The consent texts for administrators: every published version, grouped by the kind of structure it is
/// read for (or all), with the version each kind reads now; a new version for all kinds or for one. A version
/// once published never changes, and every consent keeps the version it was given under. The same store
/// calls as `guichet consent`.
public enum ConsentTextsScreen {
  public enum Command: Equatable, Sendable { case publish, up, down }

  public struct State: Equatable, Sendable {
    public var texts: [ConsentText] = []
    public var loaded = false
    public var selection = 0
    public var focusVersion: Int?
    /// The new version being written, or nil on the list.
    public var publishing = false
    public var fields = FormFields([])
    public var error: String?
    public var saving = false

    public init() {}

    /// The versions as listed: all kinds first, then each kind in its usual order; newest first in each.
    public var rows: [ConsentText] {
      texts.sorted {
        (ConsentTextsScreen.scopeOrder($0.operatorKind), -$0.version)
          < (ConsentTextsScreen.scopeOrder($1.operatorKind), -$1.version)
      }
    }

    public var selected: ConsentText? {
      let rows = rows
      return rows.indices.contains(selection) ? rows[selection] : nil
    }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case event(ConsentTextsEvent)
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding(
      [.char("n")], "Nouvelle version",
      help: "Publier une nouvelle version, pour toutes les structures ou un type", .publish),
    KeyBinding([.up], "↑", help: "Version précédente", .up, inKeyBar: false),
    KeyBinding([.down], "↓", help: "Version suivante", .down, inKeyBar: false),
  ]

  public static let formHints: [HintLine] = [
    HintLine(key: "F2", text: "Publier"),
    HintLine(key: "Tab", text: "Champ"),
    HintLine(key: "← →", text: "Type"),
    HintLine(key: "Échap", text: "Abandonner"),
  ]

  static let kindField = 0
  static let retentionField = 1
  static let bodyField = 2

  /// « pour toutes les structures », « pour la Mission locale ».
  public static func scope(_ kind: OperatorKind?) -> String {
    kind.map { "pour \($0.label)" } ?? "pour toutes les structures"
  }

  static func scopeOrder(_ kind: OperatorKind?) -> Int {
    kind.flatMap { OperatorKind.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
  }

  /// The version read before booking with a structure of this kind: the latest one for the kind or for
  /// all (as the store chooses it when the consent is recorded).
  public static func inForce(for kind: OperatorKind, in texts: [ConsentText]) -> ConsentText? {
    texts.filter { $0.operatorKind == nil || $0.operatorKind == kind }.max {
      $0.version < $1.version
    }
  }

  public static func loadEffect(_ state: State) -> Effect { .feature(ConsentTextsRequest.load) }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .event(let event): return receive(&state, event)
    case .key(let key):
      if state.saving { return .none }
      if state.publishing { return formKey(key, &state) }
      guard let command: Command = bindings.command(for: key) else { return .none }
      switch command {
      case .up: state.selection = max(0, state.selection - 1)
      case .down: state.selection = min(max(0, state.texts.count - 1), state.selection + 1)
      case .publish: open(&state)
      }
      return .none
    }
  }

  static func receive(_ state: inout State, _ event: ConsentTextsEvent) -> Effect {
    switch event {
    case .loaded(let texts):
      let version = state.focusVersion ?? state.selected?.version
      state.texts = texts
      state.loaded = true
      state.focusVersion = nil
      state.selection =
        state.rows.firstIndex { $0.version == version }
        ?? min(state.selection, max(0, texts.count - 1))
    case .published(let message, let version):
      state.saving = false
      state.publishing = false
      state.focusVersion = version
      return .navigate(.status(StatusMessage(message))) + loadEffect(state)
    case .failed(let error):
      state.saving = false
      if state.publishing { state.error = error.message }
    }
    return .none
  }

  /// The form starts from the version in focus: its kind, its retention and its words, to change.
  static func open(_ state: inout State) {
    let base = state.selected
    let kinds = OperatorKind.allCases
    state.fields = FormFields([
      .choice(
        "Pour", ["Toutes les structures"] + kinds.map(\.label),
        selected: base?.operatorKind.flatMap { kinds.firstIndex(of: $0) }.map { $0 + 1 } ?? 0),
      .number(
        "Conservation", base?.retentionDays ?? ConsentText.initialRetentionDays,
        hint: "jours (1 à 3 650)", limit: 4),
      .text(
        "Texte",
        (base?.body ?? ConsentText.initialBody).split(whereSeparator: \.isNewline).joined(
          separator: " "),
        limit: 4_000),
    ])
    state.fields.focus = bodyField
    state.publishing = true
    state.error = nil
  }

  static func formKey(_ key: Key, _ state: inout State) -> Effect {
    state.error = nil
    switch key {
    case .escape:
      state.publishing = false
      return .none
    case .function(2):
      guard let days = Int(state.fields.text(retentionField)) else {
        state.error = "La durée de conservation est un nombre de jours (1 à 3 650)."
        return .none
      }
      let choice = state.fields.choice(kindField)
      let kind = choice == 0 ? nil : OperatorKind.allCases[choice - 1]
      let draft = ConsentText(
        version: 0, body: state.fields.text(bodyField), retentionDays: days,
        publishedAt: .distantPast, operatorKind: kind)
      do {
        try draft.validate()
      } catch {
        state.error = error.message
        return .none
      }
      state.saving = true
      return .feature(
        ConsentTextsRequest.publish(body: draft.body, retentionDays: days, kind: kind))
    default:
      state.fields.edit(key)
      return .none
    }
  }
}
