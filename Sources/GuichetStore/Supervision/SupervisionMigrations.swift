import Foundation
import GRDB
import GuichetCore

extension DatabaseMigrator {
  /// Supervision (issue 5): the hour of arrival, the optional satisfaction
  /// score, the synthetic flag of demonstration rows, territory target delays and site announced waits, and
  /// the rollups kept exact by triggers. Existing visits get their hour, then the rollups are built.
  mutating func registerSupervisionMigrations() {
    registerMigration("v1-supervision") { db in
      try db.execute(sql: SupervisionSchema.columns)
      let rows = try Row.fetchAll(db, sql: "SELECT id, arrived_at FROM visit")
      for row in rows {
        let arrived: Date = row["arrived_at"]
        try db.execute(
          sql: "UPDATE visit SET hour = ? WHERE id = ?",
          arguments: [Day.hour(of: arrived), row["id"] as Int64])
      }
      try db.execute(sql: SupervisionSchema.tables)
      try db.execute(sql: SupervisionSchema.applyCells(sign: "1", condition: "1"))
      try db.execute(sql: SupervisionSchema.triggers)
    }
  }
}
