import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// Opens (creating if needed) the shared database file; every failure becomes a French `UserError`
  /// naming the path, since the agent must be told what to fix rather than see a crash.
  public static func open(path: String) throws -> AppDatabase {
    do {
      try DatabaseFile.prepare(path: path)
      let pool = try openPool(path: path)
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

  /// SQLite answers SQLITE_BUSY without waiting when `PRAGMA journal_mode = WAL` meets another desk
  /// opening the same new file, so the busy timeout does not cover it: retry for up to ten seconds.
  static func openPool(path: String) throws -> DatabasePool {
    let deadline = Date().addingTimeInterval(10)
    while true {
      do {
        return try DatabasePool(path: path, configuration: configuration())
      } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline
      {
        Thread.sleep(forTimeInterval: .random(in: 0.01...0.05))
      }
    }
  }

  /// A private in-memory database with the same schema and seed, for tests and previews. It is copied
  /// from one seeded template per process (loading the territories costs a third of a second in debug).
  public static func inMemory() throws -> AppDatabase {
    let queue = try DatabaseQueue(configuration: configuration())
    try inMemoryTemplate.get().backup(to: queue)
    return try AppDatabase(queue)
  }

  private static let inMemoryTemplate: Result<DatabaseQueue, UserError> = {
    do {
      let queue = try DatabaseQueue(configuration: configuration())
      _ = try AppDatabase(queue)
      return .success(queue)
    } catch {
      return .failure(
        UserError("Base de données en mémoire impossible : \(StoreErrors.reason(error))."))
    }
  }()

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
