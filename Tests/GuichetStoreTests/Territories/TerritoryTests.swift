import Foundation
import GRDB
import GuichetCore
import GuichetTestData
import Testing

@testable import GuichetStore

@Suite struct TerritoryTests {
  @Test func loadsThe38RhoneAlpesBassinsWithOneDefaultTerritoryEach() throws {
    let database = try AppDatabase.inMemory()
    #expect(try Fixtures.count(database, "bassin") == 38)
    #expect(try Fixtures.count(database, "commune") == 2_745)
    #expect(try Fixtures.count(database, "territory_bassin") == 38)
    let names = try database.territories().map(\.name)
    #expect(names.count == 38)
    #expect(names.contains("Bourg-en-Bresse"))
    #expect(names.contains("Saint-Étienne"))
    #expect(names.contains("Vallée de l'Arve"))
    #expect(!names.contains { $0 == $0.uppercased() && $0.count > 4 })
  }

  @Test(arguments: [
    ("73065", "Chambéry", "8411", "Chambéry"),
    ("74010", "Annecy", "8407", "Annecy"),
    ("69123", "Lyon", "8428", "Lyon Centre"),
    ("42218", "Saint-Étienne", "8426", "Saint-Étienne"),
    ("01053", "Bourg-en-Bresse", "8401", "Bourg-en-Bresse"),
  ])
  func knownCommunesMapToTheirBassin(code: String, name: String, bassin: String, territory: String)
    throws
  {
    let database = try AppDatabase.inMemory()
    let match = try #require(
      database.communes(matching: name, limit: 5).first { $0.commune.inseeCode == code })
    #expect(match.commune == Commune(inseeCode: code, name: name, bassinCode: bassin))
    #expect(match.territory.name == territory)
  }

  @Test func theBundleAccountsForEveryBMORowAndReportsTheUnnamedOnes() throws {
    let bundle = try TerritoryBundle.bundled()
    let named = try bundle.rows("communes.tsv", columns: 3)
    let unnamed = try bundle.rows("unnamed_communes.tsv", columns: 2)
    #expect(named.count == 2_745)
    #expect(unnamed.count == 182)
    #expect(named.count + unnamed.count == 2_927)
    #expect(Set(named.map { $0[0] }).isDisjoint(with: unnamed.map { $0[0] }))
    // Lyon's arrondissements have BMO rows but no 2022 name; Lyon itself is named.
    #expect(unnamed.contains { $0[0] == "69381" })
    #expect(named.contains { $0[0] == "69123" })
  }

  @Test func theBundleMatchesTheSharedSourceFile() throws {
    let source = TestData.folder.appendingPathComponent(
      "territories/bmo_bassin_emploi_communes.csv")
    let text = try String(contentsOf: source, encoding: .utf8)
    let departements: Set<String> = ["1", "7", "26", "38", "42", "69", "73", "74"]
    var rows: [String: String] = [:]
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
      let fields = line.split(separator: ",").map(String.init)
      if fields.count >= 4, departements.contains(fields[1]) { rows[fields[2]] = fields[3] }
    }
    #expect(rows.count == 2_927)
    #expect(Set(rows.values).count == 38)
    let bundle = try TerritoryBundle.bundled()
    var bundled: [String: String] = [:]
    for row in try bundle.rows("communes.tsv", columns: 3) { bundled[row[0]] = row[2] }
    for row in try bundle.rows("unnamed_communes.tsv", columns: 2) { bundled[row[0]] = row[1] }
    #expect(bundled.count == rows.count)
    let differing = rows.filter { bundled[$0.key] != $0.value }.keys.sorted()
    #expect(differing.isEmpty, "bassin differs for \(differing.prefix(5))")
  }

  @Test func anAdministratorsTerritoryIsKeptWhenTheBundleIsReloaded() throws {
    let database = try AppDatabase.inMemory()
    try database.writer.write { db in
      try db.execute(sql: "UPDATE territory SET name = 'ZTEF Savoie' WHERE name = 'Chambéry'")
      try db.execute(sql: "UPDATE store_meta SET value = 'stale' WHERE key = 'territories'")
    }
    try Seeding.ensure(database.writer)
    let names = try database.territories().map(\.name)
    #expect(names.count == 38)
    #expect(names.contains("ZTEF Savoie"))
    #expect(!names.contains("Chambéry"))
    #expect(try Fixtures.count(database, "commune") == 2_745)
  }
}
