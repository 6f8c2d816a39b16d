import Foundation
import GRDB

/// Writes garbage over a database file's pages, as a failing disk or a careless copy would.
enum Damage {
  /// Overwrites the start of every `stride`-th page after the first (which holds the schema) with random
  /// bytes, in place.
  static func scribble(_ path: String, stride: Int = 3, pageSize: Int = 4096) throws {
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    let size = Int(try handle.seekToEnd())
    var generator = SystemRandomNumberGenerator()
    var offset = pageSize
    while offset < size {
      try handle.seek(toOffset: UInt64(offset))
      let garbage = (0..<pageSize / 4).map { _ in UInt8.random(in: 0...255, using: &generator) }
      try handle.write(contentsOf: garbage)
      offset += pageSize * stride
    }
    try handle.synchronize()
  }

  static func digest(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
  }
}
