import Foundation

#if canImport(Glibc)
  import Glibc
#endif

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
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let out = output ?? folder.appendingPathComponent("\(name).out").path
    let err = folder.appendingPathComponent("\(name).err").path
    var stdin = "/dev/null"
    if let input {
      stdin = folder.appendingPathComponent("\(name).in").path
      _ = FileManager.default.createFile(atPath: stdin, contents: Data(input.utf8))
    }
    posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    let words = prefix + [TmuxConsole.binary] + arguments
    var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var env = ProcessInfo.processInfo.environment
    env["GUICHET_DATABASE"] = nil
    env["XDG_DATA_HOME"] = folder.path
    env.merge(environment) { $1 }
    let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in envp { free(pointer) } }
    var pid: pid_t = 0
    let result = posix_spawnp(&pid, words[0], &actions, &attributes, &argv, envp)
    guard result == 0 else { throw Spawn.Failure.spawn(result) }
    return pid
  }

  /// Exit status, or 128 + signal number.
  static func wait(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  }

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
    guard outcome.status == 0 else { throw Spawn.Failure.spawn(outcome.status) }
    return (runner, live)
  }
}
