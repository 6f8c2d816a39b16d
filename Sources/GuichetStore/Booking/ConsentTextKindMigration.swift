import GRDB

extension DatabaseMigrator {
  /// A consent text may be published for one kind of structure (a CIO is not France Travail). Texts stay
  /// append-only: `consent_text_frozen` and `consent_text_kept` already refuse edits and deletions, and a new
  /// version must come after every published one, so a consent's version always means the words it was given on.
  mutating func registerConsentTextKindMigration() {
    registerMigration("v3-consent-text-kind") { db in
      try db.execute(
        sql: """
          ALTER TABLE consent_text ADD COLUMN operator_kind TEXT REFERENCES operator_kind(code);
          CREATE TRIGGER consent_text_appended BEFORE INSERT ON consent_text
          WHEN NEW.version <= (SELECT coalesce(max(version), 0) FROM consent_text)
          BEGIN SELECT RAISE(ABORT, 'consent texts are appended: a new version comes after the others'); END;
          """)
    }
  }
}
