import GRDB
import Testing

@testable import GuichetStore

/// Every scalar a query term may hold is a word character for the linked SQLite's tokenizer, so no term is
/// ever read as a phrase (which the `detail = none` index refuses).
@Suite("FTS5 words")
struct FTSWordTests {
  /// Throws when a term of the batch is more than one token for the search index's tokenizer.
  static func match(_ scalars: ArraySlice<Unicode.Scalar>, in db: Database) throws {
    let pattern = scalars.map { scalar in
      var term = String.UnicodeScalarView()
      term.append(contentsOf: ["\"", "a", scalar, "b", "\"", "*"])
      return String(term)
    }.joined(separator: " ")
    _ = try Int.fetchOne(
      db, sql: "SELECT count(*) FROM search_occupation WHERE search_occupation MATCH ?",
      arguments: [pattern])
  }

  /// The scalars of a failing batch that are not word characters, found by halving it.
  static func offenders(_ scalars: ArraySlice<Unicode.Scalar>, in db: Database) -> [UInt32] {
    guard (try? match(scalars, in: db)) == nil else { return [] }
    guard scalars.count > 1 else { return scalars.map(\.value) }
    let middle = scalars.startIndex + scalars.count / 2
    return offenders(scalars[..<middle], in: db) + offenders(scalars[middle...], in: db)
  }

  @Test func everyWordScalarIsOneTokenForSQLite() throws {
    let queue = try DatabaseQueue()
    try queue.write { db in
      try db.execute(sql: SearchIndex.createTableSQL(.occupation))
      try db.execute(sql: "INSERT INTO search_occupation(text) VALUES ('abc')")
    }
    let words = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter(FTSWord.isWordScalar)
    #expect(words.count > 100_000)
    var wrong: [UInt32] = []
    try queue.read { db in
      for start in stride(from: 0, to: words.count, by: 200) {
        wrong += Self.offenders(words[start..<min(start + 200, words.count)], in: db)
      }
    }
    #expect(wrong.isEmpty, "\(wrong.prefix(20).map { String($0, radix: 16) })")
  }

  @Test func aLetterWithAMarkOrASkinToneIsSplitNotAPhrase() throws {
    let queue = try ReferenceFixture.database()
    for query in [
      "t\u{1F3FE}x", "e\u{20D0}du", "a\u{FE0F}b", "ᄀ\u{200D}a", "x\u{E0100}y", "\u{19B0}ab",
    ] {
      #expect(ReferenceSearch.queryTokens(query).count <= 2, "\(query.debugDescription)")
      _ = try queue.read { db in try ReferenceSearch.search(query, in: db) }
    }
    #expect(FTSWord.split("educ\u{301}") == ["educ"])
    #expect(ReferenceSearch.queryTokens("Œnologue d’accueil") == ["oenologue", "d", "accueil"])
  }
}
