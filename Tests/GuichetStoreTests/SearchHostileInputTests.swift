import Foundation
import GRDB
import Testing

@testable import GuichetStore

/// Whatever is typed or pasted into the search box returns without an error.
@Suite("Search with hostile input")
struct SearchHostileInputTests {
  static let inputs: [String] = [
    "", " ", "\"", "\"\"", "'", "*", "**", "-", "--", ":", "a:b", "text:plombier", "NEAR",
    "NEAR(a b)",
    "AND", "OR", "NOT", "a AND b", "plombier OR", "aide-soignant", "agent d'accueil", "\"plombier",
    "plombier\"", "^plombier", "(", ")", "(plombier", "{code}: K1207", "+", "a+b", "%", "_", "\\",
    "'; DROP TABLE occupation; --", "\u{0}", "\u{1B}[2J", "\u{1B}]52;c;aGVsbG8=\u{7}", "\u{7F}",
    "\u{202E}reilbmolp", "😀", "日本語", "ǅ", "\u{FEFF}plombier", "é\u{301}",
    String(repeating: "a", count: 10_000),
    String(repeating: "plombier ", count: 2_000), String(repeating: "\"", count: 10_000),
    String(repeating: "a b ", count: 5_000), "\t\n\r", "NEAR/3", "col1 : col2", "rowid",
    "*plombier",
  ]

  @Test(arguments: inputs)
  func returnsWithoutThrowing(input: String) throws {
    let queue = try ReferenceFixture.database()
    for kind in [nil] + SearchKind.allCases.map(Optional.some) {
      let hits = try queue.read { db in
        try ReferenceSearch.search(input, kind: kind, limit: 10, in: db)
      }
      #expect(hits.count <= 30)
    }
  }

  @Test func emptyInputGivesNoResults() throws {
    let queue = try ReferenceFixture.database()
    for input in ["", "   ", "\"", "*", "-:-", "\u{1B}"] {
      let hits = try queue.read { db in try ReferenceSearch.search(input, in: db) }
      #expect(hits.isEmpty, "« \(input) »")
    }
  }

  @Test func operatorsAreSearchedAsWords() throws {
    let queue = try ReferenceFixture.database()
    let hits = try queue.read { db in
      try ReferenceSearch.search("plombier AND", kind: .occupation, in: db)
    }
    // « and » is only a prefix word like any other: no title has a word starting with it next to plombier.
    #expect(hits.allSatisfy { $0.kind == .occupation })
    let near = try queue.read { db in
      try ReferenceSearch.search("aide-soignant", kind: .occupation, in: db)
    }
    #expect(near.first?.code == "J1501")
  }

  @Test func limitZeroOrNegativeGivesNothing() throws {
    let queue = try ReferenceFixture.database()
    #expect(
      try queue.read { db in try ReferenceSearch.search("plombier", limit: 0, in: db) }.isEmpty)
    #expect(
      try queue.read { db in try ReferenceSearch.search("plombier", limit: -3, in: db) }.isEmpty)
  }
}
