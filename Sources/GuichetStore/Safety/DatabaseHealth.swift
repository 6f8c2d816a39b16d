import Foundation
import GRDB
import GuichetCore

/// What `PRAGMA integrity_check` and the migration table say about a file, read without writing to it.
/// Used by `guichet check`, by `guichet backup` on the fresh copy, and by `guichet restore` before it
/// replaces anything.
public struct DatabaseHealth: Sendable {
  /// The first problems SQLite reported; empty when the file is sound.
  public var problems: [String]
  public var visits: Int
  public var bytes: Int
  /// Known migrations applied to the file (an older Guichet's file has fewer; the next open adds them).
  public var migrations: Int

  public var isSound: Bool { problems.isEmpty }

  /// Full check (`integrity_check`, every page and index); `quick` skips the index-content comparison.
  /// Throws a French `UserError` when the file cannot be read as a Guichet database at all.
  public static func check(path: String, quick: Bool = false) throws -> DatabaseHealth {
    guard FileManager.default.fileExists(atPath: path) else {
      throw UserError("Fichier introuvable : « \(path) ».")
    }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = AppDatabase.configuration().busyMode
    do {
      // A foreign file is refused before SQLite opens it; an empty one is no Guichet database either.
      if try DatabaseIdentity.identify(path: path) == .new {
        throw UserError("« \(path) » est vide : ce n'est pas une base Guichet.")
      }
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      return try queue.read { db in
        let pragma = quick ? "quick_check(20)" : "integrity_check(20)"
        let answers = try String.fetchAll(db, sql: "PRAGMA \(pragma)")
        let problems = answers == ["ok"] ? [] : answers
        guard problems.isEmpty else {
          return DatabaseHealth(problems: problems, visits: 0, bytes: size(path), migrations: 0)
        }
        let migrations = try guichetMigrations(db, path: path)
        let visits = try Int.fetchOne(db, sql: "SELECT count(*) FROM visit") ?? 0
        return DatabaseHealth(
          problems: [], visits: visits, bytes: size(path), migrations: migrations)
      }
    } catch let error as UserError {
      throw error
    } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
      return DatabaseHealth(
        problems: [error.message ?? "corruption"], visits: 0, bytes: size(path), migrations: 0)
    } catch {
      throw UserError("Lecture de « \(path) » impossible : \(StoreErrors.reason(error)).")
    }
  }

  /// Counts the applied migrations, refusing a file that is not Guichet's or comes from a newer Guichet.
  static func guichetMigrations(_ db: Database, path: String) throws -> Int {
    let migrator = AppDatabase.migrator
    guard try db.tableExists("grdb_migrations"), try db.tableExists("visit") else {
      throw UserError("« \(path) » est une base SQLite, mais pas une base Guichet.")
    }
    if try migrator.hasBeenSuperseded(db) {
      throw UserError(
        "« \(path) » a été créée par une version plus récente de Guichet : mettez Guichet à jour d'abord."
      )
    }
    let applied = try migrator.appliedIdentifiers(db)
    guard !applied.isEmpty else {
      throw UserError("« \(path) » est une base SQLite, mais pas une base Guichet.")
    }
    return applied.count
  }

  static func size(_ path: String) -> Int {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
  }
}

extension DatabaseHealth {
  /// The French « restore the last backup » message, for commands outside the store.
  public static func damageMessage(path: String) -> String {
    DatabaseDamage.message(path: path)
  }
}
