import Foundation
import GRDB
import GuichetCore

/// What `guichet restore` reports: what came back, and where the replaced database was kept.
public struct RestoreReport: Sendable {
  public var health: DatabaseHealth
  /// The database as it was before the restore (a backup-API copy, or the damaged file moved aside).
  public var previous: String?
}

/// Brings a backup back into the live file. Nothing is replaced until the backup passed `integrity_check`
/// and proved to be a Guichet database this version knows. The live file is written through the backup
/// API, not swapped on disk, so a desk that was left open keeps a valid connection (its screen may be stale:
/// desks should be closed first). What was there before is kept next to it, so a wrong restore can be undone.
public enum DatabaseRestore {
  public static func restore(from backup: String, into live: String) throws -> RestoreReport {
    if SafeFile.sameFile(backup, live) {
      throw UserError(
        "La sauvegarde et la base en service sont le même fichier : rien à restaurer.")
    }
    try DatabasePath.check(live, missing: .create)
    if FileManager.default.fileExists(atPath: live) {
      do {
        _ = try DatabaseIdentity.identify(path: live)
      } catch let error as UserError {
        throw error
      } catch {
        // A damaged Guichet file is what a restore is for: it is moved aside below.
      }
    }
    let health = try DatabaseHealth.check(path: backup)
    guard health.isSound else {
      throw UserError(
        "La sauvegarde « \(backup) » est endommagée (\(health.problems.first ?? "")) : rien n'a été remplacé. Essayez une sauvegarde plus ancienne."
      )
    }
    var readOnly = Configuration()
    readOnly.readonly = true
    let source = try StoreErrors.run("Lecture de la sauvegarde") {
      try DatabaseQueue(path: backup, configuration: readOnly)
    }
    defer { try? source.close() }
    let stamp = Self.stamp()
    var previous: String?
    if FileManager.default.fileExists(atPath: live) {
      previous = try keepPrevious(live, stamp: stamp)
    }
    try DatabaseFile.prepare(path: live)
    do {
      try copy(source, into: live)
    } catch let error as DatabaseError
      where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
    {
      // The live file is too damaged to be written page by page: start from a new file.
      let aside = live + ".endommagee-\(stamp)"
      try moveAside(live, to: aside)
      previous = aside
      try DatabaseFile.prepare(path: live)
      try StoreErrors.run("Restauration") { try copy(source, into: live) }
    } catch {
      throw UserError("Restauration impossible : \(StoreErrors.reason(error)).")
    }
    // Opening migrates a backup made by an older Guichet and checks the result like any start.
    _ = try AppDatabase.open(path: live)
    return RestoreReport(health: health, previous: previous)
  }

  static func copy(_ source: DatabaseQueue, into live: String) throws {
    let pool = try AppDatabase.openPool(path: live)
    defer { try? pool.close() }
    try source.backup(to: pool)
  }

  /// A backup of the live file before it is replaced; a file too damaged to be read is moved aside instead.
  static func keepPrevious(_ live: String, stamp: String) throws -> String {
    let copy = live + ".avant-restauration-\(stamp)"
    do {
      let pool = try AppDatabase.openPool(path: live)
      defer { try? pool.close() }
      let target = try DatabaseQueue(path: copy)
      try pool.backup(to: target)
      try target.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
      try target.close()
      _ = chmod(copy, 0o600)
      SafeFile.sync(copy)
      return copy
    } catch {
      AppDatabase.remove(copy)
      let aside = live + ".endommagee-\(stamp)"
      try moveAside(live, to: aside)
      return aside
    }
  }

  static func moveAside(_ live: String, to aside: String) throws {
    for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: live + suffix) {
      try SafeFile.rename(live + suffix, over: aside + suffix)
    }
  }

  static func stamp() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    return formatter.string(from: Date())
  }
}
