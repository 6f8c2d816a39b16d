import Foundation

/// One database created by `guichet init` for the whole test run, copied for each console: the first
/// opening fills the bundled reference data, which takes seconds in a debug build and must not be paid
/// by every end-to-end test. Copying is safe here because no process has the template open. It holds one
/// account per `E2EAccount`, which `TmuxConsole` logs in with.
enum SeededDatabase {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static let templatePrefix = "guichet-e2e-template-"

  static let template: Result<String, Failure> = {
    removeTemplatesOfEndedRuns()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(templatePrefix)\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("template.sqlite").path
    let binary = TmuxConsole.quote(TmuxConsole.binary)
    let database = TmuxConsole.quote(path)
    // One account per role the tests log in as; passwords come on stdin, as an administrator would type them.
    let accounts = E2EAccount.allCases.map { account in
      "printf '%s\\n' \(TmuxConsole.quote(E2EAccount.password)) | \(binary) users add --login \(account.rawValue) --role \(account.role) --database \(database)"
    }
    let command =
      (["\(binary) init --database \(database)"] + accounts).joined(separator: " && ")
      + " 2>&1; echo \"rc=$?\""
    let output =
      (try? Spawn.run(
        ["sh", "-c", command], outputFile: folder.appendingPathComponent("init.out").path)) ?? ""
    guard output.hasSuffix("rc=0\n") else {
      return .failure(Failure(description: "guichet init failed: \(output)"))
    }
    return .success(path)
  }()

  /// The templates (45 MB each) of earlier runs whose test process has ended: nothing removes a folder when the
  /// process exits, so each run would leave one behind. A running process's folder is left alone.
  static func removeTemplatesOfEndedRuns() {
    let temporary = FileManager.default.temporaryDirectory
    let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
    for name in names where name.hasPrefix(templatePrefix) {
      guard let pid = Int32(name.dropFirst(templatePrefix.count)), pid != getpid() else { continue }
      if kill(pid, 0) == -1 && errno == ESRCH {
        try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
      }
    }
  }

  static func copy(to destination: String) throws {
    let source = try template.get()
    for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: source + suffix) {
      try FileManager.default.copyItem(atPath: source + suffix, toPath: destination + suffix)
    }
  }
}

/// The accounts of the seeded database (scrypt at production cost: each costs a second or two in debug).
enum E2EAccount: String, CaseIterable {
  case agent = "accueil"
  case supervisor = "supervision"
  case administrator = "admin"

  static let password = "phrase de passe pour les essais"

  var role: String {
    switch self {
    case .agent: "agent"
    case .supervisor: "superviseur"
    case .administrator: "administrateur"
    }
  }
}
