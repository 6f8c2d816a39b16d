import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// Opens (creating if needed) the shared database file; every failure becomes a French `UserError`
  /// naming the path, since the agent must be told what to fix rather than see a crash.
  public static func open(path: String) throws -> AppDatabase {
    do {
      try DatabaseFile.prepare(path: path)
      let pool = try DatabasePool(path: path, configuration: configuration())
      // GRDB sets the writer to NORMAL in WAL mode; FULL keeps a committed visit after a power cut.
      try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
      return try AppDatabase(pool)
    } catch let error as UserError {
      throw error
    } catch {
      throw UserError(
        "Impossible d'ouvrir la base de données « \(path) » : \(StoreErrors.reason(error)).")
    }
  }

  /// A private in-memory database with the same schema and seed, for tests and previews.
  public static func inMemory() throws -> AppDatabase {
    try AppDatabase(DatabaseQueue(configuration: configuration()))
  }

  static func configuration() -> Configuration {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    // GRDB's default (.immediateError) made 6 of 8 concurrent openers crash; wait for the lock instead.
    configuration.busyMode = .timeout(10)
    configuration.prepareDatabase { db in
      // Erased personal data must really be gone from the file.
      try db.execute(sql: "PRAGMA secure_delete = ON")
    }
    return configuration
  }
}
