import CNCursesW

/// The getch codes the decoder understands, taken from ncurses once so tests can feed them without a terminal.
struct KeyCodes: Sendable {
  var up, down, left, right, home, end, pageUp, pageDown: Int32
  var delete, backTab, enter, backspace, resize: Int32
  /// F1…F12, in order.
  var functionKeys: [Int32]
  /// Private codes given to `\e[200~` and `\e[201~` with `define_key`: above the codes ncurses hands out
  /// to extended terminfo keys (from KEY_MAX up), and below the 16-bit limit of its key table.
  var pasteStart, pasteEnd: Int32

  static let ncurses = KeyCodes(
    up: KEY_UP, down: KEY_DOWN, left: KEY_LEFT, right: KEY_RIGHT,
    home: KEY_HOME, end: KEY_END, pageUp: KEY_PPAGE, pageDown: KEY_NPAGE,
    delete: KEY_DC, backTab: KEY_BTAB, enter: KEY_ENTER, backspace: KEY_BACKSPACE,
    resize: KEY_RESIZE,
    functionKeys: (1...12).map { guichet_key_f($0) },
    pasteStart: 0x4000, pasteEnd: 0x4001
  )
}
