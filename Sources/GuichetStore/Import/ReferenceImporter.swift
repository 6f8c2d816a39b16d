import Foundation
import GRDB

/// Entry point of `guichet import`: files are read and checked first, then written in one transaction,
/// so a bad file changes nothing and a re-import replaces the dataset's previous rows.
public enum ReferenceImporter {
  /// Imports one dataset from its folder (or one of its files).
  public static func importDataset(
    _ dataset: ReferenceDataset, from url: URL, into writer: any DatabaseWriter
  ) throws -> ImportReport {
    let apply = try prepare(dataset, from: url)
    return try writer.write { db in try apply(db) }
  }

  /// Imports every dataset found under the published tree, all in one transaction.
  /// `datasets` lets a caller leave one out (e.g. territories before the desk schema exists).
  public static func importAll(
    from folder: URL, datasets: [ReferenceDataset] = ReferenceDataset.allCases,
    into writer: any DatabaseWriter
  ) throws -> [ImportReport] {
    let applies = try datasets.map { dataset in
      try prepare(dataset, from: folder.appendingPathComponent(dataset.defaultFolder))
    }
    return try writer.write { db in try applies.map { try $0(db) } }
  }

  /// Reads the files now and returns the write step, to run inside a transaction.
  /// `bundleVersion` is set when the files are the bundled default dataset, which holds no prose.
  static func prepare(_ dataset: ReferenceDataset, from url: URL, bundleVersion: String? = nil)
    throws -> (Database) throws -> ImportReport
  {
    let bundle = bundleVersion
    switch dataset {
    case .rome:
      return try stage(
        url, bundle, { try RomeImporter.read(&$0, texts: bundle == nil) }, RomeImporter.write)
    case .romeTree: return try stage(url, bundle, RomeTreeImporter.read, RomeTreeImporter.write)
    case .rncp: return try stage(url, bundle, RNCPImporter.read, RNCPImporter.write)
    case .territories:
      return try stage(url, bundle, TerritoriesImporter.read, TerritoriesImporter.write)
    case .bmo: return try stage(url, bundle, BMOImporter.read, BMOImporter.write)
    case .salaries: return try stage(url, bundle, SalariesImporter.read, SalariesImporter.write)
    case .structures:
      return try stage(url, bundle, StructuresImporter.read, StructuresImporter.write)
    case .operators:
      return try stage(url, bundle, OperatorsImporter.read, OperatorsImporter.write)
    case .diplomas:
      return try stage(url, bundle, DiplomaCodesImporter.read, DiplomaCodesImporter.write)
    case .certifinfo:
      return try stage(url, bundle, CertifInfoImporter.read, CertifInfoImporter.write)
    case .inserjeunes:
      return try stage(url, bundle, InserJeunesImporter.read, InserJeunesImporter.write)
    case .establishments:
      return try stage(
        url, bundle, EstablishmentOutcomesImporter.read, EstablishmentOutcomesImporter.write)
    case .tensions: return try stage(url, bundle, TensionsImporter.read, TensionsImporter.write)
    }
  }

  private static func stage<Files>(
    _ url: URL, _ bundleVersion: String?, _ read: (inout SourceFolder) throws -> Files,
    _ write: @escaping (Files, Database) throws -> ImportReport
  ) throws -> (Database) throws -> ImportReport {
    var folder = try SourceFolder(url)
    let files = try read(&folder)
    let used = folder
    return { db in
      let report = try write(files, db)
      try DatasetRecord.record(
        report, fileDate: used.fileDate, bundleVersion: bundleVersion, in: db)
      return report
    }
  }
}
