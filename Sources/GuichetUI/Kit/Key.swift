/// A decoded key press. The terminal layer turns raw bytes into these; screens never see bytes.
public enum Key: Hashable, Sendable {
  /// A printable character (already decoded from UTF-8).
  case char(Character)
  case enter, tab, backTab, backspace, delete, escape
  case up, down, left, right, home, end, pageUp, pageDown
  /// F1…F12.
  case function(Int)
  /// Ctrl plus a letter, lower case (`.ctrl("q")`).
  case ctrl(Character)
  /// Text from a bracketed paste, already stripped of control characters: it never submits a form.
  case paste(String)
}

extension Key {
  /// Short French name for the key bar and the help screen.
  public var displayName: String {
    switch self {
    case .char(" "): "Espace"
    case .char(let c): String(c).uppercased()
    case .enter: "Entrée"
    case .tab: "Tab"
    case .backTab: "Maj+Tab"
    case .backspace: "Retour arr."
    case .delete: "Suppr"
    case .escape: "Échap"
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .home: "Début"
    case .end: "Fin"
    case .pageUp: "Pg↑"
    case .pageDown: "Pg↓"
    case .function(let n): "F\(n)"
    case .ctrl(let c): "Ctrl-\(String(c).uppercased())"
    case .paste: "Coller"
    }
  }
}

extension Key {
  /// « O » (oui), either case: the answer every confirmation waits for.
  public var isYes: Bool { self == .char("o") || self == .char("O") }
}
