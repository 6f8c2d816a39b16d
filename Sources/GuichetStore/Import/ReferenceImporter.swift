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
  static func prepare(_ dataset: ReferenceDataset, from url: URL) throws -> (Database) throws ->
    ImportReport
  {
    switch dataset {
    case .rome: try stage(url, RomeImporter.read, RomeImporter.write)
    case .romeTree: try stage(url, RomeTreeImporter.read, RomeTreeImporter.write)
    case .rncp: try stage(url, RNCPImporter.read, RNCPImporter.write)
    case .territories: try stage(url, TerritoriesImporter.read, TerritoriesImporter.write)
    case .bmo: try stage(url, BMOImporter.read, BMOImporter.write)
    case .salaries: try stage(url, SalariesImporter.read, SalariesImporter.write)
    case .structures: try stage(url, StructuresImporter.read, StructuresImporter.write)
    }
  }

  private static func stage<Files>(
    _ url: URL, _ read: (inout SourceFolder) throws -> Files,
    _ write: @escaping (Files, Database) throws -> ImportReport
  ) throws -> (Database) throws -> ImportReport {
    var folder = try SourceFolder(url)
    let files = try read(&folder)
    let used = folder
    return { db in try finish(write(files, db), used, db) }
  }

  private static func finish(_ report: ImportReport, _ folder: SourceFolder, _ db: Database) throws
    -> ImportReport
  {
    try DatasetRecord.record(report, fileDate: folder.fileDate, in: db)
    return report
  }
}
