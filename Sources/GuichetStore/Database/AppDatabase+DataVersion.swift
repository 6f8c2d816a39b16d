import GRDB

extension AppDatabase {
  /// `PRAGMA data_version` of the writer connection: it changes when another connection (another desk's
  /// process) commits, so the console polls it on a tick instead of re-reading. This process's own writes
  /// do not change it. Read outside any transaction, so it never waits for or blocks other desks.
  public func dataVersion() throws -> Int {
    try StoreErrors.run("Lecture de l'état de la base") {
      try writer.writeWithoutTransaction { db in
        try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
      }
    }
  }
}
