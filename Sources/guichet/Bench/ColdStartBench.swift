import Foundation
import GuichetProcess

#if canImport(Glibc)
  import Glibc
#endif

/// Process start to first frame: runs `guichet first-frame` (console start-up drawing into /dev/null)
/// as a child process on a database holding the bundled reference data, and times it from spawn to exit.
enum ColdStartBench {
  static let measure = BenchMeasure(name: "cold_start") { _ in
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-bench-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = folder.appendingPathComponent("bench.sqlite").path
    let binary = executablePath()
    // The first opening creates and fills the file; it is not part of a cold start.
    guard try spawnAndWait([binary, "first-frame", "--database", database]) == 0 else {
      throw BenchFailure("le premier lancement a échoué")
    }
    var samples: [Double] = []
    for _ in 0..<30 {
      var status: Int32 = 0
      let elapsed = try Clock.measure {
        status = try spawnAndWait([binary, "first-frame", "--database", database])
      }
      guard status == 0 else {
        throw BenchFailure("« guichet first-frame » a échoué (code \(status))")
      }
      samples.append(elapsed)
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: database)[.size] as? Int) ?? 0
    return [
      BenchResult(
        name: "cold_start", unit: "ms", samples: samples,
        extra: ["database_mb": .number(Double(size) / 1_048_576), "target_p99_ms": .number(100)])
    ]
  }

  static func executablePath() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
  }

  /// Runs a child to its end; its output is dropped (the child's « Création de la base… » notice must not
  /// mix with the JSON lines). The exit code, or 128 + signal.
  static func spawnAndWait(_ arguments: [String]) throws -> Int32 {
    ChildProcess.exitCode(ChildProcess.wait(try start(arguments)))
  }

  /// Starts a child of a bench; one that cannot start is a French `BenchFailure`.
  static func start(
    _ arguments: [String], stdout: String = "/dev/null", stderr: String? = "/dev/null"
  )
    throws -> pid_t
  {
    do {
      return try ChildProcess.start(arguments, stdout: stdout, stderr: stderr)
    } catch {
      throw BenchFailure("impossible de lancer \(arguments[0])")
    }
  }
}

struct BenchFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = "Mesure impossible : \(description)." }
}
