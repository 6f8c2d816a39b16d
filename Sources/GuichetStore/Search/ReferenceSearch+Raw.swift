import GRDB

/// What `ReferenceSearch.search` sends to SQLite, so `guichet bench` can run the very same FTS5 query through
/// the bare SQLite C API and print the app's overhead as a ratio.
extension ReferenceSearch {
  /// The MATCH pattern `search` builds for this query (quoted prefix terms), or nil when it holds no word.
  public static func matchPattern(_ query: String) -> String? {
    let tokens = queryTokens(query)
    guard !tokens.isEmpty else { return nil }
    return matchPattern(tokens: tokens)
  }

  /// The candidate query `search` runs for one kind (parameters: pattern, row limit); keep in step with `searchKind`.
  public static func candidateSQL(_ kind: SearchKind) -> String {
    """
    SELECT rowid, key, code, title, subtitle, tier, weight FROM \(kind.searchTable)
    WHERE \(kind.searchTable) MATCH ?
    LIMIT ?
    """
  }

  /// How many candidate rows `search` reads per kind for a given `limit`.
  public static func candidateLimit(_ limit: Int) -> Int {
    max(candidatesPerKind, limit * 4)
  }
}
