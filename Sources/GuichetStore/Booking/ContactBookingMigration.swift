import GRDB

extension DatabaseMigrator {
  /// A contact exists only for an appointment: the booking transaction writes the appointment, then the
  /// contact; any other insert is refused by the schema, whoever writes. Contacts left behind by earlier
  /// versions (saved, then the booking refused or the desk killed) go with the retention purge, which is
  /// audited, rather than silently here.
  mutating func registerContactBookingMigration() {
    registerMigration("v3-contact-needs-appointment") { db in
      try db.execute(
        sql: """
          CREATE TRIGGER contact_needs_appointment BEFORE INSERT ON contact
          WHEN NOT EXISTS (SELECT 1 FROM appointment WHERE consent_id = NEW.consent_id)
          BEGIN SELECT RAISE(ABORT, 'contact refused: no appointment under this consent'); END;
          """)
    }
  }
}
