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

  /// Overwrites the start of every page of one table or index (found through `dbstat`), leaving the rest
  /// of the file readable: a damage the console only finds by checking the file.
  static func scribble(pagesOf name: String, in path: String, pageSize: Int = 4096) throws {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(10)
    let pages = try DatabaseQueue(path: path, configuration: configuration).read { db in
      try Int.fetchAll(db, sql: "SELECT pageno FROM dbstat WHERE name = ?", arguments: [name])
    }
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    for page in pages {
      try handle.seek(toOffset: UInt64((page - 1) * pageSize))
      try handle.write(contentsOf: [UInt8](repeating: 0xA5, count: 64))
    }
    try handle.synchronize()
  }

  static func digest(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
  }
}
