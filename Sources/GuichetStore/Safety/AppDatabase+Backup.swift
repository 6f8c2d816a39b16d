import Foundation
import GRDB
import GuichetCore

/// What `guichet backup` reports: where, how big, and the check of the copy itself.
public struct BackupReport: Sendable {
  public var path: String
  public var health: DatabaseHealth
  public var milliseconds: Double
}

extension AppDatabase {
  /// Copies the live database to `path` through SQLite's backup API, inside one read transaction: a
  /// consistent snapshot while other desks keep writing (WAL readers never block writers). The copy is
  /// written to a private temporary file, switched to a single self-contained file (no `-wal`), checked
  /// with `integrity_check`, and only then renamed to `path`, mode 0600.
  public func backup(to path: String, replacing: Bool) throws -> BackupReport {
    let start = Date()
    let fileManager = FileManager.default
    if fileManager.fileExists(atPath: path) {
      guard replacing else {
        throw UserError(
          "Le fichier « \(path) » existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer."
        )
      }
      if SafeFile.sameFile(path, writer.path) {
        throw UserError(
          "« \(path) » est la base en service elle-même : choisissez un autre fichier.")
      }
    }
    let directory = SafeFile.directory(of: path)
    var isFolder: ObjCBool = false
    guard fileManager.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue
    else {
      throw UserError("Le dossier « \(directory) » n'existe pas.")
    }
    let name = URL(fileURLWithPath: path).lastPathComponent
    let temporary = try SafeFile.createTemporary(in: directory, named: name)
    var done = false
    defer { if !done { Self.remove(temporary) } }
    try StoreErrors.run("Sauvegarde") {
      let copy = try DatabaseQueue(path: temporary)
      try writer.backup(to: copy)
      try copy.writeWithoutTransaction { db in
        // The copied header says WAL; a backup must be one file that opens anywhere, even read-only.
        try db.execute(sql: "PRAGMA journal_mode = DELETE")
      }
      try copy.close()
    }
    SafeFile.sync(temporary)
    let health = try DatabaseHealth.check(path: temporary)
    guard health.isSound else {
      throw UserError(
        DatabaseDamage.message(path: writer.path, detail: health.problems.first)
          + "\nAucune sauvegarde n'a été écrite : gardez la précédente.")
    }
    try SafeFile.rename(temporary, over: path)
    done = true
    return BackupReport(
      path: path, health: health, milliseconds: Date().timeIntervalSince(start) * 1000)
  }

  /// Removes a database file and the journals SQLite may have left next to it.
  static func remove(_ path: String) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
  }
}
