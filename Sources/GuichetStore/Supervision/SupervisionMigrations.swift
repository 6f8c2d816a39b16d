import Foundation
import GRDB
import GuichetCore

extension DatabaseMigrator {
  /// Supervision (issue 5): the hour of arrival, the optional satisfaction
  /// score, the synthetic flag of demonstration rows, territory target delays and site announced waits, and
  /// the rollups kept exact by triggers. Existing visits get their hour, then the rollups are built.
  mutating func registerSupervisionMigrations() {
    registerMigration("v1-supervision") { db in
      try db.execute(sql: SupervisionV1.columns)
      let rows = try Row.fetchAll(db, sql: "SELECT id, arrived_at FROM visit")
      for row in rows {
        let arrived: Date = row["arrived_at"]
        try db.execute(
          sql: "UPDATE visit SET hour = ? WHERE id = ?",
          arguments: [Day.hour(of: arrived), row["id"] as Int64])
      }
      try db.execute(sql: SupervisionV1.tables)
      try db.execute(sql: SupervisionV1.initialCells)
      try db.execute(sql: SupervisionV1.triggers)
    }
  }
}

/// The « v1-supervision » migration's SQL as it shipped, in literal text: a shipped migration never changes, even
/// when `SupervisionSchema` (what the demo uses today) does. `SupervisionSchemaFreezeTests` checks they agree.
enum SupervisionV1 {
  static let columns = """
    ALTER TABLE visit ADD COLUMN hour INTEGER NOT NULL DEFAULT 0 CHECK (hour BETWEEN 0 AND 23);
    ALTER TABLE visit ADD COLUMN satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5);
    ALTER TABLE visit ADD COLUMN synthetic INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0, 1));
    ALTER TABLE appointment ADD COLUMN synthetic INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0, 1));
    ALTER TABLE consent ADD COLUMN synthetic INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0, 1));
    ALTER TABLE territory ADD COLUMN target_delay_days INTEGER NOT NULL DEFAULT 30
      CHECK (target_delay_days BETWEEN 1 AND 365);
    ALTER TABLE site ADD COLUMN announced_wait_minutes INTEGER NOT NULL DEFAULT 15
      CHECK (announced_wait_minutes BETWEEN 1 AND 240);
    """

  static let tables = """
    CREATE VIEW visit_cell AS
      SELECT id AS visit_id, day, month, site_id, ifnull(territory_id, 0) AS territory_id, synthetic,
        'total' AS dimension, '' AS code FROM visit
      UNION ALL SELECT id, day, month, site_id, ifnull(territory_id, 0), synthetic,
        'desk', CAST(desk_id AS TEXT) FROM visit
      UNION ALL SELECT id, day, month, site_id, ifnull(territory_id, 0), synthetic,
        'channel', channel FROM visit
      UNION ALL SELECT id, day, month, site_id, ifnull(territory_id, 0), synthetic,
        'public_category', public_category FROM visit
      UNION ALL SELECT id, day, month, site_id, ifnull(territory_id, 0), synthetic,
        'age_band', age_band FROM visit
      UNION ALL SELECT id, day, month, site_id, ifnull(territory_id, 0), synthetic,
        'outcome', ifnull(outcome, '') FROM visit
      UNION ALL SELECT id, day, month, site_id, ifnull(territory_id, 0), synthetic,
        'hour', CAST(hour AS TEXT) FROM visit
      UNION ALL SELECT id, day, month, site_id, ifnull(territory_id, 0), synthetic,
        'reason', outcome || ':' || ifnull(reason, '') FROM visit
        WHERE closed_at IS NOT NULL AND outcome IN ('no_answer', 'no_booking')
      UNION ALL SELECT id, day, month, site_id, ifnull(territory_id, 0), synthetic,
        'wait', CAST(max(0, CAST(round((julianday(started_at) - julianday(arrived_at)) * 1440, 6) AS INTEGER)) AS TEXT)
        FROM visit WHERE channel = 'walk_in' AND started_at IS NOT NULL
      UNION ALL SELECT id, day, month, site_id, ifnull(territory_id, 0), synthetic,
        'closed', '' FROM visit WHERE closed_at IS NOT NULL
      UNION ALL SELECT id, day, month, site_id, ifnull(territory_id, 0), synthetic,
        'satisfaction', CAST(satisfaction AS TEXT) FROM visit WHERE satisfaction IS NOT NULL
      UNION ALL SELECT v.id, v.day, v.month, v.site_id, ifnull(v.territory_id, 0), v.synthetic,
        'request_kind', r.request_kind FROM visit_request r JOIN visit v ON v.id = r.visit_id;

    CREATE TABLE visit_month_stat (
      month INTEGER NOT NULL,
      site_id INTEGER NOT NULL,
      territory_id INTEGER NOT NULL,
      synthetic INTEGER NOT NULL,
      dimension TEXT NOT NULL,
      code TEXT NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (month, site_id, territory_id, synthetic, dimension, code)
    ) WITHOUT ROWID;

    CREATE TABLE visit_day_stat (
      day INTEGER NOT NULL,
      site_id INTEGER NOT NULL,
      territory_id INTEGER NOT NULL,
      synthetic INTEGER NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (day, site_id, territory_id, synthetic)
    ) WITHOUT ROWID;

    CREATE INDEX appointment_visit_status ON appointment(visit_id, status, delay_days);
    """

  /// `SupervisionSchema.applyCells(sign: "1", condition: "1")` as it was: builds the rollups from the visits.
  static let initialCells = """
    INSERT INTO visit_month_stat (month, site_id, territory_id, synthetic, dimension, code, n)
      SELECT month, site_id, territory_id, synthetic, dimension, code, 1 * count(*)
      FROM visit_cell WHERE 1
      GROUP BY month, site_id, territory_id, synthetic, dimension, code
      ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO visit_day_stat (day, site_id, territory_id, synthetic, n)
      SELECT day, site_id, territory_id, synthetic, 1 * count(*)
      FROM visit_cell WHERE dimension = 'total' AND 1
      GROUP BY day, site_id, territory_id, synthetic
      ON CONFLICT DO UPDATE SET n = n + excluded.n;
    """

  /// `SupervisionSchema.triggers` as it was.
  static let triggers = """
    CREATE TRIGGER visit_stat_insert AFTER INSERT ON visit BEGIN
      INSERT INTO visit_month_stat (month, site_id, territory_id, synthetic, dimension, code, n)
      SELECT month, site_id, territory_id, synthetic, dimension, code, 1 * count(*)
      FROM visit_cell WHERE visit_id = NEW.id
      GROUP BY month, site_id, territory_id, synthetic, dimension, code
      ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO visit_day_stat (day, site_id, territory_id, synthetic, n)
      SELECT day, site_id, territory_id, synthetic, 1 * count(*)
      FROM visit_cell WHERE dimension = 'total' AND visit_id = NEW.id
      GROUP BY day, site_id, territory_id, synthetic
      ON CONFLICT DO UPDATE SET n = n + excluded.n;
    END;
    CREATE TRIGGER visit_stat_update_old BEFORE UPDATE ON visit BEGIN
      INSERT INTO visit_month_stat (month, site_id, territory_id, synthetic, dimension, code, n)
      SELECT month, site_id, territory_id, synthetic, dimension, code, -1 * count(*)
      FROM visit_cell WHERE visit_id = OLD.id
      GROUP BY month, site_id, territory_id, synthetic, dimension, code
      ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO visit_day_stat (day, site_id, territory_id, synthetic, n)
      SELECT day, site_id, territory_id, synthetic, -1 * count(*)
      FROM visit_cell WHERE dimension = 'total' AND visit_id = OLD.id
      GROUP BY day, site_id, territory_id, synthetic
      ON CONFLICT DO UPDATE SET n = n + excluded.n;
    END;
    CREATE TRIGGER visit_stat_update_new AFTER UPDATE ON visit BEGIN
      INSERT INTO visit_month_stat (month, site_id, territory_id, synthetic, dimension, code, n)
      SELECT month, site_id, territory_id, synthetic, dimension, code, 1 * count(*)
      FROM visit_cell WHERE visit_id = NEW.id
      GROUP BY month, site_id, territory_id, synthetic, dimension, code
      ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO visit_day_stat (day, site_id, territory_id, synthetic, n)
      SELECT day, site_id, territory_id, synthetic, 1 * count(*)
      FROM visit_cell WHERE dimension = 'total' AND visit_id = NEW.id
      GROUP BY day, site_id, territory_id, synthetic
      ON CONFLICT DO UPDATE SET n = n + excluded.n;
    END;
    CREATE TRIGGER visit_stat_delete BEFORE DELETE ON visit BEGIN
      DELETE FROM visit_request WHERE visit_id = OLD.id;
      INSERT INTO visit_month_stat (month, site_id, territory_id, synthetic, dimension, code, n)
      SELECT month, site_id, territory_id, synthetic, dimension, code, -1 * count(*)
      FROM visit_cell WHERE visit_id = OLD.id
      GROUP BY month, site_id, territory_id, synthetic, dimension, code
      ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO visit_day_stat (day, site_id, territory_id, synthetic, n)
      SELECT day, site_id, territory_id, synthetic, -1 * count(*)
      FROM visit_cell WHERE dimension = 'total' AND visit_id = OLD.id
      GROUP BY day, site_id, territory_id, synthetic
      ON CONFLICT DO UPDATE SET n = n + excluded.n;
    END;
    CREATE TRIGGER visit_request_stat_insert AFTER INSERT ON visit_request BEGIN
      INSERT INTO visit_month_stat (month, site_id, territory_id, synthetic, dimension, code, n)
      SELECT month, site_id, ifnull(territory_id, 0), synthetic, 'request_kind', NEW.request_kind, 1
      FROM visit WHERE id = NEW.visit_id
      ON CONFLICT DO UPDATE SET n = n + excluded.n;
    END;
    CREATE TRIGGER visit_request_stat_delete BEFORE DELETE ON visit_request BEGIN
      INSERT INTO visit_month_stat (month, site_id, territory_id, synthetic, dimension, code, n)
      SELECT month, site_id, ifnull(territory_id, 0), synthetic, 'request_kind', OLD.request_kind, -1
      FROM visit WHERE id = OLD.visit_id
      ON CONFLICT DO UPDATE SET n = n + excluded.n;
    END;
    """
}
