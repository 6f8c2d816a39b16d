import GRDB

extension DatabaseMigrator {
  /// Schema of the reference data (ROME, RNCP, BMO, salaries, structures), registered after the desk schema.
  /// Reference rows carry no foreign keys between datasets: each dataset is replaced on its own, in any order.
  mutating func registerReferenceMigrations() {
    registerMigration("v1-reference") { db in
      try db.execute(sql: ReferenceSchema.v1)
      try db.execute(sql: SearchIndex.createTablesSQL)
    }
    // Issue 14: which dataset brought a directory row, its commune, opening hours, a note and its source line.
    registerMigration("v4-directory-details") { db in
      try db.execute(sql: OperatorDirectorySchema.directoryDetails)
    }
  }
}

extension DatabaseMigrator {
  /// The certification index learnt diploma types, acronyms and feminine forms, and keeps the end of validity
  /// instead of a fixed « active »: files indexed before are re-indexed from their own certification rows
  /// (imported or bundled, whichever they hold).
  mutating func registerCertificationSearchMigration() {
    registerMigration("v4-certification-search") { db in
      try SearchIndex.rebuild(.certification, in: db)
    }
  }
}
