import Foundation

/// The alphabetical order of every list people read (the store's `french` SQL collation and the sorts done
/// in Swift): letters first, then accents, then case, as in a French dictionary (« CIO Vénissieux » before
/// « Villefranche », « Écully » before « Eybens »), and a typographic apostrophe sorts as a straight one
/// (« L’Arbresle » and « L'Isle » stay side by side).
public enum FrenchCollation {
  public static let locale = Locale(identifier: "fr_FR")

  /// A total order: two different texts that collate alike are ordered by their Unicode scalars.
  public static func compare(_ left: String, _ right: String) -> ComparisonResult {
    let order = key(left).compare(key(right), options: [], range: nil, locale: locale)
    if order != .orderedSame { return order }
    if left == right { return .orderedSame }
    return left.unicodeScalars.lexicographicallyPrecedes(right.unicodeScalars)
      ? .orderedAscending : .orderedDescending
  }

  public static func precedes(_ left: String, _ right: String) -> Bool {
    compare(left, right) == .orderedAscending
  }

  /// Field by field, the first that differs decides (a shorter list first when one is the other's start).
  public static func precedes(_ left: [String], _ right: [String]) -> Bool {
    for (a, b) in zip(left, right) {
      let order = compare(a, b)
      if order != .orderedSame { return order == .orderedAscending }
    }
    return left.count < right.count
  }

  /// The same text with its apostrophe variants (’ ‘ ʼ) as the straight one.
  public static func key(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { apostrophes.contains($0) }) else { return text }
    return String(
      String.UnicodeScalarView(text.unicodeScalars.map { apostrophes.contains($0) ? "'" : $0 }))
  }

  static let apostrophes: Set<Unicode.Scalar> = ["\u{2019}", "\u{2018}", "\u{02BC}"]
}

extension Sequence {
  /// The elements in French alphabetical order of `name`.
  public func sortedInFrench(by name: (Element) -> String) -> [Element] {
    sorted { FrenchCollation.precedes(name($0), name($1)) }
  }
}
