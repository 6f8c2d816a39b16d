import Foundation
import GuichetCore

/// Search-box input for `SearchFuzzer`, replayable from its seed: what agents type (prefixes of real labels, with
/// and without accents, in any case, with typos), what a search engine reads as syntax (FTS5 operators, quotes,
/// column filters), what a terminal or a paste can send (combining marks, emoji, right-to-left text, C0/C1
/// controls, noncharacters, private-use and unassigned scalars), whitespace only, codes and numbers, and very
/// long text.
public struct SearchQueryGenerator {
  /// The kinds of query, in the order `next` draws them, so a caller can count what it ran.
  public enum Family: String, CaseIterable, Sendable {
    case labelPrefix, variant, syntax, unicode, codes, whitespace, long, mixed
  }

  private var random: SeededRandom
  private let labels: [String]

  /// `labels` are real titles (métiers, certifications, structures); `extraWords` what agents type (the desk list
  /// of `guichet bench search`). At least one label is needed.
  public init(seed: UInt64, labels: [String], extraWords: [String] = []) {
    random = SeededRandom(state: seed)
    let all = labels.filter { !$0.isEmpty } + extraWords.filter { !$0.isEmpty }
    self.labels = all.isEmpty ? ["agent d'accueil"] : all
  }

  public mutating func next() -> (family: Family, query: String) {
    let family: Family
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<26: family = .labelPrefix
    case 26..<42: family = .variant
    case 42..<54: family = .syntax
    case 54..<66: family = .unicode
    case 66..<76: family = .codes
    case 76..<81: family = .whitespace
    case 81..<84: family = .long
    default: family = .mixed
    }
    return (family, query(family))
  }

  mutating func query(_ family: Family) -> String {
    switch family {
    case .labelPrefix: labelPrefix()
    case .variant: variant(labelPrefix())
    case .syntax: syntax()
    case .unicode: unicode()
    case .codes: code()
    case .whitespace: whitespace()
    case .long: long()
    case .mixed:
      (0..<Int.random(in: 2...4, using: &random)).map { _ in
        query(
          [.labelPrefix, .variant, .syntax, .unicode, .codes, .whitespace].randomElement(
            using: &random)!)
      }.joined(separator: pick([" ", "", "-", "\t", "’"]))
    }
  }

  private mutating func pick<T>(_ values: [T]) -> T { values.randomElement(using: &random)! }

  private mutating func chance(_ percent: Int) -> Bool {
    Int.random(in: 0..<100, using: &random) < percent
  }

  /// The first characters of a real label, as typed one key at a time; sometimes the whole label.
  mutating func labelPrefix() -> String {
    let label = Array(pick(labels))
    let length = chance(15) ? label.count : Int.random(in: 1...label.count, using: &random)
    return String(label[..<length])
  }

  /// The same words as people really spell them: folded, upper-case, decomposed (NFD), curly apostrophes,
  /// accents added, hyphens for spaces, a letter dropped, doubled or swapped.
  mutating func variant(_ text: String) -> String {
    switch Int.random(in: 0..<9, using: &random) {
    case 0: return SearchText.normalize(text)
    case 1: return text.uppercased()
    case 2: return text.decomposedStringWithCanonicalMapping
    case 3:
      let apostrophe = pick(["’", "‘", "ʼ", "´", "`", "''"])
      return text.replacingOccurrences(of: "'", with: apostrophe)
        + (chance(30) ? "\(apostrophe)a" : "")
    case 4:
      let accented: [Character: [String]] = [
        "a": ["à", "â", "ä", "a\u{300}"], "e": ["é", "è", "ê", "ë", "e\u{301}"], "i": ["î", "ï"],
        "o": ["ô", "ö", "œ"], "u": ["ù", "û", "ü"], "c": ["ç", "c\u{327}"], "E": ["É", "È"],
      ]
      return text.map { character in
        guard let forms = accented[character], chance(40) else { return String(character) }
        return pick(forms)
      }.joined()
    case 5:
      return text.replacingOccurrences(of: " ", with: pick(["-", "_", "/", "  ", ".", "\u{A0}"]))
    case 6:
      return String(
        text.map { character in chance(50) ? Character(character.uppercased()) : character })
    default:
      var characters = Array(text)
      guard characters.count > 1 else { return text + text }
      let index = Int.random(in: 0..<(characters.count - 1), using: &random)
      switch Int.random(in: 0..<3, using: &random) {
      case 0: characters.remove(at: index)
      case 1: characters.insert(characters[index], at: index)
      default: characters.swapAt(index, index + 1)
      }
      return String(characters)
    }
  }

  /// Pieces of FTS5 (and SQL) syntax among real words.
  static let syntaxPieces = [
    "AND", "OR", "NOT", "NEAR", "NEAR(", "NEAR/3", "^", "*", ":", "\"", "(", ")", "-", "+", "{",
    "}",
    "text:", "key:", "code:", "title:", "{text key}:", "label:x", "-x", "c++", "NEAR(a b, 2)", "'",
    "%", "_", "\\", ";", "--", "/*", "*/", "rowid", "MATCH", "\"\"", "**", ",", "0", "'; DROP",
  ]

  mutating func syntax() -> String {
    (0..<Int.random(in: 1...6, using: &random)).map { _ in
      chance(45) ? String(pick(labels).split(separator: " ").first ?? "x") : pick(Self.syntaxPieces)
    }.joined(separator: chance(70) ? " " : "")
  }

  /// Ranges of scalars a search box should survive; surrogates cannot be in a Swift string, the rest can.
  static let scalarRanges: [ClosedRange<UInt32>] = [
    // C0, DEL, C1
    0x0...0x1F, 0x7F...0x9F,
    // Combining marks
    0x300...0x36F, 0x1AB0...0x1AFF, 0x20D0...0x20FF,
    // Emoji, skin tones, flag letters, tags
    0x1F300...0x1FAFF, 0x1F3FB...0x1F3FF, 0x1F1E6...0x1F1FF, 0xE0020...0xE007F,
    // Invisibles, bidi controls, variation selectors
    0x200B...0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFE00...0xFE0F,
    // Hebrew, Arabic, Arabic-Indic digits
    0x5D0...0x5EA, 0x620...0x64A, 0x660...0x669,
    // Devanagari, Hangul jamo, CJK, full width
    0x900...0x97F, 0x1100...0x11FF, 0x4E00...0x9FFF, 0xFF01...0xFF5E,
    // Mathematical letters, number forms, ², ½
    0x1D400...0x1D7FF, 0x2150...0x218B, 0xB2...0xBE,
    // Specials and noncharacters
    0xFDD0...0xFDEF, 0xFFF9...0xFFFF, 0x1FFFE...0x1FFFF, 0x10FFFE...0x10FFFF,
    // Private use, supplementary variation selectors
    0xE000...0xF8FF, 0xF0000...0xF00FF, 0xE0100...0xE01EF,
    // Around the surrogates, unassigned planes
    0xD7FF...0xD7FF, 0xE000...0xE000, 0x2FFFF...0x3FFFF,
    // Anything
    0x0...0x10FFFF,
  ]

  mutating func scalar() -> Unicode.Scalar {
    while true {
      let range = pick(Self.scalarRanges)
      if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) { return scalar }
    }
  }

  /// Random scalars, alone or among letters of a real label.
  mutating func unicode() -> String {
    var scalars = String.UnicodeScalarView()
    let word = Array(pick(labels).unicodeScalars)
    for index in 0..<Int.random(in: 1...30, using: &random) {
      if chance(40), !word.isEmpty {
        scalars.append(word[index % word.count])
      } else {
        scalars.append(scalar())
      }
    }
    return String(scalars)
  }

  /// ROME codes (M1607), RNCP and RS numbers, bare numbers, digits of other scripts.
  mutating func code() -> String {
    let letter = Character(UnicodeScalar(UInt8.random(in: 0x41...0x4E, using: &random)))
    let digits = String(Int.random(in: 0...9999, using: &random))
    switch Int.random(in: 0..<10, using: &random) {
    case 0: return "\(letter)\(String(repeating: "0", count: 4 - digits.count))\(digits)"
    case 1: return "\(letter)\(digits)".lowercased()
    case 2: return "\(letter) \(digits)"
    case 3: return "RNCP\(Int.random(in: 1...40_000, using: &random))"
    case 4: return "rncp \(String(Int.random(in: 1...40_000, using: &random)).prefix(3))"
    case 5: return "RS\(Int.random(in: 1...7_000, using: &random))"
    case 6: return String(UInt64.random(in: 0...UInt64.max, using: &random))
    case 7:
      return pick(["3.14", "1/2", "10 000", "-5", "0x1F", "1e309", "²³", "½", "Ⅻ", "٣٤", "０７"])
    case 8: return "\(digits) \(pick(labels))"
    default: return String(repeating: digits, count: Int.random(in: 1...20, using: &random))
    }
  }

  static let spaces = [
    " ", "\t", "\n", "\r", "\u{A0}", "\u{2002}", "\u{2009}", "\u{200A}", "\u{2028}", "\u{2029}",
    "\u{3000}", "\u{202F}", "\u{FEFF}", "\u{180E}", "\u{85}", "\u{B}", "\u{C}", "\u{200B}",
  ]

  mutating func whitespace() -> String {
    (0..<Int.random(in: 1...50, using: &random)).map { _ in pick(Self.spaces) }.joined()
  }

  /// 1,000 to 20,000 characters: a piece repeated, many short words, or one letter under thousands of accents.
  mutating func long() -> String {
    let length = Int.random(in: 1_000...20_000, using: &random)
    switch Int.random(in: 0..<4, using: &random) {
    case 0:
      let piece = query(pick([.labelPrefix, .syntax, .unicode, .codes]))
      return String(
        String(repeating: piece + " ", count: length / max(1, piece.count) + 1).prefix(length))
    case 1:
      return (0..<length / 2).map { _ in String(pick(Array("abcdefghijklmnopqrstuvwxyz"))) }
        .joined(separator: " ")
    case 2:
      return "e" + String(repeating: "\u{301}", count: length)
    default:
      var scalars = String.UnicodeScalarView()
      for _ in 0..<length { scalars.append(scalar()) }
      return String(scalars)
    }
  }
}
