import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// BMO and the structures directory, placed by territory (through `territory_bassin`).
@Suite("Information: territory")
struct InformationTerritoryTests {
  func territoryID(_ name: String, in database: AppDatabase) throws -> Int64 {
    try #require(try database.territories().first { $0.name == name }?.id)
  }

  @Test func labourNeedsSumTheTerritoryBassinsAndKeepSecrets() throws {
    let database = try InformationFixture.database()
    let id = try territoryID("Chambéry", in: database)
    let needs = try #require(try database.labourNeeds(territoryID: id))
    #expect(needs.year == 2024)
    #expect(needs.bassins.count == 1)
    #expect(needs.source?.source == "France Travail – enquête BMO 2024")
    #expect(!needs.needs.isEmpty)
    let figures = needs.needs.map(\.recruitments.known)
    #expect(figures == figures.sorted(by: >))
    let direct = try database.writer.read { db in
      try Int.fetchOne(
        db,
        sql: """
          SELECT sum(recruitments) FROM bmo WHERE bassin_code IN
            (SELECT bassin_code FROM territory_bassin WHERE territory_id = ?)
          """, arguments: [id])
    }
    #expect(needs.total.known == direct)
    // A figure under statistical secrecy is flagged, never read as 0.
    let secret = try #require(needs.needs.first { $0.recruitments.isSecret })
    #expect(secret.recruitments.share(of: needs.total) == nil)
    #expect(needs.needs.allSatisfy { !$0.recruitments.isSecret || $0.recruitments.hasSecret })
    let top = try #require(needs.needs.first)
    #expect(!top.recruitments.hasSecret)
    if !top.difficult.hasSecret {
      #expect(top.difficult.share(of: top.recruitments) != nil)
    }
  }

  @Test func aTerritoryOfTwoBassinsAddsThemUp() throws {
    let database = try AppDatabase.inMemory()
    _ = try ReferenceImporter.importDataset(
      .bmo, from: ReferenceFixture.dataFolder.appendingPathComponent("labour"),
      into: database.writer)
    let chambery = try territoryID("Chambéry", in: database)
    let annecy = try territoryID("Annecy", in: database)
    let merged: Int64 = try database.writer.write { db in
      try db.execute(sql: "INSERT INTO territory (name) VALUES ('Savoie test')")
      let id = db.lastInsertedRowID
      try db.execute(
        sql: """
          INSERT INTO territory_bassin (territory_id, bassin_code)
          SELECT ?, bassin_code FROM territory_bassin WHERE territory_id IN (?, ?)
          """, arguments: [id, chambery, annecy])
      return id
    }
    let a = try #require(try database.labourNeeds(territoryID: chambery))
    let b = try #require(try database.labourNeeds(territoryID: annecy))
    let both = try #require(try database.labourNeeds(territoryID: merged))
    #expect(both.bassins.count == 2)
    #expect(both.total.known == a.total.known + b.total.known)
    #expect(both.total.hasSecret == (a.total.hasSecret || b.total.hasSecret))
  }

  @Test func structuresOfTheTerritoryComeFirst() throws {
    let database = try InformationFixture.database()
    let id = try territoryID("Bourg-en-Bresse", in: database)
    let directory = try database.structureDirectory(territoryID: id)
    #expect(directory.territory?.name == "Bourg-en-Bresse")
    // 244 orientation structures, 34 partners, 85 France Travail agencies, 8 Transitions Pro, 223 France services.
    #expect(directory.structures.count == 594)
    let places = directory.structures.map(\.place)
    #expect(places == places.sorted())
    let local = directory.structures.filter { $0.place == .territory }
    #expect(local.contains { $0.typeTag == "cio" && $0.city == "Bourg-en-Bresse" })
    #expect(local.allSatisfy { $0.postcode?.hasPrefix("01") == true })
    #expect(directory.structures.contains { $0.place == .departement })
    let cio = try #require(local.first { $0.typeTag == "cio" })
    #expect(cio.typeLabel == "Centre d’information et d’orientation")
    #expect(cio.phone?.isEmpty == false)
    #expect(cio.address?.isEmpty == false)
    #expect(directory.source?.vintage == "2019")
  }

  @Test func almostEveryStructureFindsItsCommune() throws {
    let database = try InformationFixture.database()
    var placed: Set<String> = []
    for territory in try database.territories() {
      for structure in try database.structureDirectory(territoryID: territory.id).structures
      where structure.place == .territory {
        placed.insert(structure.id)
      }
    }
    let all = try database.structureDirectory(territoryID: nil).structures
    let unplaced = all.filter { !placed.contains($0.id) }.map {
      "\($0.city ?? "?") (\($0.postcode ?? "?"))"
    }
    #expect(unplaced.count <= 12, "\(unplaced)")
    #expect(StructureCity.key("LYON CEDEX 07") == "lyon")
    #expect(StructureCity.key("Ambérieu-en-Bugey Cedex") == "amberieu en bugey")
    #expect(StructureCity.key("St-Étienne") == "saint etienne")
  }
}
