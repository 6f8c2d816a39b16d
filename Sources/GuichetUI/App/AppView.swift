import GuichetCore

/// Draws the whole console: header, the screen on top, the status line and the key bar.
extension App {
  public static func render(_ state: AppState) -> Canvas {
    var canvas = Canvas(size: state.size)
    if state.isTooSmall {
      renderTooSmall(state.size, on: &canvas)
      return canvas
    }
    let context = state.context
    let width = state.size.width
    renderHeader(state, on: &canvas)
    let body = Rect(x: 0, y: 1, width: width, height: state.size.height - 3)
    if let login = loginShown(state) {
      LoginScreen.render(login, in: body, on: &canvas)
      // Only the quit question and the read-only banner: no line left from the screens below.
      var status = state
      status.message = nil
      status.satisfactionFor = nil
      renderStatus(status, on: &canvas)
      renderKeyBar(LoginScreen.hints(login.mode), on: &canvas)
      return canvas
    }
    draw(state.top, in: body, on: &canvas, context: context)
    renderStatus(state, on: &canvas)
    renderKeyBar(hints(for: state.top, role: context.account?.role), on: &canvas)
    return canvas
  }

  /// The login screen when nobody is signed in or the desk is locked: nothing of the screens below shows.
  static func loginShown(_ state: AppState) -> LoginScreen.State? {
    switch state.session {
    case .signedIn: nil
    case .signedOut(let login), .locked(_, let login): login
    }
  }

  static func renderStatus(_ state: AppState, on canvas: inout Canvas) {
    let width = state.size.width
    let statusRow = state.size.height - 2
    if state.confirmingQuit {
      canvas.putPadded(
        " \(state.unsavedWork ?? "") Quitter quand même ? (O = oui, autre touche = non)",
        x: 0,
        y: statusRow, width: width, style: Style(tone: .warning, bold: true, reverse: true))
    } else if state.confirmingUserChange {
      canvas.putPadded(
        " \(state.unsavedWork ?? "") Changer d'utilisateur ? O = oui, autre = non",
        x: 0, y: statusRow, width: width, style: Style(tone: .warning, bold: true, reverse: true))
    } else if state.satisfactionFor != nil {
      canvas.putPadded(
        " " + (state.message.map { $0.text + " " } ?? "")
          + "Satisfaction (facultatif) ? 1 à 5, autre touche : passer",
        x: 0, y: statusRow, width: width, style: Style(tone: .accent, bold: true))
    } else if let message = state.message {
      // A long message grows upward over the bottom of the screen rather than being cut.
      let style = message.isError ? Style.error : Style(tone: .success, bold: true)
      let rows = canvas.putMessage(
        message.text, x: 1, y: statusRow, width: width - 1, style: style, upward: true,
        padded: true)
      canvas.fill(Rect(x: 0, y: statusRow - rows + 1, width: 1, height: rows), style: style)
    } else if let readOnly = state.context.readOnly {
      canvas.putPadded(
        " ⚠ " + readOnly.banner, x: 0, y: statusRow, width: width,
        style: Style(tone: .warning, bold: true, reverse: true))
    }
  }

  static func renderHeader(_ state: AppState, on canvas: inout Canvas) {
    let context = state.context
    let width = state.size.width
    canvas.fill(Rect(x: 0, y: 0, width: width, height: 1), style: Style(reverse: true))
    let place = "\(context.workplace.siteName) · \(context.workplace.deskName)"
    let clock =
      "\(Format.day(context.now, context.timeZone)) \(Format.time(context.now, context.timeZone)) "
    let title =
      loginShown(state).map { LoginScreen.texts($0.mode).0 }
      ?? screenTitle(state.top, context: context)
    let clockWidth = DisplayWidth.of(clock)
    let titleWidth = DisplayWidth.of(title)
    // The screen's title is what the agent reads: « Guichet · » gives way first when both do not fit.
    let room = width - clockWidth - 1
    let left =
      [" Guichet · " + place, " " + place].first {
        DisplayWidth.of($0) + 2 + titleWidth <= room
      } ?? " " + place
    let leftUsed = canvas.put(
      left, x: 0, y: 0, style: Style(bold: true, reverse: true), limit: max(0, width / 2 - 2))
    let titleX = max(width / 2 - titleWidth / 2, leftUsed + 2)
    canvas.put(
      title, x: titleX, y: 0, style: Style(tone: .title, bold: true, reverse: true),
      limit: width - clockWidth - titleX - 1)
    canvas.put(clock, x: width - clockWidth, y: 0, style: Style(reverse: true))
  }

  /// The keys pinned at the right of the bar, in this order, which never fall off a narrow one: help,
  /// back and quit.
  static let pinnedKeys = ["F1", "Échap", "F10"]
  /// Keys every screen's help lists but a bar need not: moving in a list or a form.
  static let movementKeys: Set<String> = [
    "↑", "↓", "←", "→", "↑ ↓", "← →", "Tab", "Maj+Tab", "Début", "Fin", "Pg↑", "Pg↓",
  ]
  /// F1's text when some keys of the screen are only in the help: short, so it costs the bar one key at most.
  static let moreKeysHint = "Aide +"

  /// The screen's keys from the left in the screen's order (its most important first, so its primary action
  /// always shows), as many as fit; F1, Échap and F10 pinned at the right. When a key of the screen is left
  /// out (by width, or kept for the help), F1 reads « Aide + »: the others are there.
  static func renderKeyBar(_ hints: [HintLine], on canvas: inout Canvas) {
    let row = canvas.size.height - 1
    canvas.fill(
      Rect(x: 0, y: row, width: canvas.size.width, height: 1), style: Style(reverse: true))
    let own = hints.filter { !pinnedKeys.contains($0.key) }
    var pinned = pinnedKeys.compactMap { key in hints.first { $0.inKeyBar && $0.key == key } }
    func fitting() -> [HintLine] {
      let room = canvas.size.width - pinned.reduce(0) { $0 + width(of: $1) }
      var used = 0
      return Array(
        own.filter(\.inKeyBar).prefix { hint in
          used += width(of: hint)
          return used <= room
        })
    }
    var shown = fitting()
    let hidden = own.contains { !shown.contains($0) && !movementKeys.contains($0.key) }
    if hidden, let help = pinned.firstIndex(where: { $0.key == "F1" }) {
      pinned[help].text = moreKeysHint
      shown = fitting()
    }
    var x = 0
    for hint in shown { x = put(hint, at: x, row: row, on: &canvas) }
    x = max(x, canvas.size.width - pinned.reduce(0) { $0 + width(of: $1) })
    for hint in pinned { x = put(hint, at: x, row: row, on: &canvas) }
  }

  static func width(of hint: HintLine) -> Int {
    DisplayWidth.of(hint.key) + 2 + DisplayWidth.of(hint.text) + 1
  }

  static func put(_ hint: HintLine, at x: Int, row: Int, on canvas: inout Canvas) -> Int {
    let keyWidth = DisplayWidth.of(hint.key) + 2
    canvas.put(" \(hint.key) ", x: x, y: row, style: Style(tone: .accent, bold: true))
    canvas.put(hint.text + " ", x: x + keyWidth, y: row, style: Style(reverse: true))
    return x + width(of: hint)
  }

  static func renderTooSmall(_ size: Size, on canvas: inout Canvas) {
    let lines = [
      "Fenêtre trop petite (\(size.width)×\(size.height)).",
      "Agrandissez la fenêtre à au moins \(Size.minimum.width)×\(Size.minimum.height).",
      "F10 ou Ctrl-Q : quitter",
    ]
    let top = max(0, size.height / 2 - 1)
    for (index, line) in lines.enumerated() {
      let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
      canvas.put(line, x: x, y: top + index, style: index == 1 ? .bold : .plain)
    }
  }
}
