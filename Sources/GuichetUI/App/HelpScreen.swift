import GuichetCore

/// F1 help for the screen underneath: what it is for and every key it takes, from its own key table.
public enum HelpScreen {
  public struct State: Equatable, Sendable {
    public var screenTitle: String
    public var purpose: String
    public var lines: [HintLine]
    public var scroll = 0
    public init(screenTitle: String, purpose: String, lines: [HintLine]) {
      self.screenTitle = screenTitle
      self.purpose = purpose
      self.lines = lines
    }
  }

  public static let globalLines: [HintLine] = [
    HintLine(key: "F1", text: "Cette aide"),
    HintLine(key: "Échap", text: "Revenir à l'écran précédent"),
    HintLine(
      key: "F10, Ctrl-Q", text: "Quitter Guichet (les visites enregistrées sont conservées)"),
    HintLine(
      key: "F12",
      text:
        "Verrouiller le poste (le mot de passe le rouvre sur le même écran), ou changer d'utilisateur : l'agent est déconnecté et le suivant se connecte sur ce poste"
    ),
    HintLine(key: "Ctrl-L", text: "Redessiner l'écran"),
  ]

  /// Width of the key column of the help.
  static let keyColumn = 16

  /// One help entry: the key, then its text wrapped to the width, later lines under the text (never cut).
  static func entry(_ line: HintLine, width: Int) -> [String] {
    let indent = String(repeating: " ", count: keyColumn)
    let wrapped = Text.wrap(line.help, width: max(10, width - keyColumn))
    return wrapped.enumerated().map { index, text in
      (index == 0 ? "  " + Text.pad(line.key, width: keyColumn - 2) : indent) + text
    }
  }

  public static func reduce(_ state: inout State, _ key: Key) -> Effect {
    switch key {
    case .up: state.scroll = max(0, state.scroll - 1)
    case .down: state.scroll += 1
    case .enter, .char("q"), .function(1): return .navigate(.pop)
    default: break
    }
    return .none
  }

  public static func render(_ state: State, in area: Rect, on canvas: inout Canvas) {
    var lines: [(String, Style)] = [("Aide — \(state.screenTitle)", .title), ("", .plain)]
    let width = area.width - 4
    lines += Text.wrap(state.purpose, width: width).map { ($0, Style.plain) }
    lines += [("", .plain), ("Touches de cet écran", .bold)]
    for line in state.lines {
      lines += entry(line, width: width).map { ($0, Style.plain) }
    }
    lines.append(("", .plain))
    lines.append(("Partout", .bold))
    for line in globalLines {
      lines += entry(line, width: width).map { ($0, Style.plain) }
    }
    let rows = area.height - 1
    let top = min(state.scroll, max(0, lines.count - rows))
    for (index, line) in lines.dropFirst(top).prefix(rows).enumerated() {
      canvas.put(line.0, x: area.x + 2, y: area.y + 1 + index, style: line.1, limit: area.width - 4)
    }
  }
}

extension HelpScreen: ScreenFeature {
  public typealias Action = Key
  public static func embed(_ state: State) -> Screen { .help(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .help(let state) = screen { state } else { nil }
  }
  public static func keyAction(_ key: Key) -> Key { key }
  public static func reduce(_ state: inout State, _ key: Key, context: AppContext) -> Effect {
    reduce(&state, key)
  }
  public static func render(
    _ state: State, in body: Rect, on canvas: inout Canvas, context: AppContext
  ) { render(state, in: body, on: &canvas) }
  public static func title(of state: State, context: AppContext) -> String {
    "Aide — \(state.screenTitle)"
  }
  public static func keyHints(_ state: State, role: Role?) -> [HintLine] {
    [HintLine(key: "Échap", text: "Fermer l'aide"), HintLine(key: "↑ ↓", text: "Défiler")]
  }
  /// Help on the help screen shows the same help.
  public static func help(for state: State, title: String, context: AppContext)
    -> HelpScreen.State
  { state }
}
