import Foundation
import GuichetCore
import Testing

@testable import GuichetStore

/// Search-input fuzzing, short and untimed (the 1,000,000-query run and its timings are in
/// `guichet bench --only faults`): generated queries through the console's search over the bundled reference
/// data never throw, and the generator really sends what it claims to.
@Suite("Search fuzzing")
struct SearchFuzzTests {
  static let generated = 20_000

  @Test func generatedQueriesAllReturnWithoutAnError() throws {
    let database = try AppDatabase.inMemory(bundledReference: true)
    let figures = try SearchFuzzer.run(generated: Self.generated, seed: 20_261_129, in: database)
    #expect(figures.errors == 0, "\(figures.firstErrors)")
    #expect(figures.queries == SearchFuzzer.fixedQueries.count + Self.generated)
    #expect(figures.milliseconds.count == figures.queries)
    #expect(figures.families["fixed"] == SearchFuzzer.fixedQueries.count)
    for family in SearchQueryGenerator.Family.allCases {
      #expect(figures.families[family.rawValue, default: 0] > 0, "\(family)")
    }
    // Real labels are found; the empty, whitespace and syntax-only queries are not.
    #expect(figures.queriesWithHits > 0 && figures.queriesWithHits < figures.queries)
    #expect(figures.longestQuery >= 10_000)
  }

  static func queries(seed: UInt64, count: Int) -> [String] {
    var generator = SearchQueryGenerator(
      seed: seed, labels: ["Agent d'accueil", "Aide-soignant", "Œnologue"])
    return (0..<count).map { _ in generator.next().query }
  }

  @Test func theSameSeedGivesTheSameQueries() {
    let first = Self.queries(seed: 7, count: 2_000)
    #expect(Self.queries(seed: 7, count: 2_000) == first)
    #expect(Self.queries(seed: 8, count: 2_000) != first)
  }

  @Test func theGeneratorSendsHostileInputOfEveryKind() {
    let queries = Self.queries(seed: 11, count: 5_000)
    func some(_ what: String, _ test: (String) -> Bool) {
      let found = queries.contains(where: test)
      #expect(found, "no query with \(what)")
    }
    func scalars(_ query: String, in range: ClosedRange<UInt32>) -> Bool {
      query.unicodeScalars.contains { range.contains($0.value) }
    }
    some("a C0 control") { scalars($0, in: 0x1...0x1F) }
    some("NUL") { $0.unicodeScalars.contains("\u{0}") }
    some("a C1 control") { scalars($0, in: 0x80...0x9F) }
    some("a combining mark") { scalars($0, in: 0x300...0x36F) }
    some("an emoji") { scalars($0, in: 0x1F300...0x1FAFF) }
    some("right-to-left text") { scalars($0, in: 0x5D0...0x64A) }
    some("a noncharacter") { scalars($0, in: 0xFDD0...0xFDEF) || scalars($0, in: 0xFFFE...0xFFFF) }
    some("FTS5 syntax") { $0.contains("NEAR(") || $0.contains(" AND ") || $0.contains("\"") }
    some("whitespace only") { !$0.isEmpty && $0.allSatisfy(\.isWhitespace) }
    some("a ROME code") { $0.wholeMatch(of: /[A-N][0-9]{4}/) != nil }
    some("an RNCP number") { $0.hasPrefix("RNCP") }
    some("over 10,000 characters") { $0.count > 10_000 }
    some("a prefix of a label") { "agent d'accueil".hasPrefix($0) && $0.count < 15 }
    some("a curly apostrophe") { $0.contains("’") }
    some("a folded ligature") { $0.hasPrefix("oen") }
  }
}
