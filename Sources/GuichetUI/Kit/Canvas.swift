import GuichetCore

/// Colour roles, mapped to terminal colours by the terminal layer.
public enum Tone: UInt8, Equatable, Sendable {
  case normal, accent, muted, success, warning, error, title
}

public struct Style: Equatable, Sendable {
  public var tone: Tone
  public var bold: Bool
  public var reverse: Bool
  public var underline: Bool
  public init(
    tone: Tone = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false
  ) {
    self.tone = tone
    self.bold = bold
    self.reverse = reverse
    self.underline = underline
  }
  public static let plain = Style()
  public static let bold = Style(bold: true)
  public static let selected = Style(reverse: true)
  public static let muted = Style(tone: .muted)
  public static let title = Style(tone: .title, bold: true)
  public static let error = Style(tone: .error, bold: true)
  public static let accent = Style(tone: .accent, bold: true)
}

/// One terminal cell: a grapheme of width 1 or 2, or the continuation of a wide one (empty text).
public struct Cell: Equatable, Sendable {
  public var text: String
  public var style: Style
  public init(text: String = " ", style: Style = .plain) {
    self.text = text
    self.style = style
  }
  public var isContinuation: Bool { text.isEmpty }
}

/// The whole screen as plain values: screens draw here, the terminal blits it, tests compare it as text.
public struct Canvas: Equatable, Sendable {
  public let size: Size
  public private(set) var cells: [Cell]
  /// Where the terminal cursor goes (an edited field), or nil to hide it.
  public var cursor: Point?

  public init(size: Size) {
    self.size = size
    self.cells = Array(repeating: Cell(), count: max(0, size.width * size.height))
  }

  public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

  public subscript(x: Int, y: Int) -> Cell {
    cells[y * size.width + x]
  }

  /// Writes text from (x, y), never past `limit` columns nor the canvas edge; returns the columns used.
  /// Text is sanitised, and a wide glyph that would not fit whole is replaced by a space.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil)
    -> Int
  {
    guard y >= 0, y < size.height, x < size.width else { return 0 }
    let end = min(size.width, limit.map { x + max(0, $0) } ?? size.width)
    var column = x
    for character in SafeText.clean(text) {
      let width = DisplayWidth.of(character)
      if width == 0 { continue }
      if column + width > end {
        if column < end { set(column, y, Cell(text: " ", style: style)) }
        column = end
        break
      }
      if column >= 0 {
        set(column, y, Cell(text: String(character), style: style))
        if width == 2 { set(column + 1, y, Cell(text: "", style: style)) }
      }
      column += width
    }
    return max(0, column - x)
  }

  /// Writes text truncated with « … » when it is wider than `width`, padded with spaces to exactly `width`.
  public mutating func putPadded(_ text: String, x: Int, y: Int, width: Int, style: Style = .plain)
  {
    let fitted = Text.fit(text, width: width)
    let used = put(fitted, x: x, y: y, style: style, limit: width)
    if used < width { fill(Rect(x: x + used, y: y, width: width - used, height: 1), style: style) }
  }

  /// Draws a message or an error wrapped at spaces on at most `maxLines` rows, so the end of a French
  /// sentence (« … ou +33 suivi de 9 chiffres ») is never cut at the screen edge; from row `y` down, or up
  /// to row `y` when `upward` (a message at the bottom of an area). Returns the rows used.
  @discardableResult
  public mutating func putMessage(
    _ text: String, x: Int, y: Int, width: Int, style: Style, maxLines: Int = 3,
    upward: Bool = false, padded: Bool = false
  ) -> Int {
    let lines = Text.wrap(text, width: width, maxLines: maxLines)
    let top = upward ? y - lines.count + 1 : y
    for (index, line) in lines.enumerated() {
      if padded {
        putPadded(line, x: x, y: top + index, width: width, style: style)
      } else {
        put(line, x: x, y: top + index, style: style, limit: width)
      }
    }
    return lines.count
  }

  public mutating func fill(_ rect: Rect, style: Style = .plain) {
    for row in max(0, rect.y)..<min(size.height, rect.maxY) {
      for column in max(0, rect.x)..<min(size.width, rect.maxX) {
        set(column, row, Cell(text: " ", style: style))
      }
    }
  }

  /// A single-line box drawn around `rect` with an optional title.
  public mutating func box(_ rect: Rect, title: String? = nil, style: Style = .muted) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let horizontal = String(repeating: "─", count: rect.width - 2)
    put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style)
    for row in (rect.y + 1)..<(rect.maxY - 1) {
      put("│", x: rect.x, y: row, style: style)
      put("│", x: rect.maxX - 1, y: row, style: style)
    }
    put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style)
    if let title, rect.width > 6 {
      put(" \(title) ", x: rect.x + 2, y: rect.y, style: .title, limit: rect.width - 4)
    }
  }

  private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
    guard x >= 0, x < size.width, y >= 0, y < size.height else { return }
    let index = y * size.width + x
    // Overwriting half of a wide glyph blanks its other half, so no stray half-glyph remains.
    if cells[index].isContinuation, x > 0 {
      cells[index - 1] = Cell(text: " ", style: cells[index - 1].style)
    }
    if !cells[index].isContinuation, DisplayWidth.of(cells[index].text) == 2, x + 1 < size.width {
      cells[index + 1] = Cell(text: " ", style: cells[index + 1].style)
    }
    cells[index] = cell
  }

  /// The screen as text, one line per row, trailing spaces kept: what snapshot tests compare.
  public var text: String {
    var lines: [String] = []
    lines.reserveCapacity(size.height)
    for row in 0..<size.height {
      var line = ""
      for column in 0..<size.width {
        line += self[column, row].text
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }
}

/// Text helpers measured in terminal columns.
public enum Text {
  /// Cuts text to `width` columns, ending with « … » when something was cut.
  public static func fit(_ text: String, width: Int) -> String {
    guard width > 0 else { return "" }
    if DisplayWidth.of(text) <= width { return text }
    var result = ""
    var used = 0
    for character in text {
      let w = DisplayWidth.of(character)
      if used + w > width - 1 { break }
      result.append(character)
      used += w
    }
    return result + "…"
  }

  /// Splits text into lines of at most `width` columns at spaces (a longer word is cut). French spacing is
  /// kept together: « stays with the word after it, and », :, ;, ? and ! with the word before, so no line
  /// starts with a closing guillemet or a colon.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var line = ""
    for word in frenchUnits(text) {
      let candidate = line.isEmpty ? String(word) : line + " " + word
      if DisplayWidth.of(candidate) <= width {
        line = candidate
      } else {
        if !line.isEmpty { lines.append(line) }
        line = fit(String(word), width: width)
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  /// The words of `text` with French typography's spaced punctuation attached to its word.
  static func frenchUnits(_ text: String) -> [String] {
    var units: [String] = []
    var opening = ""
    for word in text.split(separator: " ") {
      if word == "«" {
        opening += "« "
        continue
      }
      let unit = opening + word
      opening = ""
      if !units.isEmpty, unit.allSatisfy({ "»:;?!.,".contains($0) }) {
        units[units.count - 1] += " " + unit
      } else {
        units.append(unit)
      }
    }
    if !opening.isEmpty { units.append(String(opening.dropLast())) }
    return units
  }

  /// ``wrap(_:width:)`` kept to `maxLines` lines, the last one ending with « … » when text was left out.
  public static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
    let lines = wrap(text, width: width)
    guard maxLines > 0, lines.count > maxLines else { return lines }
    var kept = Array(lines.prefix(maxLines))
    kept[maxLines - 1] = fit(
      (lines[(maxLines - 1)...]).joined(separator: " "), width: width)
    return kept
  }

  /// A table column: fitted to leave one space before the next column.
  public static func column(_ text: String, width: Int) -> String {
    pad(text, width: width - 1) + " "
  }

  /// Pads with spaces on the right to `width` columns (after fitting).
  public static func pad(_ text: String, width: Int) -> String {
    let fitted = fit(text, width: width)
    return fitted + String(repeating: " ", count: max(0, width - DisplayWidth.of(fitted)))
  }
}
