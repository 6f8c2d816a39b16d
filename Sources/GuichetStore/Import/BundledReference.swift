import Foundation
import GRDB
import GuichetResources

/// The default reference dataset shipped in Resources/data/reference (built by Scripts/build-reference.py):
/// the published files minus prose, read by the same importers as `guichet import`.
/// A fresh install gets real métiers, certifications and structures with no import step.
public enum BundledReference {
  /// Datasets the bundle holds; territories are bundled with the desk schema (TerritoryBundle).
  public static let datasets: [ReferenceDataset] = [
    .rome, .romeTree, .rncp, .bmo, .salaries, .structures, .operators, .diplomas, .certifinfo,
    .inserjeunes, .establishments, .tensions,
  ]

  /// Folder of the bundled files, or nil when the installation has none.
  static func root() -> URL? { BundledData.url("reference") }

  /// Content hash of the bundle, or nil when the installation has none.
  public static func version() -> String? {
    guard let url = BundledData.url("reference/VERSION"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { return nil }
    let version = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return version.isEmpty ? nil : version
  }

  /// Datasets to load: those never imported nor loaded, or loaded from an older bundle. An imported dataset is never replaced.
  /// One small read of the `dataset` table, whatever the size of the reference data.
  public static func stale(_ db: Database, version: String) throws -> [ReferenceDataset] {
    let rows = try DatasetRecord.all(db)
    return datasets.filter { dataset in
      guard let row = rows.first(where: { $0.name == dataset.rawValue }) else { return true }
      return row.bundled && row.bundleVersion != version
    }
  }

  /// Loads the stale datasets inside the caller's transaction and returns their reports (empty when nothing was due).
  @discardableResult
  public static func loadIfNeeded(_ db: Database) throws -> [ImportReport] {
    guard let version = version(), let root = root() else { return [] }
    return try stale(db, version: version).map { dataset in
      let apply = try ReferenceImporter.prepare(
        dataset, from: root.appendingPathComponent(dataset.defaultFolder), bundleVersion: version)
      return try apply(db)
    }
  }
}

/// Fills the reference tables from the bundled default dataset on first open (and after an upgrade that ships
/// a new bundle), unless the agent imported that dataset. Call it inside a write transaction.
public func loadBundledReferenceIfNeeded(_ db: Database) throws {
  try BundledReference.loadIfNeeded(db)
}
