import Foundation
import GuichetProcess

/// The real binary as a child process: run to completion, or started in the background to be killed.
/// posix_spawn with an empty signal mask (the test runner's threads block signals), output in files.
struct GuichetRun {
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  let folder: URL
  /// Extra environment (GUICHET_BUSY_TIMEOUT…), on top of the runner's own minus GUICHET_DATABASE.
  var environment: [String: String] = [:]
  /// Run the binary through these words first, e.g. `setpriv --reuid 65534` for an unprivileged account.
  var prefix: [String] = []
  /// What the child reads on stdin (a password for `guichet users`); /dev/null when nil.
  var input: String?
  /// Where the child's stdout goes instead of `<name>.out`: /dev/full for the disk-full export tests.
  var output: String?

  func run(_ arguments: [String]) throws -> Outcome {
    let name = UUID().uuidString
    let pid = try start(arguments, name: name)
    let status = Self.wait(pid)
    return Outcome(
      status: status, stdout: read("\(name).out"), stderr: read("\(name).err"))
  }

  /// Starts the binary without waiting; stdout and stderr go to `<name>.out` and `<name>.err`.
  func start(_ arguments: [String], name: String) throws -> pid_t {
    var stdin = "/dev/null"
    if let input {
      stdin = folder.appendingPathComponent("\(name).in").path
      _ = FileManager.default.createFile(atPath: stdin, contents: Data(input.utf8))
    }
    var env = ProcessInfo.processInfo.environment
    env["GUICHET_DATABASE"] = nil
    env["XDG_DATA_HOME"] = folder.path
    env.merge(environment) { $1 }
    return try ChildProcess.start(
      prefix + [TmuxConsole.binary] + arguments, stdin: stdin,
      stdout: output ?? folder.appendingPathComponent("\(name).out").path,
      stderr: folder.appendingPathComponent("\(name).err").path, mode: 0o644, environment: env,
      searchPath: true)
  }

  /// Exit status, or 128 + signal number.
  static func wait(_ pid: pid_t) -> Int32 { ChildProcess.exitCode(ChildProcess.wait(pid)) }

  func read(_ name: String) -> String {
    (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
  }

  static func temporaryFolder(_ label: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// A new folder whose `live.sqlite` holds `visits` visits written by `guichet selftest-writer`.
  static func seeded(_ label: String, visits: Int, environment: [String: String] = [:]) throws
    -> (GuichetRun, String)
  {
    let runner = GuichetRun(folder: try temporaryFolder(label), environment: environment)
    let live = runner.folder.appendingPathComponent("live.sqlite").path
    let log = runner.folder.appendingPathComponent("seed.log").path
    let outcome = try runner.run([
      "selftest-writer", "--database", live, "--log", log, "--count", "\(visits)",
    ])
    guard outcome.status == 0 else {
      throw ChildProcess.Failure(program: "guichet selftest-writer", code: outcome.status)
    }
    return (runner, live)
  }
}
