import Foundation
import GRDB
import GuichetCore

/// What `guichet restore` reports: what came back, and where the replaced database was kept.
public struct RestoreReport: Sendable {
  public var health: DatabaseHealth
  /// The database as it was before the restore (a backup-API copy, or the damaged file moved aside).
  public var previous: String?
  /// Contacts of the backup erased again because the live file's erasure ledger names them.
  public var reerased: Int = 0
  /// The live file was too damaged to read its erasure ledger: erasures made since the backup are not redone.
  public var ledgerUnreadable = false
}

/// Brings a backup back into the live file. Nothing is replaced until the backup passed `integrity_check`
/// and proved to be a Guichet database this version knows. The live file is written through the backup
/// API, not swapped on disk, so a desk that was left open keeps a valid connection (its screen may be stale:
/// desks should be closed first). What was there before is kept next to it, so a wrong restore can be undone.
///
/// An erasure survives a restore: the backup is first copied to a private staging file next to the live one,
/// migrated, given the live file's erasure ledger, and every contact the ledger names is erased there as
/// `person erase` does (consent withdrawn, bookings revoked, search misses with the name removed, the erasure
/// written to the restored trail). Only that scrubbed copy is written into the live file.
public enum DatabaseRestore {
  public static func restore(from backup: String, into live: String, now: Date = Date()) throws
    -> RestoreReport
  {
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
    let ledger = liveLedger(live)
    let staging = try SafeFile.createTemporary(
      in: SafeFile.directory(of: live), named: URL(fileURLWithPath: live).lastPathComponent)
    defer { AppDatabase.remove(staging) }
    let (staged, reerased) = try stage(source, at: staging, ledger: ledger ?? [], now: now)
    defer { try? staged.close() }
    let stamp = Self.stamp()
    var previous: String?
    if FileManager.default.fileExists(atPath: live) {
      previous = try keepPrevious(live, stamp: stamp)
    }
    try DatabaseFile.prepare(path: live)
    do {
      try copy(staged, into: live)
    } catch let error as DatabaseError
      where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
    {
      // The live file is too damaged to be written page by page: start from a new file.
      let aside = live + ".endommagee-\(stamp)"
      try moveAside(live, to: aside)
      previous = aside
      try DatabaseFile.prepare(path: live)
      try StoreErrors.run("Restauration") { try copy(staged, into: live) }
    } catch {
      throw UserError("Restauration impossible : \(StoreErrors.reason(error)).")
    }
    // Opening checks the result like any start; the checkpoint leaves the restored pages in the file only
    // (the staged copy was scrubbed before the copy, so no erasure can be pending here).
    try AppDatabase.open(path: live).completePendingScrub()
    return RestoreReport(
      health: health, previous: previous, reerased: reerased, ledgerUnreadable: ledger == nil)
  }

  /// The erasure ledger of the live file; nil when the file cannot be read (too damaged).
  static func liveLedger(_ live: String) -> [ErasureLedger.Entry]? {
    guard FileManager.default.fileExists(atPath: live) else { return [] }
    do {
      let pool = try AppDatabase.openPool(path: live)
      defer { try? pool.close() }
      return try pool.read { try ErasureLedger.entries($0) }
    } catch {
      return nil
    }
  }

  /// Copies the backup into `staging`, migrates it (a backup made by an older Guichet), carries the live
  /// ledger into it and erases there every contact it names, in one transaction, then scrubs it. Returns the
  /// open staging copy and how many contacts were erased again.
  static func stage(
    _ source: DatabaseQueue, at staging: String, ledger: [ErasureLedger.Entry], now: Date
  ) throws -> (DatabaseQueue, Int) {
    try StoreErrors.run("Préparation de la sauvegarde") {
      let queue = try DatabaseQueue(path: staging, configuration: AppDatabase.configuration())
      do {
        try source.backup(to: queue)
        let database = try AppDatabase(queue)
        let reerased = try queue.write { db in
          try ErasureLedger.carry(ledger, into: db)
          var count = 0
          for consentID in try ErasureLedger.matchingConsents(db) {
            guard let contactID = try AppDatabase.withdraw(db, consentID: consentID, at: now)
            else { continue }
            // The backup's trail predates the erasure: it is written again where it will be read.
            try AuditLog.append(
              db, by: .commandLine, action: .contactErased, subject: "contact",
              subjectID: contactID, at: now)
            count += 1
          }
          return count
        }
        guard try database.completePendingScrub() == .clean else {
          throw UserError("Nettoyage de la sauvegarde impossible : rien n'a été remplacé.")
        }
        return (queue, reerased)
      } catch {
        try? queue.close()
        throw error
      }
    }
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
