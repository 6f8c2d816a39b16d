import GRDB
import Testing

@testable import GuichetStore

/// The MATCH pattern leaves out a typed word that repeats another or starts another, and matches the same rows.
@Suite("Match pattern")
struct MatchPatternTests {
  @Test func repeatsAndPrefixesOfOtherWordsAreLeftOut() {
    #expect(
      ReferenceSearch.matchPattern(tokens: ["rncp", "359", "rncp", "359"]) == "\"rncp\"* \"359\"*")
    #expect(ReferenceSearch.matchPattern(tokens: ["de", "developpeur", "d"]) == "\"developpeur\"*")
    #expect(
      ReferenceSearch.matchPattern(tokens: ["aide", "soignant"]) == "\"aide\"* \"soignant\"*")
    #expect(ReferenceSearch.matchPattern(tokens: ["cap", "cap"]) == "\"cap\"*")
  }

  @Test func theShorterPatternMatchesTheSameRows() throws {
    let queue = try ReferenceFixture.database()
    var matched = 0
    for tokens in [
      ["de", "developpeur", "web"], ["rncp", "3", "rncp", "3"],
      ["a", "agent", "d", "accueil", "acc"],
      ["cap", "c", "ca", "cuisine"], ["mission", "m", "locale", "mission"],
    ] {
      let full = tokens.map { "\"\($0)\"*" }.joined(separator: " ")
      for kind in SearchKind.allCases {
        func rows(_ pattern: String) throws -> [Int64] {
          try queue.read { db in
            try Int64.fetchAll(
              db,
              sql:
                "SELECT rowid FROM \(kind.searchTable) WHERE \(kind.searchTable) MATCH ? ORDER BY rowid",
              arguments: [pattern])
          }
        }
        let expected = try rows(full)
        matched += expected.count
        #expect(
          try rows(ReferenceSearch.matchPattern(tokens: tokens)) == expected, "\(tokens) \(kind)")
      }
    }
    #expect(matched > 0)
  }
}
