import Foundation
import GuichetStore

#if canImport(Glibc)
  import Glibc
#endif

/// Rounds of a few `guichet selftest-writer` processes killed with SIGKILL at random moments; after each
/// round the file must pass `integrity_check` and hold every write a writer logged as acknowledged.
enum KillDrill {
  struct Figures {
    var rounds = 0
    var killed = 0
    var acknowledged = 0
    var lost = 0
    var integrityFailures = 0
    /// Writers that died on their own (not by our SIGKILL), or exited with an error.
    var crashes = 0
  }

  static func run(rounds: Int, writers: Int, folder: URL) throws -> Figures {
    let database = folder.appendingPathComponent("drill.sqlite").path
    let binary = ColdStartBench.executablePath()
    var arrived = Set<Int64>()
    var closed = Set<Int64>()
    var figures = Figures()
    // The first writer creates the file, so rounds kill writers at work rather than at creation.
    let setup = folder.appendingPathComponent("setup.log").path
    guard
      try ColdStartBench.spawnAndWait(writer(binary, database, setup, "0") + ["--count", "1"]) == 0
    else { throw BenchFailure("le premier écrivain a échoué") }
    for round in 0..<rounds {
      var children: [pid_t] = []
      var logs: [String] = []
      for index in 0..<writers {
        let log = folder.appendingPathComponent("round\(round)-\(index).log").path
        logs.append(log)
        children.append(try spawn(writer(binary, database, log, "\(index)")))
      }
      for child in children.shuffled() {
        usleep(UInt32.random(in: 20_000...160_000))
        kill(child, SIGKILL)
      }
      for child in children {
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 && errno == EINTR {}
        if (status & 0x7f) == SIGKILL { figures.killed += 1 } else { figures.crashes += 1 }
      }
      for log in logs {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
          let parts = line.split(separator: " ")
          guard parts.count == 2, let id = Int64(parts[1]) else { continue }
          figures.acknowledged += 1
          if parts[0] == "a" { arrived.insert(id) } else { closed.insert(id) }
        }
      }
      let outcome = try DrillCheck.verify(path: database, arrived: arrived, closed: closed)
      figures.rounds += 1
      figures.lost = outcome.lost
      if !outcome.integrityProblems.isEmpty { figures.integrityFailures += 1 }
    }
    return figures
  }

  static func writer(_ binary: String, _ database: String, _ log: String, _ desk: String)
    -> [String]
  {
    [binary, "selftest-writer", "--database", database, "--log", log, "--desk", "Poste \(desk)"]
  }

  /// Starts a child with an empty signal mask and no terminal; output is discarded.
  static func spawn(_ arguments: [String]) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for descriptor: Int32 in [0, 1, 2] {
      posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_RDWR, 0)
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ) == 0 else {
      throw BenchFailure("impossible de lancer \(arguments[0])")
    }
    return pid
  }
}
