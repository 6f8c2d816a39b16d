import Foundation
import GRDB
import GuichetCore

/// The check after a kill -9 round: the file is sound, every write a writer logged as acknowledged is
/// there (arrivals exist, closings are closed, bookings are live under their reference), and no slot holds
/// two live bookings, and every contact belongs to an appointment (a booking and its contact are one
/// transaction: a kill between them must leave neither). Opening it read-write lets SQLite replay the `-wal`.
public enum DrillCheck {
  public struct Outcome: Sendable {
    public var integrityProblems: [String]
    /// Acknowledged visit writes missing (an arrival absent, or a closing not closed).
    public var lostVisits: Int
    /// Acknowledged bookings missing, or no longer live.
    public var lostBookings: Int
    /// Slots (advisor, start) holding more than one live booking: the drill's advisor takes one person a slot.
    public var doubleBookings: Int
    /// Contacts under a consent no appointment hangs on: personal data with no purpose.
    public var orphanContacts: Int
    /// Acknowledged bookings whose contact is missing.
    public var lostContacts: Int
  }

  public static func verify(
    path: String, arrived: Set<Int64>, closed: Set<Int64>, booked: Set<String>
  ) throws -> Outcome {
    try StoreErrors.run("Vérification") {
      let queue = try DatabaseQueue(path: path, configuration: AppDatabase.configuration())
      defer { try? queue.close() }
      return try queue.read { db in
        let answers = try String.fetchAll(db, sql: "PRAGMA integrity_check(5)")
        let present = Set(try Int64.fetchAll(db, sql: "SELECT id FROM visit"))
        let done = Set(
          try Int64.fetchAll(db, sql: "SELECT id FROM visit WHERE closed_at IS NOT NULL"))
        let live = Set(
          try String.fetchAll(
            db,
            sql: "SELECT reference FROM appointment WHERE cancelled_at IS NULL AND status = ?",
            arguments: [AppointmentStatus.booked.rawValue]))
        // Read without the unique index (NOT INDEXED), so a broken index cannot hide a duplicate.
        let doubles =
          try Int.fetchOne(
            db,
            sql: """
              SELECT count(*) FROM (SELECT 1 FROM appointment NOT INDEXED WHERE cancelled_at IS NULL
                GROUP BY advisor_id, starts_at HAVING count(*) > 1)
              """) ?? 0
        let orphans =
          try Int.fetchOne(
            db,
            sql: """
              SELECT count(*) FROM contact c
              WHERE NOT EXISTS (SELECT 1 FROM appointment a WHERE a.consent_id = c.consent_id)
              """) ?? 0
        let withContact = Set(
          try String.fetchAll(
            db,
            sql: """
              SELECT a.reference FROM appointment a JOIN contact c ON c.consent_id = a.consent_id
              """))
        return Outcome(
          integrityProblems: answers == ["ok"] ? [] : answers,
          lostVisits: arrived.subtracting(present).count + closed.subtracting(done).count,
          lostBookings: booked.subtracting(live).count, doubleBookings: doubles,
          orphanContacts: orphans, lostContacts: booked.subtracting(withContact).count)
      }
    }
  }
}
