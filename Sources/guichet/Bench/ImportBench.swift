import Foundation
import GuichetStore

/// `guichet import all` of the published tree: every dataset read, checked and written in one transaction,
/// into a fresh in-memory database each run (n runs), then once into a new file as the command does it.
enum ImportBench {
  static let measure = BenchMeasure(name: "import_all") { settings in
    try run(settings, runs: 3)
  }

  static func run(_ settings: BenchSettings, runs: Int) throws -> [BenchResult] {
    guard FileManager.default.fileExists(atPath: settings.dataFolder.path) else {
      throw BenchFailure(
        "dossier des données publiées introuvable : \(settings.dataFolder.path) (option --data)")
    }
    var samples: [Double] = []
    var counts: [String: BenchValue] = [:]
    for _ in 0..<runs {
      let database = try AppDatabase.inMemory()
      var reports: [ImportReport] = []
      samples.append(
        try Clock.measure { reports = try database.importAllReference(from: settings.dataFolder) })
      for (key, dataset, count) in [
        ("fiches", ReferenceDataset.rome, "fiches"), ("appellations", .rome, "appellations"),
        ("rncp_fiches", .rncp, "fiches"), ("rncp_rome_links", .rncp, "liens_rome"),
      ] {
        if let value = reports.first(where: { $0.dataset == dataset })?[count] {
          counts[key] = .number(Double(value))
        }
      }
    }
    let disk = try onDisk(settings.dataFolder)
    var extra: [String: BenchValue] = [
      "target_ms": .number(5000), "database": .text("memory"),
      "files_mb": .number(folderMegabytes(settings.dataFolder)),
      "disk_ms": .number(disk),
    ]
    extra.merge(counts) { $1 }
    return [BenchResult(name: "import_all", unit: "ms", samples: samples, extra: extra)]
  }

  /// The same import into a new database file (WAL, synchronous FULL), as `guichet import all` runs it.
  static func onDisk(_ dataFolder: URL) throws -> Double {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-bench-import-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try AppDatabase.open(
      path: folder.appendingPathComponent("import.sqlite").path, bundledReference: false)
    return try Clock.measure { _ = try database.importAllReference(from: dataFolder) }
  }

  static func folderMegabytes(_ folder: URL) -> Double {
    var total = 0
    let files = FileManager.default.enumerator(
      at: folder, includingPropertiesForKeys: [.fileSizeKey])
    while let url = files?.nextObject() as? URL {
      total += (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0) ?? 0
    }
    return Double(total) / 1_048_576
  }
}
