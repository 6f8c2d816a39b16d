import GRDB

/// Reads a database file that guichet processes may still hold: read-only, waiting up to 30 s for their
/// locks (a checkpoint on close) instead of GRDB's immediate « database is locked ».
func readDatabase<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
  var configuration = Configuration()
  configuration.readonly = true
  configuration.busyMode = .timeout(30)
  let queue = try DatabaseQueue(path: path, configuration: configuration)
  defer { try? queue.close() }
  return try queue.read(body)
}
