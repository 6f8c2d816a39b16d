import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// Opens (creating if needed) the shared database file; every failure becomes a French `UserError`
  /// naming the path, since the agent must be told what to fix rather than see a crash.
  ///
  /// With `bundledReference` (the default), a new file is filled with the bundled default reference dataset
  /// (métiers, certifications, structures…) so search works with no import step; later opens only check it
  /// (one small read). `guichet import` passes false: it writes the datasets itself, and the next open fills the rest.
  ///
  /// Nothing is written before the path passed `DatabasePath.check` and the file proved to be Guichet's (or new):
  /// a foreign file is refused unchanged. Commands that only read pass `missing: .refuse`, so a mistyped
  /// path is an error instead of a new empty database.
  public static func open(
    path: String, bundledReference: Bool = true, missing: DatabasePath.Missing = .create
  ) throws -> AppDatabase {
    do {
      try DatabasePath.check(path, missing: missing)
      if case .create = missing { try DatabaseFile.prepare(path: path) }
      let kind = try DatabaseIdentity.identify(path: path)
      if case .refuse = missing, kind == .new {
        throw UserError(
          "« \(path) » est vide : ce n'est pas encore une base Guichet, et cette commande n'en crée pas. Créez la base avec « guichet init »."
        )
      }
      try WritableCheck.ensure(path: path)
      RecoveryWatch.install
      let pool = try openPool(path: path)
      // GRDB sets the writer to NORMAL in WAL mode; FULL keeps a committed visit after a power cut.
      try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
      try checkAfterRecovery(pool, path: path)
      // Migrating, seeding and the first fill are idempotent: while another desk holds the lock for the first
      // fill (seconds, longer than the busy timeout), wait for it rather than fail.
      let database = try whileAnotherDeskInitialises { try AppDatabase(pool) }
      if bundledReference { try database.loadBundledReferenceIfNeeded() }
      return database
    } catch let error as UserError {
      throw error
    } catch let error where DatabaseDamage.isDamage(error) {
      throw UserError(DatabaseDamage.message(path: path))
    } catch let error as ImportError {
      throw UserError(
        "Données de référence intégrées illisibles (installation abîmée ?) : \(error.description).")
    } catch {
      throw UserError(
        "Impossible d'ouvrir la base de données « \(path) » : \(StoreErrors.reason(error)).")
    }
  }

  static func whileAnotherDeskInitialises<T>(_ body: () throws -> T) throws -> T {
    let deadline = Date().addingTimeInterval(120)
    while true {
      do {
        return try body()
      } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline
      {
        continue
      }
    }
  }

  /// SQLite answers SQLITE_BUSY without waiting when `PRAGMA journal_mode = WAL` meets another desk
  /// opening the same new file, so the busy timeout does not cover it: retry for up to the busy timeout (ten seconds).
  static func openPool(path: String) throws -> DatabasePool {
    let deadline = Date().addingTimeInterval(busyTimeout)
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
  ///
  /// The bundled reference data is opt-in (`bundledReference: true`): it costs about 2 s in release and 8 s in debug
  /// to load, paid once per process by a second template, and most tests do not need it.
  public static func inMemory(bundledReference: Bool = false) throws -> AppDatabase {
    let queue = try DatabaseQueue(configuration: configuration())
    let template = bundledReference ? referenceTemplate : inMemoryTemplate
    try template.get().backup(to: queue)
    return try AppDatabase(queue)
  }

  /// The seeded template plus the bundled reference data, built on first use.
  private static let referenceTemplate: Result<DatabaseQueue, UserError> = {
    do {
      let queue = try DatabaseQueue(configuration: configuration())
      try inMemoryTemplate.get().backup(to: queue)
      try AppDatabase(queue).loadBundledReferenceIfNeeded()
      return .success(queue)
    } catch let error as UserError {
      return .failure(error)
    } catch {
      return .failure(
        UserError("Base de données en mémoire impossible : \(StoreErrors.reason(error))."))
    }
  }()

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
    configuration.busyMode = .callback(ShortBusyWait.callback(timeout: busyTimeout))
    configuration.prepareDatabase { db in
      // Erased personal data must really be gone from the file.
      try db.execute(sql: "PRAGMA secure_delete = ON")
      // Lists people read are ordered `COLLATE french` (never in the schema: other tools could not read it).
      db.add(collation: .french)
    }
    return configuration
  }

  /// Seconds a write waits for another desk's transaction. `GUICHET_BUSY_TIMEOUT` shortens it for the
  /// locked-database tests; anything unreadable keeps the default.
  static var busyTimeout: TimeInterval {
    guard let text = ProcessInfo.processInfo.environment["GUICHET_BUSY_TIMEOUT"],
      let seconds = TimeInterval(text), seconds > 0
    else { return 10 }
    return min(seconds, 600)
  }

  /// Runs `PRAGMA quick_check` only when this process has just replayed a `-wal` left by a crash: checking
  /// every start would cost about 90 ms on a 24 MB file (as much as the whole cold start), and grows with it.
  static func checkAfterRecovery(_ pool: DatabasePool, path: String) throws {
    // The first read transaction is what replays a left-over `-wal`, before any migration writes.
    _ = try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
    guard RecoveryWatch.consume() else { return }
    let answers = try pool.read { try String.fetchAll($0, sql: "PRAGMA quick_check(5)") }
    if answers != ["ok"] {
      throw UserError(DatabaseDamage.message(path: path, detail: answers.first))
    }
  }
}

extension DatabaseCollation {
  /// `ORDER BY name COLLATE french`: the order of `FrenchCollation`, for the lists people read.
  static let french = DatabaseCollation("french") { FrenchCollation.compare($0, $1) }
}
