import GRDB

extension DatabaseMigrator {
  /// Bassins and communes (bundled, reloaded when the bundle changes) and territories (ZTEF), which an
  /// administrator may redefine as named sets of bassins.
  mutating func registerTerritoryMigrations() {
    registerMigration("v1-territory") { db in
      try db.execute(
        sql: """
          CREATE TABLE bassin (
            code TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL
          ) WITHOUT ROWID;

          CREATE TABLE commune (
            insee_code TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            name_search TEXT NOT NULL,
            bassin_code TEXT NOT NULL REFERENCES bassin(code)
          ) WITHOUT ROWID;
          CREATE INDEX commune_name_search ON commune(name_search);
          CREATE INDEX commune_bassin ON commune(bassin_code);

          CREATE TABLE territory (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
          );

          CREATE TABLE territory_bassin (
            territory_id INTEGER NOT NULL REFERENCES territory(id) ON DELETE CASCADE,
            bassin_code TEXT NOT NULL REFERENCES bassin(code),
            PRIMARY KEY (territory_id, bassin_code)
          ) WITHOUT ROWID;
          CREATE INDEX territory_bassin_bassin ON territory_bassin(bassin_code);
          """)
    }
  }
}
