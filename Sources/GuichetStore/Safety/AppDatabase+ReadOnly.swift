import Foundation
import GRDB
import GuichetCore

/// A desk's database, and why it may only be browsed when that is the case.
public struct DeskDatabase: Sendable {
  public var database: AppDatabase
  /// nil when the desk can write; otherwise the French reason and what to do, shown on every screen.
  public var readOnly: ReadOnlyReason?
}

extension ReadOnlyReason {
  /// The file failed `integrity_check`: nothing more may be written to it, the last backup must come back.
  public static func damaged(path: String, detail: String? = nil) -> ReadOnlyReason {
    ReadOnlyReason(
      banner: "Base endommagée — lecture seule. Restaurez la sauvegarde : guichet restore",
      message:
        "Base endommagée, rien n'a été enregistré : fermez Guichet sur tous les postes et restaurez la dernière sauvegarde (guichet restore CHEMIN_DE_LA_SAUVEGARDE --database \(path))."
        + (detail.map { " Détail : \($0)." } ?? ""))
  }

  /// The file or its folder cannot be written by this account.
  public static func notWritable(_ reason: String) -> ReadOnlyReason {
    ReadOnlyReason(
      banner: "Base non modifiable — lecture seule. Prévenez qui gère les postes.",
      message: "Base non modifiable, rien n'a été enregistré. " + reason)
  }
}

extension AppDatabase {
  /// Opens the file for a desk. A file this account may not write, or one SQLite finds damaged, is opened
  /// read-only instead of being refused, so the agent can still look things up while the file is mended;
  /// nothing is written to it (no migration, no seeding, a read-only connection).
  public static func openForDesk(path: String) throws -> DeskDatabase {
    try DatabasePath.check(path, missing: .create)
    let exists = FileManager.default.fileExists(atPath: path)
    if exists {
      do {
        _ = try DatabaseIdentity.identify(path: path)
      } catch let error as UserError {
        throw error
      } catch {
        // A damaged file is for `open` and the damage check below, which say how to restore it.
      }
      do {
        try WritableCheck.ensure(path: path)
      } catch let error as UserError {
        return DeskDatabase(
          database: try openReadOnly(path: path), readOnly: .notWritable(error.message))
      }
    }
    do {
      return DeskDatabase(database: try open(path: path), readOnly: nil)
    } catch let error as UserError {
      guard exists, let problem = try damage(path: path) else { throw error }
      // Too damaged even to browse: only the backup can help.
      guard let browsing = try? openReadOnly(path: path) else {
        throw UserError(DatabaseDamage.message(path: path, detail: problem))
      }
      return DeskDatabase(database: browsing, readOnly: .damaged(path: path, detail: problem))
    }
  }

  /// The first problem `quick_check` finds, or nil for a sound file. Throws only when the file cannot be
  /// read as a database at all. The console runs it once after its first frame, so a start never waits on it.
  public func quickCheckProblem() throws -> String? {
    do {
      let answers = try writer.read { try String.fetchAll($0, sql: "PRAGMA quick_check(1)") }
      return answers == ["ok"] ? nil : answers.first ?? "corruption"
    } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
      return error.message ?? "corruption"
    } catch {
      throw UserError("Vérification impossible : \(StoreErrors.reason(error)).")
    }
  }

  static func damage(path: String) throws -> String? {
    guard let health = try? DatabaseHealth.check(path: path, quick: true) else { return nil }
    return health.problems.first
  }

  /// A read-only connection with no migration and no seeding: for browsing a file that must not change.
  static func openReadOnly(path: String) throws -> AppDatabase {
    var configuration = configuration()
    configuration.readonly = true
    return try StoreErrors.run("Ouverture en lecture seule") {
      AppDatabase(unmigrated: try DatabaseQueue(path: path, configuration: configuration))
    }
  }
}
