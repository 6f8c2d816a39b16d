import GRDB
import GuichetCore

/// Makes sure vocabularies and bundled territories are present and current. Cheap when they are: one read
/// of two markers; the write lock is only taken (and the markers re-checked under it) when something is stale.
enum Seeding {
  static func ensure(_ writer: any DatabaseWriter) throws {
    let vocabulary = VocabularyTable.fingerprint
    let bundle = try TerritoryBundle.bundled()
    let stored = try writer.read(StoreMeta.values)
    if stored[StoreMeta.vocabularyKey] == vocabulary
      && stored[StoreMeta.territoryKey] == bundle.version
    {
      return
    }
    try writer.write { db in
      let current = try StoreMeta.values(db)
      if current[StoreMeta.vocabularyKey] != vocabulary {
        try seedVocabularies(db)
        try StoreMeta.set(db, key: StoreMeta.vocabularyKey, value: vocabulary)
      }
      if current[StoreMeta.territoryKey] != bundle.version {
        try TerritoryLoader.load(try bundle.contents(), into: db)
        try StoreMeta.set(db, key: StoreMeta.territoryKey, value: bundle.version)
      }
    }
  }

  /// Upserts codes and labels; codes no longer in the enums stay, since old visits still refer to them.
  static func seedVocabularies(_ db: Database) throws {
    for table in VocabularyTable.all {
      for row in table.rows {
        try db.execute(
          sql: """
            INSERT INTO \(table.name) (code, label, position) VALUES (?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET label = excluded.label, position = excluded.position
            """, arguments: [row.code, row.label, row.position])
      }
    }
  }
}
