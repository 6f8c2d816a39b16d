import GuichetCore

/// The confirmation slip after a booking, with keys to save it (text and `.ics`) and to print it.
public enum SlipScreen {
  public enum Command: Equatable, Sendable { case save, print, done }

  public struct State: Equatable, Sendable {
    public var slip: Slip
    /// Where the files were written, or why printing did or did not happen.
    public var notice: String?
    public var isError = false

    public init(slip: Slip) { self.slip = slip }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case saved(String)
    case printed(String)
    case failed(UserError)
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding(
      [.char("e")], "Enregistrer", help: "Enregistrer le coupon en texte et en .ics", .save),
    KeyBinding([.char("i")], "Imprimer", help: "Imprimer le coupon (commande lp)", .print),
    KeyBinding([.function(2)], "Terminer", help: "Revenir à la visite", .done),
  ]

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .saved(let where_):
      state.notice = where_
      state.isError = false
    case .printed(let message):
      state.notice = message
      state.isError = false
    case .failed(let error):
      state.notice = error.message
      state.isError = true
    case .key(let key):
      guard let command: Command = bindings.command(for: key) else { return .none }
      switch command {
      case .save: return .booking(.saveSlip(state.slip))
      case .print: return .booking(.printSlip(state.slip))
      case .done: return .navigate(.pop)
      }
    }
    return .none
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let inner = area.inset(1)
    var y = inner.y
    if state.slip.isCancellation {
      canvas.put("Rendez-vous annulé", x: inner.x, y: y, style: Style(tone: .warning, bold: true))
    } else {
      canvas.put(
        "Rendez-vous confirmé", x: inner.x, y: y, style: Style(tone: .success, bold: true))
    }
    y += 2
    for line in state.slip.lines {
      for wrapped in Text.wrap(line, width: inner.width) where y < inner.y + inner.height - 2 {
        canvas.put(wrapped, x: inner.x, y: y, style: line.hasPrefix("Référence") ? .bold : .plain)
        y += 1
      }
    }
    if let notice = state.notice {
      canvas.putMessage(
        notice, x: inner.x, y: min(y + 1, inner.y + inner.height - 2), width: inner.width,
        style: state.isError ? .error : .muted, maxLines: 2)
    }
  }
}
