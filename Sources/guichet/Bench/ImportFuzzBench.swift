import Foundation
import GuichetStore

/// The import-fuzz part of `guichet bench faults`: damaged copies of the published files imported into a scratch
/// database (see `ImportFuzz`). Skipped, with zero figures, when the data folder is absent or
/// `GUICHET_FAULT_IMPORT_FUZZ=0` (the end-to-end fault test, which the store tests already cover for imports).
enum ImportFuzzBench {
  static func run(_ settings: BenchSettings) throws -> (
    figures: ImportFuzz.Figures, seconds: Double
  ) {
    let environment = ProcessInfo.processInfo.environment
    guard environment["GUICHET_FAULT_IMPORT_FUZZ"] != "0",
      FileManager.default.fileExists(atPath: settings.dataFolder.path)
    else { return (ImportFuzz.Figures(), 0) }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-import-fuzz-\(getpid())")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    var figures = ImportFuzz.Figures()
    let milliseconds = try Clock.measure {
      figures = try ImportFuzz.run(
        dataFolder: settings.dataFolder,
        databasePath: scratch.appendingPathComponent("fuzz.sqlite").path, scratch: scratch,
        seed: 20_261_129, random: 20)
    }
    return (figures, milliseconds / 1000)
  }
}
