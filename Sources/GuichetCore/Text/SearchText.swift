import Foundation

/// One normal form for text that is searched, so typed queries and indexed labels meet:
/// lower case, no accents, ligatures unfolded (œ→oe, æ→ae), typographic apostrophes made straight.
public enum SearchText {
  public static func normalize(_ text: String) -> String {
    var result = SafeText.clean(text).precomposedStringWithCanonicalMapping
    for (from, to) in [("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"), ("’", "'"), ("‘", "'")] {
      result = result.replacingOccurrences(of: from, with: to)
    }
    return result.folding(
      options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR"))
  }

  /// Words of a query: letters and digits only, so punctuation never becomes query syntax.
  public static func tokens(_ text: String) -> [String] {
    normalize(text)
      .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
      .map(String.init)
  }
}
