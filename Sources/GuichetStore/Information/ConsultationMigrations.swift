import GRDB

extension DatabaseMigrator {
  /// What was looked up during a visit (codes only) and the searches that found nothing (unmet demand).
  ///
  /// `visit_consultation` holds a kind and a code, never text: the CHECK refuses anything but a short identifier.
  ///
  /// `search_miss` is the one place where typed text could be kept, and an agent may type a name into the search
  /// box. So a miss is stored (1) only when the search found nothing, (2) reduced to at most three normalised
  /// words of 2 to 24 plain letters, every word with a digit dropped (phone numbers, dates, postcodes, file
  /// numbers), (3) with no link to the visit: only the day, site and desk, so a typed name cannot be tied to a
  /// person's coded profile. The supervisor reads misses only as counts of queries seen at least three times, so a
  /// name typed once never shows, and `purgeSearchMisses(before:)` enforces a retention period.
  mutating func registerConsultationMigrations() {
    registerMigration("v1-consultation") { db in
      try db.execute(
        sql: """
          CREATE TABLE visit_consultation (
            visit_id INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('occupation', 'certification', 'structure', 'labour_needs')),
            code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 40 AND code NOT GLOB '*[^A-Za-z0-9#_.-]*'),
            at DATETIME NOT NULL,
            day INTEGER NOT NULL CHECK (day BETWEEN 20000101 AND 99991231),
            month INTEGER NOT NULL CHECK (month = day / 100),
            PRIMARY KEY (visit_id, kind, code)
          ) WITHOUT ROWID;
          CREATE INDEX visit_consultation_day ON visit_consultation(day, kind, code);

          CREATE TABLE search_miss (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            day INTEGER NOT NULL CHECK (day BETWEEN 20000101 AND 99991231),
            month INTEGER NOT NULL CHECK (month = day / 100),
            site_id INTEGER NOT NULL REFERENCES site(id),
            desk_id INTEGER NOT NULL REFERENCES desk(id),
            query_normalized TEXT NOT NULL
              CHECK (length(query_normalized) BETWEEN 2 AND 74 AND query_normalized NOT GLOB '*[^a-z ]*')
          );
          CREATE INDEX search_miss_day ON search_miss(day);
          """)
    }
  }
}
