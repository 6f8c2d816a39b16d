import Foundation
import GRDB
import GuichetCore

/// Whether erased values may still sit in older pages of the `-wal`.
public enum ScrubState: Equatable, Sendable {
  /// The `-wal` was emptied by a TRUNCATE checkpoint and no erasure waits for one.
  case clean
  /// The checkpoint could not finish (another desk is reading) but no erasure waits for one.
  case walBusy
  /// An erasure committed and its checkpoint has not finished yet: the mark stays until one does.
  case pending

  /// What `guichet person erase` and `guichet purge` say while a scrub waits.
  public static let pendingNotice =
    "l'effacement est enregistré, mais le nettoyage des fichiers est en attente : un autre poste lit la base, des copies des coordonnées effacées restent dans le fichier « -wal ». Relancez « guichet purge » (la console le fait aussi au démarrage et chaque jour) : il termine le nettoyage."

  /// Exit code of a command that erased but could not scrub yet.
  public static let pendingExitCode: Int32 = 3
}

extension AppDatabase {
  /// Written in the erasing transaction, so a checkpoint that cannot finish afterwards is not forgotten.
  static func markScrubPending(_ db: Database, at date: Date) throws {
    try db.execute(
      sql: "INSERT INTO erasure_scrub (id, since) VALUES (1, ?) ON CONFLICT (id) DO NOTHING",
      arguments: [date])
  }

  /// Whether an erasure still waits for its checkpoint.
  public func isScrubPending() throws -> Bool {
    try StoreErrors.run("Lecture de l'état du nettoyage") {
      try writer.read { db in
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM erasure_scrub)") ?? false
      }
    }
  }

  /// Moves the WAL's pages into the file and empties it (TRUNCATE; secure_delete already zeroed what was
  /// erased in the pages), so erased values leave no older copy in `-wal`; then clears the scrub mark. Runs
  /// after every erasure, at console start, at each day change and in `guichet purge`. A desk holding a read
  /// longer than the busy timeout keeps the checkpoint from finishing: the mark stays and the next run does it.
  @discardableResult
  public func completePendingScrub() throws -> ScrubState {
    let pending = try isScrubPending()
    guard try truncateWAL() else { return pending ? .pending : .walBusy }
    guard pending else { return .clean }
    try StoreErrors.run("Nettoyage du journal après effacement") {
      try writer.write { db in try db.execute(sql: "DELETE FROM erasure_scrub") }
    }
    // Clearing the mark wrote one page of that table back into the WAL: empty it again if nobody reads.
    _ = try truncateWAL()
    return .clean
  }

  /// A TRUNCATE checkpoint; false when another connection's read kept it from finishing.
  private func truncateWAL() throws -> Bool {
    do {
      try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
      return true
    } catch let error where StoreErrors.isBusy(error) {
      return false
    } catch {
      throw UserError(
        "Nettoyage du journal après effacement impossible : \(StoreErrors.reason(error)).")
    }
  }
}
