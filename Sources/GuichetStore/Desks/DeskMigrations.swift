import GRDB

extension DatabaseMigrator {
  /// Sites, desks, visit vocabularies and the anonymous visit itself.
  /// The visit tables have no column able to hold identity: no name, phone, e-mail, birth date, address or free text.
  mutating func registerDeskMigrations() {
    registerMigration("v1-desk") { db in
      try db.execute(
        sql: """
          CREATE TABLE store_meta (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
          ) WITHOUT ROWID;

          CREATE TABLE site (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
          );

          CREATE TABLE desk (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            site_id INTEGER NOT NULL REFERENCES site(id),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            UNIQUE (site_id, name),
            UNIQUE (id, site_id)
          );
          """)
      for table in VocabularyTable.all {
        try db.execute(
          sql: """
            CREATE TABLE \(table.name) (
              code TEXT PRIMARY KEY NOT NULL,
              label TEXT NOT NULL,
              position INTEGER NOT NULL
            ) WITHOUT ROWID
            """)
      }
      try db.execute(
        sql: """
          CREATE TABLE visit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            site_id INTEGER NOT NULL REFERENCES site(id),
            desk_id INTEGER NOT NULL,
            channel TEXT NOT NULL REFERENCES channel(code),
            arrived_at DATETIME NOT NULL,
            started_at DATETIME CHECK (started_at >= arrived_at),
            closed_at DATETIME CHECK (closed_at >= arrived_at AND closed_at >= coalesce(started_at, arrived_at)),
            public_category TEXT NOT NULL REFERENCES public_category(code),
            age_band TEXT NOT NULL REFERENCES age_band(code),
            territory_id INTEGER REFERENCES territory(id),
            outcome TEXT REFERENCES outcome(code),
            reason TEXT REFERENCES no_answer_reason(code),
            day INTEGER NOT NULL CHECK (day BETWEEN 20000101 AND 99991231),
            month INTEGER NOT NULL CHECK (month = day / 100),
            FOREIGN KEY (desk_id, site_id) REFERENCES desk(id, site_id),
            CHECK (closed_at IS NULL OR outcome IS NOT NULL),
            CHECK (reason IS NULL OR outcome IN ('no_booking', 'no_answer')),
            CHECK (closed_at IS NULL OR outcome NOT IN ('no_booking', 'no_answer') OR reason IS NOT NULL)
          );
          CREATE INDEX visit_desk_day ON visit(desk_id, day);
          CREATE INDEX visit_site_day ON visit(site_id, day);
          CREATE INDEX visit_day ON visit(day);
          CREATE INDEX visit_site_open ON visit(site_id, arrived_at) WHERE closed_at IS NULL;

          CREATE TABLE visit_request (
            visit_id INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
            request_kind TEXT NOT NULL REFERENCES request_kind(code),
            PRIMARY KEY (visit_id, request_kind)
          ) WITHOUT ROWID;
          CREATE INDEX visit_request_kind ON visit_request(request_kind);
          """)
    }
  }
}
