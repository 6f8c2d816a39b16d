import GRDB
import GuichetCore

/// The database shared by every desk of a site: one writer (a WAL pool on disk, a queue in tests),
/// a frozen list of named migrations, and the seeding of vocabularies and bundled territories.
public struct AppDatabase: Sendable {
  public let writer: any DatabaseWriter
  /// The key derivation for new passwords: always `.production` outside tests, which lower it through
  /// `@testable` to stay fast (stored hashes carry their own parameters, so verification never depends on it).
  var passwordHasher = PasswordHasher.production
  /// Where the audit trail's head is written at each purge (nil: nowhere, as in tests). The executable sets it.
  public var auditWitness: AuditWitness?
  /// Failed logins of a desk that cannot write them, counted in memory for as long as the process runs.
  let readOnlyLogins = ReadOnlyLoginAttempts()
  /// The phone and e-mail lookups just audited, so a screen's reloads are not audited again each time.
  let contactLookups = ContactLookupMemo()

  /// Wraps an already configured writer, then migrates and seeds it.
  init(_ writer: any DatabaseWriter) throws {
    self.writer = writer
    try DatabaseIdentity.mark(writer)
    try Self.migrator.migrateIfNeeded(writer)
    try Seeding.ensure(writer)
  }

  /// Wraps a read-only connection as it is: a file that must not change is neither migrated nor seeded.
  init(unmigrated writer: any DatabaseWriter) {
    self.writer = writer
  }

  /// Territory and desk schema first (visits refer to territories), then the reference schema owned by the reference data engineer.
  /// Migrations are never edited once shipped: add a new one instead.
  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()
    migrator.registerTerritoryMigrations()
    migrator.registerDeskMigrations()
    migrator.registerReferenceMigrations()
    migrator.registerConsultationMigrations()
    migrator.registerBookingMigrations()
    migrator.registerAccountsMigrations()
    migrator.registerSupervisionMigrations()
    migrator.registerConsentProofMigration()
    migrator.registerContactBookingMigration()
    migrator.registerErasureMigrations()
    migrator.registerOperatorDirectoryMigration()
    migrator.registerCertificationSearchMigration()
    migrator.registerConsentTextKindMigration()
    migrator.registerRoutingReasonsMigration()
    migrator.registerQueueMigration()
    migrator.registerAppointmentSequenceMigration()
    migrator.registerFormationsMigration()
    migrator.registerOutcomesMigration()
    migrator.registerEstablishmentOutcomesMigration()
    migrator.registerTrainingPlaceUAIMigration()
    return migrator
  }()
}

extension DatabaseMigrator {
  /// Checks on a reader first, so a cold start on an up-to-date file never takes the write lock.
  /// GRDB reads the applied migrations before its transaction, so two desks opening a new file at once can
  /// both try the same migration; the loser fails (« table already exists ») and simply looks again.
  func migrateIfNeeded(_ writer: any DatabaseWriter, attempts: Int = 5) throws {
    for attempt in 1...attempts {
      let upToDate = try writer.read { db in
        // A file migrated by a newer Guichet may hold tables this version would misread: refuse it.
        if try hasBeenSuperseded(db) {
          throw UserError(
            "Cette base de données a été créée par une version plus récente de Guichet : mettez Guichet à jour sur ce poste."
          )
        }
        return try hasCompletedMigrations(db)
      }
      if upToDate { return }
      do {
        try migrate(writer)
        return
      } catch let error as DatabaseError
        where attempt < attempts && error.resultCode == .SQLITE_ERROR
      {
        continue
      }
    }
  }
}
