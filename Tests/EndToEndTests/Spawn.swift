import Foundation
import GuichetProcess

/// Runs a command and waits for it. Output goes through a file, not a pipe, because the tmux server
/// forked by `new-session` would keep a pipe open for ever.
enum Spawn {
  static func run(_ arguments: [String], outputFile: String) throws -> String {
    _ = ChildProcess.wait(try ChildProcess.start(arguments, stdout: outputFile, searchPath: true))
    return (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
  }
}
