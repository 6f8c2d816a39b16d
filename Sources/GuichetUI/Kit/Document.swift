import GuichetCore

/// A paragraph of a reference fiche: wrapped to the screen at render time, optionally a link to another fiche.
public struct DocumentLine: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case heading, text, bullet, minorBullet, muted, blank, source, warning
  }

  public var kind: Kind
  public var text: String
  /// Text drawn before the paragraph (a code column), kept on the first row only.
  public var lead: String
  public var link: Route?

  public init(_ kind: Kind, _ text: String = "", lead: String = "", link: Route? = nil) {
    self.kind = kind
    self.text = text
    self.lead = lead
    self.link = link
  }

  public static let blank = DocumentLine(.blank)

  /// The paragraph as one line of plain text (a bullet as « • »), for command-line output.
  public var plainText: String {
    let bullet = kind == .bullet || kind == .minorBullet ? "• " : ""
    return lead + bullet + text
  }
}

/// Scrolling and link focus over a list of paragraphs: ↑ ↓ scroll by paragraph, Tab moves between links,
/// Entrée opens the focused link. Positions are paragraph indices, so the reducer needs no screen size.
public struct DocumentCursor: Equatable, Sendable {
  public var top = 0
  /// Index (in the paragraphs) of the focused link.
  public var focus: Int?

  public init() {}

  public enum Move: Equatable, Sendable {
    case up, down, pageUp, pageDown, first, last, nextLink, previousLink
  }

  /// Rows of context kept above a focused link.
  static let context = 3
  static let page = 10

  public mutating func apply(_ move: Move, lines: [DocumentLine]) {
    let last = max(0, lines.count - 1)
    switch move {
    case .up: top = max(0, top - 1)
    case .down: top = min(last, top + 1)
    case .pageUp: top = max(0, top - Self.page)
    case .pageDown: top = min(last, top + Self.page)
    case .first:
      top = 0
      focus = nil
    case .last: top = last
    case .nextLink:
      let start = (focus.map { $0 + 1 }) ?? top
      if let next = lines.indices.first(where: { $0 >= start && lines[$0].link != nil }) {
        focus = next
        top = min(top, next)
        if next - top > Self.page { top = max(0, next - Self.context) }
      }
    case .previousLink:
      let start = (focus.map { $0 - 1 }) ?? lines.count - 1
      if let previous = lines.indices.last(where: { $0 <= start && lines[$0].link != nil }) {
        focus = previous
        if previous < top || previous - top > Self.page { top = max(0, previous - Self.context) }
      }
    }
    if let focus, focus < top { self.focus = nil }
  }

  public func focusedLink(_ lines: [DocumentLine]) -> Route? {
    guard let focus, lines.indices.contains(focus) else { return nil }
    return lines[focus].link
  }

  /// Draws the paragraphs from `top`, wrapped to the area; links are underlined and the focused one reversed.
  public func render(
    _ lines: [DocumentLine], in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    var y = area.y
    for index in lines.indices.dropFirst(min(top, lines.count)) {
      guard y < area.maxY else { break }
      let line = lines[index]
      let style = Self.style(line, focused: index == focus)
      let leadWidth = DisplayWidth.of(line.lead)
      let bullet = line.kind == .bullet || line.kind == .minorBullet
      let indent = bullet ? 2 : 0
      let textWidth = max(1, area.width - leadWidth - indent - 1)
      let wrapped = line.kind == .blank ? [""] : Text.wrap(line.text, width: textWidth)
      for (row, text) in wrapped.enumerated() {
        guard y < area.maxY else { break }
        if row == 0 {
          canvas.put(line.lead, x: area.x, y: y, style: line.link == nil ? .muted : .accent)
          if bullet { canvas.put("• ", x: area.x + leadWidth, y: y, style: .muted) }
        }
        if line.link != nil || index == focus {
          canvas.putPadded(
            text, x: area.x + leadWidth + indent, y: y, width: DisplayWidth.of(text), style: style)
        } else {
          canvas.put(
            text, x: area.x + leadWidth + indent, y: y, style: style, limit: textWidth)
        }
        y += 1
      }
    }
    if top > 0 {
      canvas.put("▲", x: area.maxX - 1, y: area.y, style: .muted)
    }
    if y >= area.maxY, !lines.isEmpty, top < lines.count - 1 {
      canvas.put("▼", x: area.maxX - 1, y: area.maxY - 1, style: .muted)
    }
  }

  static func style(_ line: DocumentLine, focused: Bool) -> Style {
    if focused { return .selected }
    switch line.kind {
    case .heading: return .title
    case .muted, .source, .minorBullet: return .muted
    case .warning: return Style(tone: .warning)
    case .text, .bullet, .blank: return line.link == nil ? .plain : .underline
    }
  }
}

/// Moves a selection in a list of `count` rows.
public enum ListMove: Equatable, Sendable {
  case up, down, pageUp, pageDown, first, last

  public func apply(to selection: Int, count: Int, page: Int = 10) -> Int {
    let last = max(0, count - 1)
    switch self {
    case .up: return max(0, selection - 1)
    case .down: return min(last, selection + 1)
    case .pageUp: return max(0, selection - page)
    case .pageDown: return min(last, selection + page)
    case .first: return 0
    case .last: return last
    }
  }
}

/// What a fiche screen shows before its fiche arrives, or when the code is not in the loaded reference.
public enum FichePlaceholder {
  /// Draws the placeholder and returns true when there is no fiche to draw.
  public static func render(
    loaded: Bool, missing: Bool, code: String, referential: String, x: Int, y: Int, width: Int,
    on canvas: inout Canvas
  ) -> Bool {
    if loaded { return false }
    let text =
      missing
      ? "Le code \(code) n'existe pas dans le \(referential) chargé." : "Chargement de la fiche…"
    canvas.put(text, x: x, y: y, style: missing ? .error : .muted, limit: width)
    return true
  }
}

/// Key table shared by the fiche screens.
public enum DocumentKeys {
  public static let movements: [KeyBinding<DocumentCursor.Move>] = [
    KeyBinding([.tab], "Lien suivant", help: "Aller au lien suivant (fiche liée)", .nextLink),
    KeyBinding([.backTab], "Lien précédent", .previousLink, inKeyBar: false),
    KeyBinding([.up], "Monter", help: "Faire défiler vers le haut", .up, inKeyBar: false),
    KeyBinding([.down], "Descendre", help: "Faire défiler vers le bas", .down, inKeyBar: false),
    KeyBinding([.pageUp], "Page préc.", .pageUp, inKeyBar: false),
    KeyBinding([.pageDown], "Page suiv.", .pageDown, inKeyBar: false),
    KeyBinding([.home], "Début", help: "Début de la fiche", .first, inKeyBar: false),
    KeyBinding([.end], "Fin", help: "Fin de la fiche", .last, inKeyBar: false),
  ]

  /// The movements as rows of a screen's own key table (`command` wraps each one, e.g. `.move`).
  public static func movements<C>(_ command: (DocumentCursor.Move) -> C) -> [KeyBinding<C>] {
    movements.map {
      KeyBinding($0.keys, $0.hint, help: $0.help, command($0.command), inKeyBar: $0.inKeyBar)
    }
  }
}
