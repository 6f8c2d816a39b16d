import GuichetCore

/// A choice in a coded field: its stored code and its French label.
public struct Option: Equatable, Sendable {
  public var code: String
  public var label: String
  public init(code: String, label: String) {
    self.code = code
    self.label = label
  }

  public static func all<V: CodedValue>(_ type: V.Type) -> [Option] {
    of(Array(V.allCases))
  }

  public static func of<V: CodedValue>(_ values: [V]) -> [Option] {
    values.map { Option(code: $0.rawValue, label: $0.label) }
  }
}

/// The visible, numbered options of a coded field, narrowed by what the agent typed.
/// Numbers 1…9 then 0 pick the first ten visible options in one key.
public struct OptionList: Equatable, Sendable {
  public var options: [Option]
  public var filter: String = ""
  public var highlight: Int = 0

  public init(_ options: [Option]) {
    self.options = options
  }

  public var visible: [Option] {
    let words = SearchText.tokens(filter)
    guard !words.isEmpty else { return options }
    return options.filter { option in
      let labelWords = SearchText.tokens(option.label)
      return words.allSatisfy { word in labelWords.contains { $0.hasPrefix(word) } }
    }
  }

  public var highlighted: Option? {
    let list = visible
    return list.indices.contains(highlight) ? list[highlight] : list.first
  }

  /// Index of the option a digit key picks (1 → first, 0 → tenth), if shown.
  public func index(forDigit digit: Character) -> Int? {
    guard let value = digit.wholeNumberValue else { return nil }
    let index = value == 0 ? 9 : value - 1
    return visible.indices.contains(index) ? index : nil
  }

  public mutating func move(_ delta: Int) {
    let count = visible.count
    guard count > 0 else { return }
    highlight = min(max(0, highlight + delta), count - 1)
  }

  /// Typed or pasted filter text, kept printable and short: it is drawn on screen every frame.
  public mutating func setFilter(_ text: String) {
    filter = String(SafeText.clean(text).prefix(40))
    highlight = 0
  }

  /// Puts the highlight on a given code, clearing any filter.
  public mutating func focus(code: String?) {
    filter = ""
    highlight = options.firstIndex { $0.code == code } ?? 0
  }

  /// Moves the highlight or edits the filter for the keys every option list shares; returns false for the
  /// keys the caller gives a meaning (digits, space, Entrée, Échap…).
  public mutating func browse(_ key: Key) -> Bool {
    switch key {
    case .up: move(-1)
    case .down: move(1)
    case .pageUp: move(-10)
    case .pageDown: move(10)
    case .backspace:
      if !filter.isEmpty { setFilter(String(filter.dropLast())) }
    case .paste(let text): setFilter(text)
    case .char(let c) where !c.isNumber: setFilter(filter + String(c))
    default: return false
    }
    return true
  }

  /// What a key does to a picker drawn over a screen.
  public enum Outcome: Equatable, Sendable {
    case browsing, closed
    case picked(Option)
  }

  /// Échap closes the picker, Entrée or a digit picks an option, any other key browses or filters.
  public mutating func pick(_ key: Key) -> Outcome {
    switch key {
    case .escape: return .closed
    case .enter: return highlighted.map(Outcome.picked) ?? .browsing
    case .char(let c) where c.isNumber:
      return index(forDigit: c).map { .picked(visible[$0]) } ?? .browsing
    default:
      _ = browse(key)
      return .browsing
    }
  }

  /// Draws the visible options numbered, scrolled to the highlight, chosen ones marked, and the filter
  /// typed so far on the last row.
  func render(
    in inner: Rect, on canvas: inout Canvas, isSelected: (Option) -> Bool,
    mark: (Bool) -> String
  ) {
    let visible = self.visible
    let rows = max(0, inner.height - 2)
    let top = max(0, min(highlight - rows + 1, visible.count - rows))
    for (offset, option) in visible.enumerated().dropFirst(top).prefix(rows) {
      let selected = isSelected(option)
      let text = " \(Self.digitLabel(offset)) \(mark(selected))\(option.label)"
      let style: Style = offset == highlight ? .selected : (selected ? .accent : .plain)
      canvas.putPadded(
        text, x: inner.x, y: inner.y + offset - top, width: inner.width, style: style)
    }
    if visible.isEmpty {
      canvas.put(
        " Aucune option ne correspond.", x: inner.x, y: inner.y, style: .muted, limit: inner.width)
    }
    let hint = filter.isEmpty ? " Tapez pour filtrer" : " Filtre : \(filter)"
    canvas.putPadded(hint, x: inner.x, y: inner.maxY - 1, width: inner.width, style: .muted)
  }

  /// The digit label shown before an option: « 1 »…« 9 », « 0 », then blanks.
  public static func digitLabel(_ index: Int) -> String {
    index < 9 ? "\(index + 1)" : (index == 9 ? "0" : " ")
  }
}
