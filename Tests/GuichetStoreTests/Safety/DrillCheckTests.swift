import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// The check the kill -9 drill runs after each round must see a lost visit, a lost booking and a slot
/// booked twice, a contact with no appointment and a booking without its contact, or the drill's zeros would
/// mean nothing.
@Suite struct DrillCheckTests {
  @Test func countsLostWritesAndDoubleBookings() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-drillcheck-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("drill.sqlite").path
    let setup = try BookingSetup.make(
      database: AppDatabase.open(path: path, bundledReference: false))
    let slot = try #require(try setup.slots(on: BookingSetup.monday).first)
    let booked = try setup.database.book(
      reference: .generate(), slot: slot, visitID: setup.visitID, consentID: setup.consentID,
      contact: try Contact.validate(
        firstName: "Léa", lastName: "Durand", phone: "0612345678", email: ""),
      by: .commandLine, now: BookingSetup.now)

    let sound = try DrillCheck.verify(
      path: path, arrived: [setup.visitID], closed: [], booked: [booked.reference.value])
    #expect(sound.integrityProblems.isEmpty)
    #expect(sound.lostVisits == 0)
    #expect(sound.lostBookings == 0)
    #expect(sound.doubleBookings == 0)
    #expect(sound.orphanContacts == 0)
    #expect(sound.lostContacts == 0)

    let lost = try DrillCheck.verify(
      path: path, arrived: [setup.visitID, 999_999], closed: [setup.visitID],
      booked: [booked.reference.value, "RDV-ZZZZ-ZZZZ"])
    #expect(lost.lostVisits == 2, "one arrival missing, one visit not closed")
    #expect(lost.lostBookings == 1)

    // A second live booking of the same slot, as a broken index would let through.
    try setup.database.writer.write { db in
      try db.execute(sql: "DROP INDEX appointment_live_slot")
      try db.execute(
        sql: """
          INSERT INTO appointment (reference, advisor_id, starts_at, ends_at, seat, day, place, visit_id,
            consent_id, desk_id, delay_days, routing_override, status, status_at, cancelled_at, created_at)
          SELECT 'RDV-DBL0-0000', advisor_id, starts_at, ends_at, seat, day, place, visit_id,
            consent_id, desk_id, delay_days, routing_override, status, status_at, cancelled_at, created_at
          FROM appointment WHERE reference = ?
          """, arguments: [booked.reference.value])
    }
    let doubled = try DrillCheck.verify(
      path: path, arrived: [], closed: [], booked: [booked.reference.value])
    #expect(doubled.doubleBookings == 1)

    // A contact left under a consent with no appointment (as the old save-then-book path left after a
    // kill), written past the schema's guard; and the booking's own contact gone.
    let stray = try BookingSetup.make(database: setup.database)
    try setup.database.writer.write { db in
      try db.execute(sql: "DROP TRIGGER contact_needs_appointment")
      try db.execute(
        sql: """
          INSERT INTO contact (consent_id, first_name, last_name, phone)
          VALUES (?, 'Zoé', 'Orpheline', '0699999999')
          """, arguments: [stray.consentID])
      try db.execute(sql: "DELETE FROM contact WHERE consent_id = ?", arguments: [setup.consentID])
    }
    let orphaned = try DrillCheck.verify(
      path: path, arrived: [], closed: [], booked: [booked.reference.value])
    #expect(orphaned.orphanContacts == 1)
    #expect(orphaned.lostContacts == 1)
  }
}
