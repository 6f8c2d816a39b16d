import Foundation
import GRDB
import Testing

@testable import GuichetStore

/// The bundled default dataset: real codes, labels and figures with no import step, and no prose.
@Suite("Bundled reference data")
struct ReferenceBundleTests {
  static let loaded: Result<(DatabaseQueue, [ImportReport]), any Error> = Result {
    let queue = try ReferenceFixture.emptyDatabase()
    let reports = try queue.write { db in try BundledReference.loadIfNeeded(db) }
    return (queue, reports)
  }

  private func count(_ sql: String) throws -> Int {
    try Self.loaded.get().0.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
  }

  @Test func freshDatabaseGetsEveryBundledDatasetWithTheRealCounts() throws {
    let reports = try Self.loaded.get().1
    #expect(reports.map(\.dataset) == BundledReference.datasets)
    #expect(try count("SELECT COUNT(*) FROM occupation") == 1584)
    #expect(try count("SELECT COUNT(*) FROM job_title") == 13120)
    #expect(try count("SELECT COUNT(*) FROM grand_domain") == 14)
    #expect(try count("SELECT COUNT(*) FROM professional_domain") == 110)
    #expect(try count("SELECT COUNT(*) FROM certification") == 17369)
    #expect(try count("SELECT COUNT(*) FROM certification_occupation") == 45165)
    #expect(try count("SELECT COUNT(*) FROM certification_nsf") == 25411)
    #expect(try count("SELECT COUNT(*) FROM bmo") == 7168)
    #expect(try count("SELECT COUNT(*) FROM bmo WHERE recruitments_secret") == 1357)
    #expect(try count("SELECT COUNT(*) FROM salary_median") == 654)
    // 244 orientation structures and 34 partners (2019), 85 France Travail agencies, 8 Transitions Pro
    // contacts and 223 France services.
    #expect(try count("SELECT COUNT(*) FROM orientation_structure") == 594)
  }

  @Test func bundleHoldsNoProse() throws {
    #expect(try count("SELECT COUNT(*) FROM occupation_text") == 0)
    #expect(try count("SELECT COUNT(*) FROM interest_area") == 30)
    #expect(try count("SELECT COUNT(*) FROM interest_area WHERE definition IS NOT NULL") == 0)
    #expect(try count("SELECT COUNT(*) FROM activity_sector WHERE definition IS NOT NULL") == 0)
    let root = try #require(BundledReference.root())
    var bundled = Data()
    let files = try #require(FileManager.default.enumerator(atPath: root.path))
    for case let path as String in files where path.hasSuffix(".csv") || path.hasSuffix(".json") {
      bundled.append(try Data(contentsOf: root.appendingPathComponent(path)))
    }
    #expect(bundled.count > 1_000_000)
    for sentence in [
      "Réalise des travaux agricoles mécanisés", "une multitude de métiers pour mettre en œuvre",
      "Découvrez les métiers juridiques et comptables",
    ] {
      #expect(bundled.range(of: Data(sentence.utf8)) == nil, "« \(sentence) »")
    }
  }

  @Test func datasetRowsSayTheyAreBundledWithTheirSource() throws {
    let rows = try Self.loaded.get().0.read { db in try DatasetRecord.all(db) }
    #expect(rows.count == BundledReference.datasets.count)
    #expect(rows.allSatisfy { $0.bundled && $0.bundleVersion == BundledReference.version() })
    #expect(rows.first { $0.name == "rome" }?.source == "France Travail – ROME 4.0 (v4.60)")
  }

  @Test func searchWorksWithNoImport() throws {
    let hits = try Self.loaded.get().0.read { db in
      try ReferenceSearch.search("boulangere", limit: 3, in: db)
    }
    #expect(hits.first { $0.kind == .occupation }?.code == "D1102")
    #expect(hits.contains { $0.kind == .certification })
  }

  @Test func secondOpenLoadsNothingAndImportsAreNeverReplaced() throws {
    let queue = try ReferenceFixture.emptyDatabase()
    _ = try ReferenceImporter.importDataset(
      .structures, from: ReferenceFixture.dataFolder.appendingPathComponent("structures"),
      into: queue)
    let first = try queue.write { db in try BundledReference.loadIfNeeded(db) }
    #expect(first.map(\.dataset) == BundledReference.datasets.filter { $0 != .structures })
    #expect(try queue.write { db in try BundledReference.loadIfNeeded(db) }.isEmpty)
    // A new release ships a new bundle: bundled datasets reload, the imported one stays.
    try queue.write { db in
      try db.execute(sql: "UPDATE dataset SET bundle_version = 'older' WHERE bundled")
    }
    let version = try #require(BundledReference.version())
    let stale = try queue.read { db in try BundledReference.stale(db, version: version) }
    #expect(stale == BundledReference.datasets.filter { $0 != .structures })
    let structures = try queue.read { db in
      try DatasetRecord.fetchOne(db, key: "structures")
    }
    #expect(structures?.bundled == false)
  }
}
