import Foundation
import GRDB
import GuichetCore

extension DatabaseMigrator {
  /// Second-level appointments: operators, advisors, availability, routing, consent, contact, booking.
  /// Seeds the code tables, the default routing rules, the first consent text, and operator structures
  /// from the structures directory when it was already imported.
  mutating func registerBookingMigrations() {
    registerMigration("v1-booking") { db in
      for table in BookingSchema.vocabularies {
        try db.execute(
          sql: """
            CREATE TABLE \(table) (
              code TEXT PRIMARY KEY NOT NULL,
              label TEXT NOT NULL,
              position INTEGER NOT NULL
            ) WITHOUT ROWID
            """)
      }
      try db.execute(sql: BookingSchema.v1)
      try BookingVocabulary.seed(db)
      // Routing rules refer to the visit vocabularies, which are otherwise seeded after migrations.
      try Seeding.seedVocabularies(db)
      for rule in DefaultRoutingRules.rules {
        var record = RoutingRuleRecord(rule)
        try record.insert(db)
      }
      try db.execute(
        sql: """
          INSERT INTO consent_text (version, purpose, body, retention_days, published_at)
          VALUES (1, ?, ?, ?, ?)
          """,
        arguments: [
          ConsentPurpose.appointment.rawValue, ConsentText.initialBody,
          ConsentText.initialRetentionDays, Date(),
        ])
      try OperatorSeeding.seedFromDirectory(db)
    }
  }
}
