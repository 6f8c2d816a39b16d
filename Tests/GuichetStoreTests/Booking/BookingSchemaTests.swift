import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// The schema itself refuses a contact without a live consent and a second live booking of a seat,
/// whatever code writes to it.
@Suite struct BookingSchemaTests {
  func raw(_ setup: BookingSetup, _ sql: String, _ arguments: StatementArguments = []) throws {
    try setup.database.writer.write { try $0.execute(sql: sql, arguments: arguments) }
  }

  static let contactSQL =
    "INSERT INTO contact (consent_id, first_name, last_name, phone) VALUES (?, 'Marie', 'Dupont', '0612345678')"

  @Test func migrationSeedsRulesConsentTextAndCodes() throws {
    let setup = try BookingSetup.make()
    #expect(try setup.count("routing_rule") == DefaultRoutingRules.rules.count)
    #expect(try setup.count("operator_kind") == OperatorKind.allCases.count)
    #expect(try setup.count("appointment_status") == AppointmentStatus.allCases.count)
    #expect(try setup.count("public_category", "code = 'cadre'") == 1)
    let text = try setup.database.consentText()
    #expect(text.version == 1 && text.body.contains("{structure}"))
    try setup.database.writer.read { db in
      let indexes = try db.indexes(on: "appointment")
      let live = try #require(indexes.first { $0.name == "appointment_live_slot" })
      #expect(live.isUnique && live.columns == ["advisor_id", "starts_at", "seat"])
    }
  }

  @Test func noContactWithoutAConsentRow() throws {
    let setup = try BookingSetup.make()
    #expect(throws: DatabaseError.self) { try raw(setup, Self.contactSQL, [nil as Int64?]) }
    #expect(throws: DatabaseError.self) { try raw(setup, Self.contactSQL, [9_999]) }
    try setup.book(try setup.slot(BookingStoreTests.tuesday, 9))
    try raw(setup, Self.contactSQL, [setup.consentID])
    #expect(throws: DatabaseError.self) { try raw(setup, Self.contactSQL, [setup.consentID]) }
    #expect(throws: DatabaseError.self) {
      try raw(setup, "UPDATE contact SET consent_id = NULL")
    }
    #expect(throws: DatabaseError.self) {
      try raw(setup, "UPDATE contact SET consent_id = 9999")
    }
    // Deleting the consent row takes the contact with it: a contact can never outlive its consent
    // (the appointment, which keeps its consent, goes first).
    try raw(setup, "DELETE FROM appointment WHERE consent_id = ?", [setup.consentID])
    try raw(setup, "DELETE FROM consent WHERE id = ?", [setup.consentID])
    #expect(try setup.count("contact") == 0)
  }

  /// The booking transaction is the only place a contact may be written: without an appointment under its
  /// consent, the insert is refused, so no crash or refusal can leave a person's details with no purpose.
  @Test func noContactWithoutAnAppointment() throws {
    let setup = try BookingSetup.make()
    #expect(throws: DatabaseError.self) { try raw(setup, Self.contactSQL, [setup.consentID]) }
    #expect(try setup.count("contact") == 0)
    try setup.book(try setup.slot(BookingStoreTests.tuesday, 9))
    try raw(setup, Self.contactSQL, [setup.consentID])
    #expect(try setup.count("contact") == 1)
  }

  @Test func noContactUnderAWithdrawnConsent() throws {
    let setup = try BookingSetup.make()
    try setup.book(try setup.slot(BookingStoreTests.tuesday, 9))
    try raw(setup, "UPDATE consent SET withdrawn_at = given_at WHERE id = ?", [setup.consentID])
    #expect(throws: DatabaseError.self) { try raw(setup, Self.contactSQL, [setup.consentID]) }
    #expect(throws: DatabaseError.self) {
      try raw(setup, "UPDATE consent SET withdrawn_at = NULL WHERE id = ?", [setup.consentID])
    }
    #expect(try setup.count("contact") == 0)
  }

  @Test func contactNeedsAWayToReachAndValidFormats() throws {
    let setup = try BookingSetup.make()
    try setup.book(try setup.slot(BookingStoreTests.tuesday, 9))
    for (phone, email) in [
      (nil, nil), ("612345678", nil), ("06 12 34 56 78", nil), (nil, "Marie@Exemple.fr"),
      (nil, "marie"),
    ] as [(String?, String?)] {
      #expect(throws: DatabaseError.self) {
        try raw(
          setup,
          "INSERT INTO contact (consent_id, first_name, last_name, phone, email) VALUES (?, 'A', 'B', ?, ?)",
          [setup.consentID, phone, email])
      }
    }
    #expect(try setup.count("contact") == 0)
  }

  @Test func consentTextsAreNeverEdited() throws {
    let setup = try BookingSetup.make()
    #expect(throws: DatabaseError.self) { try raw(setup, "UPDATE consent_text SET body = 'autre'") }
    #expect(throws: DatabaseError.self) { try raw(setup, "DELETE FROM consent_text") }
  }

  static let appointmentSQL = """
    INSERT INTO appointment (reference, advisor_id, starts_at, ends_at, seat, day, place, visit_id,
      consent_id, desk_id, delay_days, status, created_at)
    VALUES (?, ?, '2026-06-02 07:00:00.000', '2026-06-02 07:30:00.000', 0, 20260602, 'on_site', ?, ?, ?, 1,
      'booked', '2026-06-01 06:00:00.000')
    """

  @Test func oneLiveBookingPerSeatAndOnlyUnderALiveConsent() throws {
    let setup = try BookingSetup.make()
    let args: (String) -> StatementArguments = {
      [$0, setup.advisorID, setup.visitID, setup.consentID, setup.workplace.deskID]
    }
    try raw(setup, Self.appointmentSQL, args("RDV-0000-0001"))
    #expect(throws: DatabaseError.self) {
      try raw(setup, Self.appointmentSQL, args("RDV-0000-0002"))
    }
    try raw(
      setup,
      "UPDATE appointment SET status = 'excused', cancelled_at = '2026-06-01 07:00:00.000'")
    try raw(setup, Self.appointmentSQL, args("RDV-0000-0002"))
    #expect(try setup.count("appointment") == 2)
    #expect(try setup.count("appointment", "cancelled_at IS NULL") == 1)
    // Without a consent of this visit for the advisor's structure, no appointment.
    let other = try setup.database.saveOperatorStructure(
      OperatorStructure(kind: .franceTravail, name: "France Travail Vienne"), by: .commandLine)
    let elsewhere = try setup.database.recordConsent(
      visitID: setup.visitID, textVersion: 1, recipientStructureID: other.id!,
      deskID: setup.workplace.deskID, by: .commandLine, at: BookingSetup.now)
    #expect(throws: DatabaseError.self) {
      try raw(
        setup, Self.appointmentSQL.replacingOccurrences(of: "07:", with: "08:"),
        ["RDV-0000-0003", setup.advisorID, setup.visitID, elsewhere.id!, setup.workplace.deskID])
    }
    #expect(throws: DatabaseError.self) {
      try raw(
        setup,
        "UPDATE appointment SET status = 'booked', cancelled_at = NULL WHERE reference = 'RDV-0000-0001'"
      )
    }
  }
}
