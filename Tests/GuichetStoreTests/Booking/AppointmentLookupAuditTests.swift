import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// Every lookup of appointments by a phone or e-mail is audited, matches or not, so an account trying
/// numbers leaves a trace: one entry with the number of appointments found, never what was typed, in the
/// lookup's own transaction; a screen reloading the same lookup is not audited again each time.
@Suite struct AppointmentLookupAuditTests {
  func world() throws -> PermissionMatrixTests.World { try PermissionMatrixTests().world() }

  func lookups(_ world: PermissionMatrixTests.World) throws -> [Row] {
    try world.database.writer.read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM audit_entry WHERE action = 'appointment_lookup' ORDER BY id")
    }
  }

  @Test func aPhoneMatchingNothingLeavesOneEntryWithoutAnyOfItsDigits() throws {
    let world = try world()
    let typed = "06 98 47 35 21"
    var found: [AppointmentDetail]?
    let transactions = try SingleCallTests.transactions(in: world.database) {
      found = try world.database.appointmentDetails(
        phone: try PhoneNumber(parsing: typed), by: world.agent.caller, at: BookingSetup.now)
    }
    #expect(transactions == 1 && found?.isEmpty == true)
    let entries = try lookups(world)
    #expect(entries.count == 1)
    let entry = try #require(entries.first)
    #expect(entry["account_id"] as Int64? == world.agent.id)
    #expect(entry["via"] as String? == "console")
    #expect(entry["count"] as Int64? == 0)
    #expect(entry["subject_id"] as Int64? == nil)
    #expect(try world.setup.count("audit_entry", "action = 'contact_read'") == 0)
    // No four digits of the number in a row, in any column but the hashes and the date.
    let digits = "0698473521"
    let windows = (0...(digits.count - 4)).map {
      String(digits.dropFirst($0).prefix(4))
    }
    let rows = try world.database.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM audit_entry")
    }
    for row in rows {
      let values = row.columnNames.filter { !["hash", "previous_hash", "at"].contains($0) }
        .map { "\(row[$0] as DatabaseValue)" }.joined(separator: "|")
      #expect(!windows.contains { values.contains($0) })
    }
    #expect(try world.database.verifyAudit().isIntact)
    #expect(AuditAction.appointmentLookup.label == "recherche de rendez-vous par coordonnées")
  }

  @Test func anEmailIsAuditedTooAndAMatchCountsTheAppointmentsFound() throws {
    let world = try world()
    _ = try world.database.appointmentDetails(
      email: try EmailAddress(parsing: "personne@exemple.fr"), by: world.agent.caller,
      at: BookingSetup.now)
    let found = try world.database.appointmentDetails(
      phone: try PhoneNumber(parsing: "06 12 34 56 78"), by: world.agent.caller,
      at: BookingSetup.now)
    #expect(found.count == 1)
    #expect(try lookups(world).map { $0["count"] as Int64? } == [0, 1])
    #expect(try world.setup.count("audit_entry", "action = 'contact_read'") == 1)
    let dump = try world.database.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM audit_entry").map(\.description)
    }
    #expect(!dump.joined().contains("personne") && !dump.joined().contains("exemple"))
    #expect(try world.database.verifyAudit().isIntact)
  }

  @Test func aReloadOfTheSameLookupIsNotAuditedAgainButAnotherNumberIs() throws {
    let world = try world()
    let phone = try PhoneNumber(parsing: "06 98 47 35 21")
    for minutes in [0.0, 5, 14] {
      _ = try world.database.appointmentDetails(
        phone: phone, by: world.agent.caller, at: BookingSetup.now.addingTimeInterval(minutes * 60))
    }
    #expect(try lookups(world).count == 1)
    _ = try world.database.appointmentDetails(
      phone: try PhoneNumber(parsing: "06 98 47 35 22"), by: world.agent.caller,
      at: BookingSetup.now)
    _ = try world.database.appointmentDetails(
      phone: phone, by: world.otherAgent.caller, at: BookingSetup.now)
    _ = try world.database.appointmentDetails(
      phone: phone, by: world.agent.caller, at: BookingSetup.now.addingTimeInterval(16 * 60))
    #expect(try lookups(world).count == 4)
    #expect(try world.database.verifyAudit().isIntact)
  }

  @Test func aRefusedLookupIsNeitherDoneNorAudited() throws {
    let world = try world()
    #expect(throws: UserError.self) {
      try world.database.appointmentDetails(
        phone: try PhoneNumber(parsing: "06 98 47 35 21"), by: world.supervisor.caller,
        at: BookingSetup.now)
    }
    #expect(try lookups(world).isEmpty)
  }
}
