import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// The lists the store returns are in French alphabetical order (the `french` collation of every
/// connection), the same order as `FrenchCollation` in Swift.
@Suite struct FrenchOrderTests {
  static let names = [
    "Villefranche", "CIO Vénissieux", "CIO Villeurbanne", "cio Ambérieu", "L’Arbresle", "L'Isle",
    "La Mulatière", "Écully", "Eybens",
  ]
  static let expected = [
    "cio Ambérieu", "CIO Vénissieux", "CIO Villeurbanne", "Écully", "Eybens", "L’Arbresle",
    "L'Isle", "La Mulatière", "Villefranche",
  ]

  @Test func frenchCollationSortsLettersThenAccentsThenCase() {
    #expect(Self.names.sortedInFrench { $0 } == Self.expected)
    #expect(FrenchCollation.precedes("CIO Vénissieux", "Villefranche"))
    // What byte order did.
    #expect("CIO Villeurbanne" < "CIO Vénissieux")
    #expect(FrenchCollation.precedes("côte", "coter") && FrenchCollation.precedes("cote", "côte"))
    #expect(FrenchCollation.key("L’Arbresle") == "L'Arbresle")
    // A total order: texts that collate alike are still told apart, the same way every time.
    #expect(FrenchCollation.compare("L’Isle", "L'Isle") != .orderedSame)
    #expect(
      FrenchCollation.compare("L’Isle", "L'Isle") == FrenchCollation.compare("L’Isle", "L'Isle"))
    #expect(FrenchCollation.compare("Lyon", "Lyon") == .orderedSame)
  }

  @Test func territoriesAndStructuresComeInFrenchOrder() throws {
    let database = try AppDatabase.inMemory()
    for name in Self.names {
      try database.createTerritory(name: "T \(name)", bassinCodes: ["8411"], by: .commandLine)
    }
    let territories = try database.territories().map(\.name).filter { $0.hasPrefix("T ") }
    #expect(territories == Self.expected.map { "T \($0)" })
    let summaries = try database.territorySummaries(by: .commandLine).map(\.name)
      .filter { $0.hasPrefix("T ") }
    #expect(summaries == Self.expected.map { "T \($0)" })
  }

  @Test func theSQLCollationAgreesWithSwift() throws {
    let database = try AppDatabase.inMemory()
    let sorted = try database.writer.read { db in
      try String.fetchAll(
        db,
        sql:
          "SELECT column1 FROM (VALUES \(Self.names.map { _ in "(?)" }.joined(separator: ", "))) ORDER BY column1 COLLATE french",
        arguments: StatementArguments(Self.names))
    }
    #expect(sorted == Self.expected)
  }
}
