import GRDB

extension DatabaseMigrator {
  /// Training offers imported from an LHÉO file (`guichet import lheo`): formation → action → session, with
  /// the codes each formation and action carries. Never bundled; an import replaces all of it at once.
  mutating func registerFormationsMigration() {
    registerMigration("v5-formations") { db in
      try db.execute(
        sql: """
          CREATE TABLE training_import (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            file_name TEXT NOT NULL CHECK (length(file_name) > 0),
            imported_at TEXT NOT NULL,
            formation_count INTEGER NOT NULL CHECK (formation_count >= 0),
            action_count INTEGER NOT NULL CHECK (action_count >= 0),
            session_count INTEGER NOT NULL CHECK (session_count >= 0)
          );

          CREATE TABLE training_formation (
            id INTEGER PRIMARY KEY,
            number TEXT,
            title TEXT NOT NULL CHECK (length(title) > 0),
            organisation_name TEXT NOT NULL CHECK (length(organisation_name) > 0),
            organisation_siret TEXT NOT NULL CHECK (length(organisation_siret) = 14)
          );

          -- RNCP, ROME and Formacode codes of a formation (kind: rncp, rome, formacode).
          CREATE TABLE training_formation_code (
            formation_id INTEGER NOT NULL REFERENCES training_formation(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('rncp', 'rome', 'formacode')),
            code TEXT NOT NULL CHECK (length(code) > 0),
            PRIMARY KEY (formation_id, kind, code)
          ) WITHOUT ROWID;
          CREATE INDEX training_formation_code_lookup ON training_formation_code(kind, code);

          CREATE TABLE training_action (
            id INTEGER PRIMARY KEY,
            formation_id INTEGER NOT NULL REFERENCES training_formation(id) ON DELETE CASCADE,
            number TEXT,
            trainer_name TEXT,
            trainer_siret TEXT CHECK (trainer_siret IS NULL OR length(trainer_siret) = 14),
            place_name TEXT,
            town TEXT NOT NULL CHECK (length(town) > 0),
            postcode TEXT,
            insee_code TEXT CHECK (insee_code IS NULL OR length(insee_code) = 5),
            permanent_entry INTEGER NOT NULL CHECK (permanent_entry IN (0, 1))
          );
          CREATE INDEX training_action_formation ON training_action(formation_id);

          -- Public visé and financeur codes of an action, as LHÉO publishes them (kind: public, financeur).
          CREATE TABLE training_action_code (
            action_id INTEGER NOT NULL REFERENCES training_action(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('public', 'financeur')),
            code TEXT NOT NULL CHECK (length(code) > 0),
            PRIMARY KEY (action_id, kind, code)
          ) WITHOUT ROWID;

          -- Days as yyyymmdd; NULL where the file says « not known yet » (00000000, 99999999).
          CREATE TABLE training_session (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES training_action(id) ON DELETE CASCADE,
            number TEXT,
            start_day INTEGER CHECK (start_day IS NULL OR start_day BETWEEN 19000101 AND 29991231),
            end_day INTEGER CHECK (end_day IS NULL OR end_day BETWEEN 19000101 AND 29991231),
            CHECK (start_day IS NULL OR end_day IS NULL OR end_day >= start_day)
          );
          CREATE INDEX training_session_action ON training_session(action_id);
          """)
    }
  }
}
