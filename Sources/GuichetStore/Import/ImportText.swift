import GuichetCore

/// Text clean-up shared by the importers: the files' known defects are repaired here once.
enum ImportText {
  /// A label: controls removed, doubled apostrophes (`l''apprentissage`) made single, `¿` read as `’`.
  static func label(_ raw: String) -> String {
    var text = raw
    var unsafe = false
    var inverted = false
    for scalar in text.unicodeScalars where scalar.value < 0x20 || scalar.value >= 0x7F {
      if !SafeText.isAllowed(scalar) { unsafe = true }
      if scalar == "¿" { inverted = true }
    }
    if unsafe { text = SafeText.clean(text) }
    if inverted { text = text.replacingOccurrences(of: "¿", with: "’") }
    if hasDoubledApostrophe(text) { text = text.replacingOccurrences(of: "''", with: "'") }
    return text.trimmingSpaces()
  }

  private static func hasDoubledApostrophe(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte == 0x27, previous == 0x27 { return true }
      previous = byte
    }
    return false
  }

  /// Prose keeps its paragraph breaks; everything else is cleaned as a label, line by line.
  static func prose(_ raw: String) -> String {
    raw.split(separator: "\n", omittingEmptySubsequences: false)
      .map { label(String($0)) }
      .joined(separator: "\n")
      .trimmingSpaces()
  }

  /// Prose, or NULL when the file (or the bundle, which holds none) leaves it empty.
  static func optionalProse(_ raw: String) -> String? {
    let text = prose(raw)
    return text.isEmpty ? nil : text
  }

  /// `O`/`oui` → true, `N`/`non` → false, anything else (often empty) → nil: the file did not say.
  static func flag(_ raw: String) -> Bool? {
    switch raw.lowercased() {
    case "o", "oui", "1", "true": true
    case "n", "non", "0", "false": false
    default: nil
    }
  }

  /// Empty fields become NULL rather than "".
  static func optional(_ raw: String) -> String? {
    let text = label(raw)
    return text.isEmpty ? nil : text
  }
}

extension String {
  /// Trims ASCII spaces and line breaks left at the ends after clean-up.
  func trimmingSpaces() -> String {
    var scalars = Substring(self)
    while let first = scalars.first, first == " " || first == "\n" { scalars.removeFirst() }
    while let last = scalars.last, last == " " || last == "\n" { scalars.removeLast() }
    return scalars.count == count ? self : String(scalars)
  }
}
