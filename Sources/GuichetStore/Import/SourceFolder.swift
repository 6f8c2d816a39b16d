import Foundation

/// A folder of published files, located by name prefix so a newer release (`_v461_`) is read without a code change.
struct SourceFolder {
  var url: URL
  private var names: [String]
  /// Files actually read, for the dataset's file date.
  private(set) var used: [URL] = []

  /// `url` may be the folder or one of its files.
  init(_ url: URL) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw ImportError(file: url.path, message: "introuvable", isFolder: true)
    }
    self.url = isDirectory.boolValue ? url : url.deletingLastPathComponent()
    names = (try? FileManager.default.contentsOfDirectory(atPath: self.url.path))?.sorted() ?? []
  }

  /// The file whose name starts with `prefix` and ends with `suffix`, the last one in name order if several.
  mutating func file(_ prefix: String, suffix: String = ".csv") throws -> URL {
    guard let name = names.last(where: { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }) else {
      throw ImportError(
        file: url.lastPathComponent, message: "fichier « \(prefix)…\(suffix) » absent",
        isFolder: true)
    }
    let file = url.appendingPathComponent(name)
    used.append(file)
    return file
  }

  /// Reads and parses the CSV file with that prefix.
  mutating func csv(_ prefix: String) throws -> CSVFile {
    try CSVFile.read(file(prefix))
  }

  /// The newest modification day of the files read, `yyyy-MM-dd`.
  var fileDate: String? {
    let dates = used.compactMap {
      (try? FileManager.default.attributesOfItem(atPath: $0.path))?[.modificationDate] as? Date
    }
    return dates.max().map(DatasetRecord.day)
  }
}
