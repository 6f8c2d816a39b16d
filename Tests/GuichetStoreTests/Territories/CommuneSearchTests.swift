import GuichetCore
import Testing

@testable import GuichetStore

@Suite struct CommuneSearchTests {
  let database: AppDatabase
  init() throws { database = try AppDatabase.inMemory() }

  func first(_ query: String) throws -> String? {
    try database.communes(matching: query, limit: 10).first?.commune.inseeCode
  }

  @Test(arguments: [
    "saint-etienne", "st etienne", "Saint Étienne", "ST-ÉTIENNE", "  saint   etienne ", "st-eti",
  ])
  func findsSaintEtienneHoweverItIsTyped(query: String) throws {
    #expect(try first(query) == "42218")
  }

  @Test(arguments: ["chambery", "Chambéry", "CHAMBER"])
  func findsChambery(query: String) throws {
    #expect(try first(query) == "73065")
  }

  @Test func ranksTheExactAndShorterNamesFirst() throws {
    let vienne = try database.communes(matching: "vienne", limit: 10).map(\.commune.name)
    #expect(vienne.first == "Vienne")
    let names = try database.communes(matching: "saint", limit: 10).map(\.commune.name)
    #expect(names.count == 10)
    let lengths = names.map(\.count)
    #expect(lengths == lengths.sorted())
    // « Chambe » is a prefix of Chambéon and Chambéry alike: same length, so alphabetical.
    #expect(try first("chambe") == "42041")
  }

  @Test func abbreviatedSainteMatches() throws {
    let names = try database.communes(matching: "ste foy", limit: 10).map(\.commune.name)
    #expect(names.contains("Sainte-Foy-lès-Lyon"))
  }

  @Test func aLaterWordIsFoundAfterThePrefixes() throws {
    let names = try database.communes(matching: "etienne", limit: 20).map(\.commune.name)
    #expect(names.contains("Saint-Étienne"))
  }

  @Test func respectsTheLimit() throws {
    #expect(try database.communes(matching: "saint", limit: 7).count == 7)
    #expect(try database.communes(matching: "saint", limit: 0).isEmpty)
  }

  @Test(arguments: [
    "\"", "*", "NEAR", "\"lyon", "lyon*", "'; DROP TABLE commune; --", "%", "_", "\u{1B}[2J", "",
    String(repeating: "a", count: 10_000), String(repeating: "saint ", count: 2_000),
  ])
  func hostileInputIsHarmless(query: String) throws {
    let matches = try database.communes(matching: query, limit: 10)
    #expect(matches.count <= 10)
    #expect(try Fixtures.count(database, "commune") == 2_745)
  }

  @Test func punctuationDoesNotBecomeQuerySyntax() throws {
    #expect(try first("\"lyon\"") == "69123")
    #expect(try database.communes(matching: "%", limit: 10).isEmpty)
  }
}
