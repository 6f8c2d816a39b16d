import GuichetCore

/// One line of an administration form: free text, or a choice among fixed options (← → to change).
public struct FormField: Equatable, Sendable {
  public var label: String
  public var text: String
  public var choices: [String]
  public var choice: Int
  /// What to type, shown next to the field (« lun-ven ou lun,mar,jeu »).
  public var hint: String
  public var limit: Int
  /// The value shown is the current one, to replace rather than extend: the first character typed or
  /// pasted replaces it, Retour arrière clears it (so « 21 » typed over « 30 » is 21, not 302).
  public var replacesOnType = false

  public static func text(_ label: String, _ text: String = "", hint: String = "", limit: Int = 120)
    -> FormField
  {
    FormField(label: label, text: text, choices: [], choice: 0, hint: hint, limit: limit)
  }

  /// A number shown as it stands, replaced by what is typed (see `replacesOnType`).
  public static func number(_ label: String, _ value: Int, hint: String, limit: Int) -> FormField {
    var field = text(label, String(value), hint: hint, limit: limit)
    field.replacesOnType = true
    return field
  }

  public static func choice(_ label: String, _ choices: [String], selected: Int = 0) -> FormField {
    FormField(
      label: label, text: "", choices: choices,
      choice: choices.indices.contains(selected) ? selected : 0, hint: "← → pour choisir",
      limit: 0)
  }

  public var isChoice: Bool { !choices.isEmpty }
  public var shown: String { isChoice ? "‹ \(choices[choice]) ›" : text }
}

/// The fields of a form and where the cursor is. Editing is pure; what the fields mean is up to each form.
public struct FormFields: Equatable, Sendable {
  public var fields: [FormField]
  public var focus = 0

  public init(_ fields: [FormField]) { self.fields = fields }

  public func text(_ index: Int) -> String {
    fields[index].text.trimmingCharacters(in: .whitespaces)
  }
  public func choice(_ index: Int) -> Int { fields[index].choice }

  /// Moves between fields, types, pastes and changes choices. Typed and pasted text goes through SafeText.
  public mutating func edit(_ key: Key) {
    let replacing = fields[focus].replacesOnType
    fields[focus].replacesOnType = false
    switch key {
    case .tab, .down, .enter: focus = min(fields.count - 1, focus + 1)
    case .backTab, .up: focus = max(0, focus - 1)
    case .left, .right:
      guard fields[focus].isChoice else { return }
      let count = fields[focus].choices.count
      fields[focus].choice = (fields[focus].choice + (key == .right ? 1 : count - 1)) % count
    case .ctrl("u"), .delete:
      if !fields[focus].isChoice { fields[focus].text = "" }
    case .char(let c): type(String(c), replacing: replacing)
    case .paste(let text): type(text, replacing: replacing)
    case .backspace:
      if replacing {
        fields[focus].text = ""
      } else if !fields[focus].isChoice && !fields[focus].text.isEmpty {
        fields[focus].text.removeLast()
      }
    default: break
    }
  }

  mutating func type(_ text: String, replacing: Bool = false) {
    guard !fields[focus].isChoice else { return }
    fields[focus].text = String(
      SafeText.clean((replacing ? "" : fields[focus].text) + text).prefix(fields[focus].limit))
  }

  /// The end of `text` that fits in `width` columns, with « … » in front when something was cut.
  static func tail(_ text: String, width: Int) -> String {
    guard DisplayWidth.of(text) > width else { return text }
    var kept = ""
    for character in text.reversed() {
      let candidate = String(character) + kept
      if DisplayWidth.of("…" + candidate) > width { break }
      kept = candidate
    }
    return "…" + kept
  }

  /// Labels in one column, values in the next, the hint after; the focused field in reverse video.
  public func render(in area: Rect, on canvas: inout Canvas) {
    let labelWidth = (fields.map { DisplayWidth.of($0.label) }.max() ?? 10) + 2
    let valueWidth = max(10, min(44, area.width - labelWidth - 2))
    for (index, field) in fields.enumerated() where index < area.height {
      let y = area.y + index
      canvas.put(field.label, x: area.x, y: y, style: index == focus ? .bold : .plain)
      // The focused field shows its end, where typing happens, when it is longer than the box.
      let value =
        index == focus && !field.isChoice
        ? Self.tail(field.text + "_", width: valueWidth - 1) : field.shown
      canvas.putPadded(
        " " + value, x: area.x + labelWidth, y: y, width: valueWidth,
        style: index == focus ? .selected : Style(underline: true))
      let hintX = area.x + labelWidth + valueWidth + 1
      if !field.hint.isEmpty && hintX < area.x + area.width {
        canvas.put(
          field.hint, x: hintX, y: y, style: .muted, limit: area.x + area.width - hintX)
      }
    }
  }
}
