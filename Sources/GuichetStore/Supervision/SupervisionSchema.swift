/// The current SQL of the supervision rollups (issue 5), which `guichet demo` uses to set its triggers aside and
/// back. The « v1-supervision » migration runs its own frozen copy (`SupervisionV1`); a test checks the two still
/// agree, so changing this text means a new migration that installs it.
///
/// `visit_cell` is the one definition of the visit counts: it spreads each visit over the cells it counts in
/// (total, desk, channel, public, age band, outcome, reason of an unmet demand, hour of arrival, whole minutes
/// waited by a walk-in taken in charge, satisfaction score, closed, request kinds). Short periods count it directly; the monthly
/// rollup `visit_month_stat` and the daily `visit_day_stat` are the same counts kept by triggers in the very
/// transaction that writes the visit, so a correction, a cancellation or a deletion keeps them exact.
enum SupervisionSchema {
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
