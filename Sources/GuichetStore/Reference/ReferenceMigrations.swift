import GRDB

extension DatabaseMigrator {
  /// Schema of the reference data (ROME, RNCP, BMO, salaries, structures), registered after the desk schema.
  mutating func registerReferenceMigrations() {}
}
