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
    V.allCases.map { Option(code: $0.rawValue, label: $0.label) }
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

  /// The digit label shown before an option: « 1 »…« 9 », « 0 », then blanks.
  public static func digitLabel(_ index: Int) -> String {
    index < 9 ? "\(index + 1)" : (index == 9 ? "0" : " ")
  }
}
