import Foundation
import GRDB
import GuichetCore

/// Tells a Guichet database from any other file before anything is written to it: opening a pool switches
/// the file to WAL and migrating adds Guichet's 150-odd tables, so a foreign file must be refused first.
///
/// A Guichet file carries `PRAGMA application_id` = 'GCHT' in its header. Files made before the mark
/// existed are recognised by their migration table (only Guichet's migration names) and marked on upgrade.
enum DatabaseIdentity {
  /// 'GCHT' in ASCII, stored big-endian at offset 68 of the SQLite header.
  static let applicationID: Int32 = 0x4743_4854

  enum Kind: Equatable {
    /// An empty file, or an SQLite file with no schema yet: nothing to lose, Guichet may create its tables.
    case new
    /// Guichet's, marked or (older files) recognised by its migrations.
    case guichet(marked: Bool)
  }

  /// What the file at `path` is; throws a French `UserError` for a foreign file, and lets SQLite's
  /// corruption errors through so the caller can say « endommagée » rather than « étrangère ».
  static func identify(path: String) throws -> Kind {
    guard let header = try readHeader(path) else { return .new }
    guard header.count >= 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
      throw UserError(notSQLite(path))
    }
    let stored = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    let mark = Int32(bitPattern: stored)
    if mark == applicationID { return .guichet(marked: true) }
    if mark != 0 { throw UserError(foreign(path)) }
    return try inspect(path: path, walMode: header[18] == 2 || header[19] == 2)
  }

  /// The first 100 bytes, or nil for an empty file. A missing file is for the caller to refuse or create.
  static func readHeader(_ path: String) throws -> [UInt8]? {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw UserError(
        "Impossible de lire « \(path) » : \(SafeFile.frenchReason(errno)).")
    }
    defer { try? handle.close() }
    let bytes = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
    return bytes.isEmpty ? nil : bytes
  }

  /// An unmarked SQLite file: an empty schema is new, a migration table of Guichet's names is an older
  /// Guichet file, anything else is foreign. Read without locks or side files (`immutable=1`), unless
  /// a `-wal` beside it may hold what the main file does not yet (another desk creating the file right now).
  static func inspect(path: String, walMode: Bool) throws -> Kind {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = AppDatabase.configuration().busyMode
    let throughWAL = walMode && FileManager.default.fileExists(atPath: path + "-wal")
    let location = throughWAL ? path : immutableURI(path)
    let queue = try DatabaseQueue(path: location, configuration: configuration)
    defer { try? queue.close() }
    return try queue.read { db in
      if try Int32.fetchOne(db, sql: "PRAGMA application_id") == applicationID {
        return .guichet(marked: true)
      }
      let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
      if objects == 0 { return .new }
      guard try db.tableExists("grdb_migrations") else { throw UserError(foreign(path)) }
      let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
      let known = Set(AppDatabase.migrator.migrations)
      guard !applied.isEmpty, applied.allSatisfy(known.contains) else {
        throw UserError(foreign(path))
      }
      return .guichet(marked: false)
    }
  }

  /// SQLite's URI form, percent-encoding what a URI would misread in a path.
  static func immutableURI(_ path: String) -> String {
    let absolute =
      path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#%")
    let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
    return "file:\(encoded)?immutable=1"
  }

  /// Writes the mark in the same transaction as Guichet's first table (the migration table), so a file
  /// is never left with Guichet's tables and no mark; an older Guichet file gets it at its first writable open.
  static func mark(_ writer: any DatabaseWriter) throws {
    let marked = try writer.read {
      try Int32.fetchOne($0, sql: "PRAGMA application_id") == applicationID
    }
    if marked { return }
    try writer.write { db in
      try db.execute(sql: "PRAGMA application_id = \(applicationID)")
      try db.execute(
        sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
    }
  }

  static func notSQLite(_ path: String) -> String {
    "« \(path) » n'est pas une base de données Guichet (ce n'est pas un fichier SQLite) : Guichet ne l'ouvre pas et n'y a rien écrit. Vérifiez le chemin (--database ou GUICHET_DATABASE) ; si c'est une base Guichet abîmée, mettez-la de côté avant « guichet restore »."
  }

  static func foreign(_ path: String) -> String {
    "« \(path) » est une base SQLite d'un autre logiciel, pas une base Guichet : Guichet ne l'ouvre pas et n'y a rien écrit. Vérifiez le chemin (--database ou GUICHET_DATABASE)."
  }
}
