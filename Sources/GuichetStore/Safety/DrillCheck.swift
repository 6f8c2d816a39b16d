import Foundation
import GRDB
import GuichetCore

/// The check after a kill -9 round: the file is sound, and every write a writer logged as acknowledged
/// is there (arrivals exist, closings are closed). Opening it read-write lets SQLite replay the `-wal`.
public enum DrillCheck {
  public struct Outcome: Sendable {
    public var integrityProblems: [String]
    public var lost: Int
  }

  public static func verify(path: String, arrived: Set<Int64>, closed: Set<Int64>) throws -> Outcome
  {
    try StoreErrors.run("Vérification") {
      let queue = try DatabaseQueue(path: path, configuration: AppDatabase.configuration())
      defer { try? queue.close() }
      return try queue.read { db in
        let answers = try String.fetchAll(db, sql: "PRAGMA integrity_check(5)")
        let present = Set(try Int64.fetchAll(db, sql: "SELECT id FROM visit"))
        let done = Set(
          try Int64.fetchAll(db, sql: "SELECT id FROM visit WHERE closed_at IS NOT NULL"))
        let lost = arrived.subtracting(present).count + closed.subtracting(done).count
        return Outcome(integrityProblems: answers == ["ok"] ? [] : answers, lost: lost)
      }
    }
  }
}
