import GuichetCore

/// The form commune names are indexed and queried in: `SearchText` tokens joined by single spaces, with
/// « St »/« Ste » spelt out, so « st etienne », « Saint-Étienne » and « saint  etienne » give the same key.
enum CommuneSearchKey {
  /// Longer queries cannot match any commune name; the cap keeps hostile input cheap.
  static let maximumLength = 80

  static func make(_ text: String) -> String {
    let tokens = SearchText.tokens(String(text.prefix(maximumLength * 4))).map { token in
      switch token {
      case "st": "saint"
      case "ste": "sainte"
      default: token
      }
    }
    return String(tokens.joined(separator: " ").prefix(maximumLength))
  }
}
