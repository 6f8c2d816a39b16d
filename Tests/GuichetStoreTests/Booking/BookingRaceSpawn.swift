import Foundation
import GuichetProcess

/// Starts helper processes (`ChildProcess`), each writing to its own output file, and waits for them all.
enum BookingRaceSpawn {
  /// The helper built next to the test bundle, whatever the build folder is.
  static var helper: String? {
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while url.path != "/" {
      let candidate = url.appendingPathComponent("guichet-race-helper").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      url.deleteLastPathComponent()
    }
    return nil
  }

  static func start(_ arguments: [String], outputFile: String) throws -> pid_t {
    try ChildProcess.start(arguments, stdout: outputFile, stderr: outputFile + ".err")
  }

  /// Wait status of a process, once it has ended.
  static func wait(_ pid: pid_t) -> Int32 { ChildProcess.wait(pid) }
}
