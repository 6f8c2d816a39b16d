/// What a search hit points at; results are grouped in this order.
public enum SearchKind: String, CaseIterable, Codable, Sendable {
  case occupation
  case certification
  case structure

  /// The FTS5 table of this kind. One table per kind: a prefix query merges the postings of every matching term,
  /// and « spec » in the 17,000 certification titles (« Spécialité … ») must not slow down the métier search.
  var searchTable: String { "search_\(rawValue)" }
}
