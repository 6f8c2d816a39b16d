import Foundation
import GRDB
import GuichetTestData
import Testing

@testable import GuichetStore

/// The real published files (`../shared/data` beside the package) imported once for all reference tests.
enum ReferenceFixture {
  /// The folder holding `Package.swift` above this file, whatever sub-folder the tests sit in.
  static let packageRoot: URL = {
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(
      atPath: folder.appendingPathComponent("Package.swift").path),
      folder.pathComponents.count > 1
    {
      folder.deleteLastPathComponent()
    }
    return folder
  }()
  static let dataFolder = TestData.folder

  /// Datasets whose tables this module owns (territories write into the desk schema's tables).
  static let referenceDatasets = ReferenceDataset.allCases.filter { $0 != .territories }

  /// An empty in-memory database with the reference schema only.
  static func emptyDatabase() throws -> DatabaseQueue {
    let queue = try DatabaseQueue()
    var migrator = DatabaseMigrator()
    migrator.registerReferenceMigrations()
    migrator.registerOutcomesMigration()
    migrator.registerEstablishmentOutcomesMigration()
    try migrator.migrate(queue)
    return queue
  }

  /// Every reference dataset imported from the real files, built on first use and shared (read-only by convention).
  static let imported: Result<(DatabaseQueue, [ImportReport]), any Error> = Result {
    let queue = try emptyDatabase()
    let reports = try ReferenceImporter.importAll(
      from: dataFolder, datasets: referenceDatasets, into: queue)
    return (queue, reports)
  }

  static func database() throws -> DatabaseQueue { try imported.get().0 }

  static func report(_ dataset: ReferenceDataset) throws -> ImportReport {
    try #require(try imported.get().1.first { $0.dataset == dataset })
  }

  /// A temporary copy of one published folder, to corrupt without touching the originals.
  static func copyOfFolder(_ name: String) throws -> URL {
    let target = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-ref-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    for file in try FileManager.default.contentsOfDirectory(
      atPath: dataFolder.appendingPathComponent(name).path)
    {
      let destination = target.appendingPathComponent(file)
      try FileManager.default.copyItem(
        at: dataFolder.appendingPathComponent(name).appendingPathComponent(file), to: destination)
      try FileManager.default.setAttributes(
        [.posixPermissions: 0o644], ofItemAtPath: destination.path)
    }
    return target
  }
}

@Suite("Reference fixture")
struct ReferenceFixtureTests {
  @Test func everyImportedDatasetIsRecordedWithSourceAndDates() throws {
    let rows = try ReferenceFixture.database().read { db in try DatasetRecord.all(db) }
    #expect(Set(rows.map(\.name)) == Set(ReferenceFixture.referenceDatasets.map(\.rawValue)))
    for row in rows {
      #expect(!row.source.isEmpty)
      #expect(row.fileDate?.count == 10)
      #expect(row.importedAt.hasPrefix("20"))
      #expect(!row.bundled)
    }
    let rome = try #require(rows.first { $0.name == "rome" })
    #expect(rome.version == "v4.60")
    #expect(rome.source == "France Travail – ROME 4.0 (v4.60)")
    #expect(rome.counts.contains("fiches=1584"))
  }

  @Test func reportsPrintTheirCountsInFrench() throws {
    let text = try ReferenceFixture.report(.rome).description
    #expect(text.contains("fiches métier : 1 584"))
    #expect(text.contains("appellations : 13 120"))
  }
}
