/// Where SQLite's `unicode61` tokenizer ends a word, so each quoted query term is exactly one FTS5 token: a
/// term it splits in two is a phrase, and phrases fail on the `detail = none` index (« fts5: phrase queries are
/// not supported »), which `Character.isLetter` alone let through for a letter followed by a mark, a
/// variation selector or a skin tone. Word scalars here: ASCII letters and digits, and scalars Swift classes
/// as letters, numbers or private use — unicode61 keeps them all, except a few that were still combining marks
/// in the Unicode tables SQLite was built from. Anything else separates words: splitting more is always
/// safe, it only asks for two prefixes instead of one. `FTSWordTests` checks every scalar against the
/// linked SQLite.
enum FTSWord {
  /// Letters today, spacing marks in SQLite's tables (New Tai Lue vowels, Vedic signs).
  static let formerMarks: [ClosedRange<UInt32>] = [0x19B0...0x19C9, 0x1CF2...0x1CF3]

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        || ("0"..."9").contains(scalar)
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber, .privateUse:
      return !formerMarks.contains { $0.contains(scalar.value) }
    default:
      return false
    }
  }

  /// The FTS5 words of a search token.
  static func split(_ token: String) -> [String] {
    token.unicodeScalars.split(whereSeparator: { !isWordScalar($0) }).map { String($0) }
  }
}
