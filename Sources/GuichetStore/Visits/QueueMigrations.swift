import GRDB

extension DatabaseMigrator {
  /// The queue as the room sees it (issue 16): a number per site and day given at the first save and never
  /// changed, and « parti sans être reçu » (outcome `left_unseen`), which only an arrival never taken in charge
  /// can have, closed. Visits still open get their number now, in arrival order; closed ones keep none.
  mutating func registerQueueMigration() {
    registerMigration("v5-queue") { db in
      try db.execute(
        sql: """
          ALTER TABLE visit ADD COLUMN ticket INTEGER CHECK (ticket > 0);
          CREATE UNIQUE INDEX visit_site_day_ticket ON visit(site_id, day, ticket)
            WHERE ticket IS NOT NULL;

          UPDATE visit SET ticket = (
            SELECT count(*) FROM visit other
            WHERE other.site_id = visit.site_id AND other.day = visit.day AND other.closed_at IS NULL
              AND (other.arrived_at < visit.arrived_at
                OR (other.arrived_at = visit.arrived_at AND other.id <= visit.id)))
          WHERE closed_at IS NULL;

          CREATE TRIGGER visit_ticket_fixed BEFORE UPDATE OF ticket ON visit
            WHEN OLD.ticket IS NOT NULL AND NEW.ticket IS NOT OLD.ticket
          BEGIN
            SELECT RAISE(ABORT, 'visit ticket is fixed once given');
          END;
          CREATE TRIGGER visit_left_unseen_insert BEFORE INSERT ON visit
            WHEN NEW.outcome = 'left_unseen' AND (NEW.started_at IS NOT NULL OR NEW.closed_at IS NULL)
          BEGIN
            SELECT RAISE(ABORT, 'left_unseen needs a closed visit never started');
          END;
          CREATE TRIGGER visit_left_unseen_update BEFORE UPDATE ON visit
            WHEN NEW.outcome = 'left_unseen' AND (NEW.started_at IS NOT NULL OR NEW.closed_at IS NULL)
          BEGIN
            SELECT RAISE(ABORT, 'left_unseen needs a closed visit never started');
          END;
          """)
    }
  }
}
