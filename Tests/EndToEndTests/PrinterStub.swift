import Foundation

/// A stand-in `lp` for consoles that print: a script in its own `bin` folder that keeps what it is sent
/// in `paper`; the console finds it first on `path`.
struct PrinterStub {
  let bin: URL
  let paper: URL

  init(in folder: URL) throws {
    bin = folder.appendingPathComponent("bin")
    paper = folder.appendingPathComponent("papier.txt")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let lp = bin.appendingPathComponent("lp")
    try "#!/bin/sh\ncat > '\(paper.path)'\n".write(to: lp, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: lp.path)
  }

  /// PATH with the stub first.
  var path: String {
    "\(bin.path):\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")"
  }
}
