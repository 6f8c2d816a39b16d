import Foundation
import GRDB
import GuichetCore
import GuichetTestData
import Testing

@testable import GuichetStore

/// InserJeunes by establishment (`inserjeunes-etablissements`) from the real published files: counts, the
/// region's rows only, `nd` kept secret, a broken file refused at its line with nothing changed, and the
/// figures « Se former » reads for an offer's UAI.
@Suite("Outcomes: InserJeunes by establishment")
struct EstablishmentOutcomesTests {
  static let published = TestData.folder.appendingPathComponent("formations")
  static let lycees = "inserjeunes_etablissements_2022-2023_voie_pro.csv"
  static let cfas = "inserjeunes_etablissements_2022-2023_apprentissage.csv"

  static func database() throws -> AppDatabase {
    let database = try AppDatabase.inMemory()
    _ = try ReferenceImporter.importDataset(.establishments, from: published, into: database.writer)
    return database
  }

  static func count(_ database: AppDatabase, _ sql: String) throws -> Int {
    try database.writer.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
  }

  @Test func countsAreTheFilesOwnAndOnlyTheRegionIsKept() throws {
    let report = try ReferenceFixture.report(.establishments)
    #expect(report["lycees"] == 5_605)
    #expect(report["lycees_region"] == 740)
    #expect(report["cfa"] == 2_527)
    #expect(report["cfa_region"] == 324)
    #expect(report["etablissements"] == 694)
    #expect(report.version == "2022-2023")
    #expect(report.description.contains("lignes lycées (voie professionnelle) : 5 605"))
    let database = try Self.database()
    #expect(try Self.count(database, "SELECT count(*) FROM establishment_outcome") == 1_064)
    #expect(
      try Self.count(database, "SELECT count(*) FROM establishment_outcome WHERE kind = 'cfa'")
        == 324)
    // Every UAI is in one of the region's départements (the first three characters).
    #expect(
      try Self.count(
        database,
        """
        SELECT count(*) FROM establishment_outcome
        WHERE substr(uai, 1, 3) NOT IN ('001','003','007','015','026','038','042','043','063','069','073','074')
        """) == 0)
  }

  @Test func aLyceesRowsAndACFAsAreReadAsPublished() throws {
    let database = try Self.database()
    let figures = try database.writer.read { db in
      try OutcomesReader.establishmentOutcomes(of: ["0730012S", "0731302U", "0389999Z"], in: db)
    }
    #expect(figures["0389999Z"] == nil)
    let lycee = try #require(figures["0730012S"])
    #expect(lycee.map(\.population) == [.all, .apprentices, .pupils])
    #expect(
      lycee[0]
        == EstablishmentOutcome(
          uai: "0730012S", name: "Lycée professionnel hôtelier", kind: .lycee, population: .all,
          millesime: "2022_2023", continuingStudies: .percent(42), employedAt6Months: .percent(32),
          otherSituations: .percent(26), employmentRate: .percent(55), expectedRate: .percent(55),
          valueAdded: -1))
    #expect(lycee[1].valueAdded == -3 && lycee[1].employmentRate == .percent(68))
    let greta = try #require(figures["0731302U"])
    #expect(greta.count == 1)
    #expect(greta[0].kind == .cfa && greta[0].population == .all && greta[0].name == "Greta Savoie")
    #expect(greta[0].employmentRate == .percent(72) && greta[0].valueAdded == 0)
  }

  /// `nd` is NULL and read back as secret, never 0: as many NULLs as `nd` cells of the region's rows.
  @Test func notPublishedStaysSecret() throws {
    let database = try Self.database()
    #expect(
      try Self.count(
        database, "SELECT count(*) FROM establishment_outcome WHERE rate_employed_6 IS NULL") == 258
    )
    #expect(
      try Self.count(
        database, "SELECT count(*) FROM establishment_outcome WHERE rate_employed_6 = 0") == 0)
    let panthera = try database.writer.read { db in
      try OutcomesReader.establishmentOutcomes(of: ["0731584A"], in: db)["0731584A"]
    }
    let row = try #require(panthera?.first)
    #expect(
      [
        row.continuingStudies, row.employedAt6Months, row.otherSituations, row.employmentRate,
        row.expectedRate,
      ] == [.secret, .secret, .secret, .secret, .secret])
    #expect(row.valueAdded == nil && row.valueAddedLabel == "secret")
  }

  /// A copy of the two published files with one line of the CFA file changed.
  static func brokenFolder(line: Int, replacing old: String, with new: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-etablissements-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in [lycees, cfas] {
      try FileManager.default.copyItem(
        at: published.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    let file = folder.appendingPathComponent(cfas)
    var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\r\n")
    #expect(lines[line - 1].contains(old))
    lines[line - 1] = lines[line - 1].replacingOccurrences(of: old, with: new)
    try lines.joined(separator: "\r\n").write(to: file, atomically: true, encoding: .utf8)
    return folder
  }

  @Test func aBrokenFileIsRefusedAtItsLineAndChangesNothing() throws {
    let database = try Self.database()
    let before = try database.writer.read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM establishment_outcome ORDER BY uai, kind, population")
    }
    // Line 3 is the PERONNAS CFA: « 38;80;79;1;… »; a rate of 180 % cannot be.
    let folder = try Self.brokenFolder(line: 3, replacing: ";38;80;79;", with: ";38;180;79;")
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = try #require(throws: ImportError.self) {
      try ReferenceImporter.importDataset(.establishments, from: folder, into: database.writer)
    }
    #expect(error.file == Self.cfas)
    #expect(error.line == 3)
    #expect(error.column == 5)
    #expect(error.message.contains("nombre illisible « 180 »"))
    let after = try database.writer.read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM establishment_outcome ORDER BY uai, kind, population")
    }
    #expect(after == before)
  }

  @Test func aBadUAIIsNamedWithItsLine() throws {
    let database = try AppDatabase.inMemory()
    let folder = try Self.brokenFolder(line: 2, replacing: "0010826T;", with: "001082T;")
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = try #require(throws: ImportError.self) {
      try ReferenceImporter.importDataset(.establishments, from: folder, into: database.writer)
    }
    #expect(error.line == 2 && error.column == 1)
    #expect(error.message.contains("code UAI illisible « 001082T »"))
    #expect(try Self.count(database, "SELECT count(*) FROM establishment_outcome") == 0)
  }
}
