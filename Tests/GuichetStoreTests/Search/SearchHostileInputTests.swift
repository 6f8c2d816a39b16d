import Foundation
import GRDB
import Testing

@testable import GuichetStore

/// Whatever is typed or pasted into the search box (the fixed list `SearchFuzzer.fixedQueries`) returns without an
/// error, for every kind of result.
@Suite("Search with hostile input")
struct SearchHostileInputTests {
  @Test(arguments: SearchFuzzer.fixedQueries)
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
