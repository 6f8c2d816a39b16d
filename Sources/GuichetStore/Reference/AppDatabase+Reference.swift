import Foundation
import GRDB
import GuichetCore

/// Reference data through the app database: the bundled default dataset filled on first open,
/// `guichet import`, and search as you type (the one function the console and `guichet search` call).
extension AppDatabase {
  /// Fills the reference tables from the bundled default dataset when a dataset was never imported nor loaded,
  /// or was loaded from an older bundle; an imported dataset is never replaced. Returns what was loaded.
  ///
  /// Cheap when the data is current: one read of the small `dataset` table, whatever the size of the reference data,
  /// so a cold start stays flat. The first fill (about 2 s in release) takes the write lock; a desk opening the same
  /// new file at that moment waits for it, then finds nothing left to load.
  @discardableResult
  public func loadBundledReferenceIfNeeded() throws -> [ImportReport] {
    guard let version = BundledReference.version() else { return [] }
    let stale = try writer.read { db in try BundledReference.stale(db, version: version) }
    if stale.isEmpty { return [] }
    let deadline = Date().addingTimeInterval(120)
    while true {
      do {
        // loadIfNeeded looks again under the lock: another desk may have filled the file meanwhile.
        return try writer.write { db in
          let reports = try BundledReference.loadIfNeeded(db)
          try Self.seedOperators(db, after: reports)
          return reports
        }
      } catch let error as DatabaseError
        where error.resultCode == .SQLITE_BUSY && Date() < deadline
      {
        // Another desk holds the lock for longer than the busy timeout: it is filling the same file.
        continue
      }
    }
  }

  /// Replaces one dataset from its published files, in one transaction (nothing changes when a file is refused).
  /// Throws `ImportError` (file, line, column) for a refused file, `UserError` for a storage failure.
  public func importReference(_ dataset: ReferenceDataset, from url: URL) throws -> ImportReport {
    try importing([(dataset, url)])[0]
  }

  /// Replaces every dataset from the published tree (`../shared/data`), all in one transaction.
  public func importAllReference(from folder: URL) throws -> [ImportReport] {
    try importing(
      ReferenceDataset.allCases.map { ($0, folder.appendingPathComponent($0.defaultFolder)) })
  }

  /// Reads and checks every file first, then writes the datasets and the operator seeding in one transaction,
  /// so a refused file or a failed write leaves the database as it was.
  private func importing(_ sources: [(ReferenceDataset, URL)]) throws -> [ImportReport] {
    try Self.importing {
      let applies = try sources.map { try ReferenceImporter.prepare($0.0, from: $0.1) }
      return try writer.write { db in
        let reports = try applies.map { try $0(db) }
        try Self.seedOperators(db, after: reports)
        return reports
      }
    }
  }

  /// Missions locales, CIO, APEC, France Travail and Transitions Pro of the directory become bookable operator structures once the directory is there
  /// (the booking migration runs before the first reference load, so it found none).
  private static func seedOperators(_ db: Database, after reports: [ImportReport]) throws {
    guard reports.contains(where: { [.structures, .operators].contains($0.dataset) }) else {
      return
    }
    _ = try OperatorSeeding.seedFromDirectory(db)
  }

  static func importing<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as ImportError {
      throw error
    } catch let error as UserError {
      throw error
    } catch {
      throw UserError("Import impossible : \(StoreErrors.reason(error)). Rien n'a été modifié.")
    }
  }

  /// Search as you type over métiers, certifications and structures: hits grouped by kind, ranked within each kind,
  /// at most `limit` per kind. Any text is safe to pass.
  public func searchReference(_ query: String, kind: SearchKind? = nil, limit: Int = 10) throws
    -> [SearchHit]
  {
    try StoreErrors.run("Recherche") {
      try writer.read { db in try ReferenceSearch.search(query, kind: kind, limit: limit, in: db) }
    }
  }

  /// Labels indexed per kind of search result (for `guichet bench`).
  public func searchIndexSizes() throws -> [SearchKind: Int] {
    try writer.read { db in
      var sizes: [SearchKind: Int] = [:]
      for kind in SearchKind.allCases {
        sizes[kind] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(kind.searchTable)") ?? 0
      }
      return sizes
    }
  }

  /// Where the data of each dataset comes from and how old it is, by dataset name.
  public func referenceDatasets() throws -> [DatasetRecord] {
    try StoreErrors.run("Lecture des sources") {
      try writer.read { db in try DatasetRecord.all(db) }
    }
  }
}
