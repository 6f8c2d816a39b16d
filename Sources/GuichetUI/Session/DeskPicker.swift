import GuichetCore

/// Which desk this console is, asked before the login when the database declares several and neither
/// `--desk` nor `GUICHET_DESK` says: arrows or the desk's number, Entrée, Échap to leave.
public struct DeskPicker: Equatable, Sendable {
  public enum Outcome: Equatable, Sendable {
    case chosen(Workplace)
    case quit
  }

  public let desks: [Workplace]
  public private(set) var selected = 0

  public init(desks: [Workplace]) {
    self.desks = desks
  }

  /// The outcome once a key decides it, else nil (the selection may have moved).
  public mutating func handle(_ key: Key) -> Outcome? {
    guard !desks.isEmpty else { return .quit }
    switch key {
    case .up: selected = (selected + desks.count - 1) % desks.count
    case .down, .tab: selected = (selected + 1) % desks.count
    case .home: selected = 0
    case .end: selected = desks.count - 1
    case .enter: return .chosen(desks[selected])
    case .escape, .function(10): return .quit
    case .char(let c):
      if let digit = c.wholeNumberValue, (1...min(desks.count, 9)).contains(digit) {
        selected = digit - 1
        return .chosen(desks[selected])
      }
    default: break
    }
    return nil
  }

  public func render(size: Size) -> Canvas {
    var canvas = Canvas(size: size)
    let width = max(size.width - 4, 1)
    canvas.put("Guichet — quel est ce poste d'accueil ?", x: 2, y: 1, style: .title, limit: width)
    canvas.put(
      "Plusieurs postes sont déclarés dans cette base. Choisissez celui-ci :", x: 2, y: 3,
      style: .muted, limit: width)
    let rows = max(size.height - 8, 1)
    let first = max(0, min(selected - rows + 1, desks.count - rows))
    for (offset, index) in (first..<min(desks.count, first + rows)).enumerated() {
      let desk = desks[index]
      let number = index < 9 ? "\(index + 1)." : "  "
      canvas.putPadded(
        " \(number) \(desk.siteName) · \(desk.deskName)", x: 2, y: 5 + offset, width: width,
        style: index == selected ? .selected : .plain)
    }
    canvas.put(
      "↑↓ ou chiffre : choisir  Entrée : valider  Échap : quitter", x: 2, y: size.height - 2,
      style: .muted, limit: width)
    canvas.put(
      "Pour ne plus avoir à choisir : --desk \"NOM\" ou GUICHET_DESK=NOM (voir le README).",
      x: 2, y: size.height - 1, style: .muted, limit: width)
    return canvas
  }
}
