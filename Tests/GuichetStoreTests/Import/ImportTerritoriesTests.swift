import Foundation
import GRDB
import Testing

@testable import GuichetStore

/// Territories go into the desk schema's tables, so they are imported into a full `AppDatabase`.
@Suite("Import of territories")
struct ImportTerritoriesTests {
  @Test func importsRhoneAlpesBassinsAndReportsUnnamedCommunes() throws {
    let database = try AppDatabase.inMemory()
    let folder = ReferenceFixture.dataFolder.appendingPathComponent("territories")
    let report = try ReferenceImporter.importDataset(
      .territories, from: folder, into: database.writer)
    #expect(report["bassins"] == 38)
    #expect(report["lignes_communes"] == 2927)
    #expect(report["communes"] == 2745)
    #expect(report["communes_sans_nom"] == 182)
    #expect(report.warnings.count == 1)
    let counts = try database.writer.read { db in
      (try db.scalarCount("bassin"), try db.scalarCount("commune"))
    }
    #expect(counts.0 == 38)
    #expect(counts.1 == 2745)
    // Readable bassin names from the bundle are kept, not replaced by the BMO upper-case labels.
    let name = try database.writer.read { db in
      try String.fetchOne(db, sql: "SELECT name FROM bassin WHERE code = '8426'")
    }
    #expect(name == "Saint-Étienne")
    let matches = try database.communes(matching: "chambery", limit: 3)
    #expect(matches.first?.commune.bassinCode == "8411")

    let again = try ReferenceImporter.importDataset(
      .territories, from: folder, into: database.writer)
    #expect(again.counts == report.counts)
    #expect(try database.writer.read { db in try db.scalarCount("commune") } == 2745)
  }

  @Test func readableBassinNames() {
    #expect(TerritoriesImporter.readable("VALLEE DE L ARVE") == "Vallee de l'Arve")
    #expect(TerritoriesImporter.readable("LYON CENTRE") == "Lyon Centre")
  }
}
