import Foundation

/// One database created by `guichet init` for the whole test run, copied for each console: the first
/// opening fills the bundled reference data, which takes seconds in a debug build and must not be paid
/// by every end-to-end test. Copying is safe here because no process has the template open.
enum SeededDatabase {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static let template: Result<String, Failure> = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-e2e-template-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("template.sqlite").path
    let command =
      "\(TmuxConsole.quote(TmuxConsole.binary)) init --database \(TmuxConsole.quote(path)) 2>&1; echo \"rc=$?\""
    let output =
      (try? Spawn.run(
        ["sh", "-c", command], outputFile: folder.appendingPathComponent("init.out").path)) ?? ""
    guard output.hasSuffix("rc=0\n") else {
      return .failure(Failure(description: "guichet init failed: \(output)"))
    }
    return .success(path)
  }()

  static func copy(to destination: String) throws {
    let source = try template.get()
    for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: source + suffix) {
      try FileManager.default.copyItem(atPath: source + suffix, toPath: destination + suffix)
    }
  }
}
