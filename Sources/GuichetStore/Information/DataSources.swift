import Foundation
import GRDB
import GuichetCore

/// Reads the `dataset` rows as the source lines screens show (« Source : … · données de 2024, importées le … »).
enum DataSources {
  static func fetch(_ names: [String], in db: Database) throws -> [DataSource] {
    let rows = try DatasetRecord.filter(names.contains(Column("name"))).fetchAll(db)
    return names.compactMap { name in rows.first { $0.name == name }.map(source) }
  }

  static func source(_ record: DatasetRecord) -> DataSource {
    DataSource(
      name: record.name, source: record.source, version: record.version,
      fileDate: record.fileDate,
      // A format style, not a new ISO8601DateFormatter per row: this runs on every search keystroke.
      importedAt: (try? Date(record.importedAt, strategy: .iso8601))
        ?? Date(timeIntervalSince1970: 0),
      bundled: record.bundled)
  }
}

extension AppDatabase {
  /// Source and freshness of the named datasets (those never loaded are left out), in the order asked.
  public func dataSources(_ datasets: [ReferenceDataset]) throws -> [DataSource] {
    try StoreErrors.run("Lecture des sources") {
      try writer.read { db in try DataSources.fetch(datasets.map(\.rawValue), in: db) }
    }
  }
}
