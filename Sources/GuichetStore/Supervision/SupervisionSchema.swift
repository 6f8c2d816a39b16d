/// SQL of the supervision additions (issue 5), frozen with the « v1-supervision » migration: add a new
/// migration rather than edit it.
///
/// `visit_cell` is the one definition of the visit counts: it spreads each visit over the cells it counts in
/// (total, desk, channel, public, age band, outcome, reason of an unmet demand, hour of arrival, whole minutes
/// waited by a walk-in taken in charge, satisfaction score, closed, request kinds). Short periods count it directly; the monthly
/// rollup `visit_month_stat` and the daily `visit_day_stat` are the same counts kept by triggers in the very
/// transaction that writes the visit, so a correction, a cancellation or a deletion keeps them exact.
enum SupervisionSchema {
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

  /// Adds (`sign` 1) or removes (-1) the cells of the visits matching `condition` (SQL over `visit_cell`).
  static func applyCells(sign: String, condition: String) -> String {
    """
    INSERT INTO visit_month_stat (month, site_id, territory_id, synthetic, dimension, code, n)
      SELECT month, site_id, territory_id, synthetic, dimension, code, \(sign) * count(*)
      FROM visit_cell WHERE \(condition)
      GROUP BY month, site_id, territory_id, synthetic, dimension, code
      ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO visit_day_stat (day, site_id, territory_id, synthetic, n)
      SELECT day, site_id, territory_id, synthetic, \(sign) * count(*)
      FROM visit_cell WHERE dimension = 'total' AND \(condition)
      GROUP BY day, site_id, territory_id, synthetic
      ON CONFLICT DO UPDATE SET n = n + excluded.n;
    """
  }

  /// Request cells of one visit request row, using the visit's current month, site and territory.
  static func applyRequest(sign: String, row: String) -> String {
    """
    INSERT INTO visit_month_stat (month, site_id, territory_id, synthetic, dimension, code, n)
      SELECT month, site_id, ifnull(territory_id, 0), synthetic, 'request_kind', \(row).request_kind, \(sign)
      FROM visit WHERE id = \(row).visit_id
      ON CONFLICT DO UPDATE SET n = n + excluded.n;
    """
  }

  static let triggerNames = [
    "visit_stat_insert", "visit_stat_update_old", "visit_stat_update_new", "visit_stat_delete",
    "visit_request_stat_insert", "visit_request_stat_delete",
  ]

  /// Keeps the rollups exact; dropped and recreated by bulk loads (`guichet demo`) that rebuild them at once.
  static let triggers = """
    CREATE TRIGGER visit_stat_insert AFTER INSERT ON visit BEGIN
      \(applyCells(sign: "1", condition: "visit_id = NEW.id"))
    END;
    CREATE TRIGGER visit_stat_update_old BEFORE UPDATE ON visit BEGIN
      \(applyCells(sign: "-1", condition: "visit_id = OLD.id"))
    END;
    CREATE TRIGGER visit_stat_update_new AFTER UPDATE ON visit BEGIN
      \(applyCells(sign: "1", condition: "visit_id = NEW.id"))
    END;
    CREATE TRIGGER visit_stat_delete BEFORE DELETE ON visit BEGIN
      DELETE FROM visit_request WHERE visit_id = OLD.id;
      \(applyCells(sign: "-1", condition: "visit_id = OLD.id"))
    END;
    CREATE TRIGGER visit_request_stat_insert AFTER INSERT ON visit_request BEGIN
      \(applyRequest(sign: "1", row: "NEW"))
    END;
    CREATE TRIGGER visit_request_stat_delete BEFORE DELETE ON visit_request BEGIN
      \(applyRequest(sign: "-1", row: "OLD"))
    END;
    """
}
