import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Starts a child process with posix_spawn, its standard streams on files, for the benches, the fault drill
/// and the tests that drive the real binary. Foundation's Process hung under the parallel test runner and
/// failed to reap tmux clients; and the runner's (and the bench's) threads block signals, so every child
/// starts with an empty signal mask, or a kill drill's SIGKILL-free signals and a console's SIGWINCH would
/// never reach it.
public enum ChildProcess {
  public struct Failure: Error, CustomStringConvertible {
    public var program: String
    public var code: Int32
    public var description: String { "posix_spawn \(program) : \(code)" }

    public init(program: String, code: Int32) {
      self.program = program
      self.code = code
    }
  }

  /// Starts `arguments` (`arguments[0]` a path, or a name looked up on PATH with `searchPath`). Each stream is
  /// a file (created or emptied with `mode` for the outputs) or, for `stderr` nil, this process's own.
  /// `environment` nil passes this process's environment.
  public static func start(
    _ arguments: [String], stdin: String = "/dev/null", stdout: String = "/dev/null",
    stderr: String? = "/dev/null", mode: mode_t = 0o600, environment: [String: String]? = nil,
    searchPath: Bool = false
  ) throws(Failure) -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, mode)
    if let stderr {
      posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, mode)
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let spawn = searchPath ? posix_spawnp : posix_spawn
    var pid: pid_t = 0
    let result: Int32
    if let environment {
      let envp: [UnsafeMutablePointer<CChar>?] =
        environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
      defer { for pointer in envp { free(pointer) } }
      result = spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
    } else {
      result = spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
    }
    guard result == 0 else { throw Failure(program: arguments[0], code: result) }
    return pid
  }

  /// The raw wait status, once the child has ended.
  public static func wait(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return status
  }

  /// The exit code of a wait status, or 128 + the signal that ended the child (as a shell says it).
  public static func exitCode(_ status: Int32) -> Int32 {
    (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  }
}
