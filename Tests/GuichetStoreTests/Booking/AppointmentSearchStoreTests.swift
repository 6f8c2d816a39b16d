import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// Finding a person's appointments by their phone or e-mail, however typed, among those the account may
/// change: the agent who took the consent and the structure's advisors find them, another agent and another
/// structure's advisor find nothing; the lookup is one transaction and audited, never with the phone itself.
@Suite struct AppointmentSearchStoreTests {
  func world() throws -> PermissionMatrixTests.World { try PermissionMatrixTests().world() }

  func byPhone(_ world: PermissionMatrixTests.World, _ typed: String, _ account: Account) throws
    -> [BookingReference]
  {
    try world.database.appointmentDetails(
      phone: try PhoneNumber(parsing: typed), by: account.caller, at: BookingSetup.now
    ).map(\.reference)
  }

  @Test(arguments: [
    "0612345678", "06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0033 (0)6 12 34 56 78",
  ])
  func theAgentWhoBookedFindsItByPhoneHoweverTyped(_ typed: String) throws {
    let world = try world()
    #expect(try byPhone(world, typed, world.agent) == [world.appointment.reference])
    #expect(try byPhone(world, typed, world.advisor) == [world.appointment.reference])
  }

  @Test func anotherAgentAndAnotherStructureFindNothingAndASupervisorIsRefused() throws {
    let world = try world()
    #expect(try byPhone(world, "06 12 34 56 78", world.otherAgent).isEmpty)
    #expect(try byPhone(world, "06 12 34 56 78", world.foreignAdvisor).isEmpty)
    #expect(try byPhone(world, "06 99 99 99 99", world.agent).isEmpty)
    let refusal = #expect(throws: UserError.self) {
      try byPhone(world, "06 12 34 56 78", world.supervisor)
    }
    #expect(refusal?.message.hasPrefix("Accès refusé") == true)
    // Nothing was shown to those who found nothing: no contact read is recorded for them.
    #expect(try world.setup.count("audit_entry", "action = 'contact_read'") == 0)
  }

  @Test func anEmailIsComparedWithoutRegardToCase() throws {
    let world = try world()
    let consent = try world.database.recordConsent(
      visitID: world.setup.visitID, textVersion: world.database.consentText().version,
      recipientStructureID: try #require(world.setup.structure.id),
      deskID: world.setup.workplace.deskID, by: world.agent.caller, at: BookingSetup.now)
    let booked = try world.database.book(
      reference: .generate(), slot: try world.setup.slot(BookingSetup.monday, 11),
      visitID: world.setup.visitID, consentID: try #require(consent.id),
      contact: Contact(
        firstName: "Zoé", lastName: "Quintanilla", phone: nil,
        email: try EmailAddress(parsing: "Zoe.Quintanilla@Exemple.FR")),
      by: world.agent.caller, now: BookingSetup.now)
    for typed in ["zoe.quintanilla@exemple.fr", " ZOE.QUINTANILLA@EXEMPLE.FR "] {
      let found = try world.database.appointmentDetails(
        email: try EmailAddress(parsing: typed), by: world.agent.caller, at: BookingSetup.now)
      #expect(found.map(\.reference) == [booked.reference])
      #expect(found.first?.contact?.email?.value == "zoe.quintanilla@exemple.fr")
    }
    #expect(
      try world.database.appointmentDetails(
        email: try EmailAddress(parsing: "zoe.quintanilla@exemple.fr"),
        by: world.otherAgent.caller, at: BookingSetup.now
      ).isEmpty)
  }

  @Test func theLookupIsOneTransactionAuditedWithoutThePhone() throws {
    let world = try world()
    var found: [AppointmentDetail] = []
    let transactions = try SingleCallTests.transactions(in: world.database) {
      found = try world.database.appointmentDetails(
        phone: try PhoneNumber(parsing: "06 12 34 56 78"), by: world.agent.caller,
        at: BookingSetup.now)
    }
    #expect(transactions == 1)
    #expect(found.first?.contact?.lastName == "Quintanilla")
    let contactID = try #require(
      try world.database.writer.read { db in
        try Int64.fetchOne(
          db, sql: "SELECT id FROM contact WHERE consent_id = ?", arguments: [world.consentID])
      })
    #expect(
      try world.setup.count(
        "audit_entry",
        "action = 'contact_read' AND subject = 'contact' AND subject_id = \(contactID) AND account_id = \(world.agent.id)"
      ) == 1)
    let rows = try world.database.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM audit_entry")
    }
    for row in rows {
      let values = row.columnNames.map { "\(row[$0] as DatabaseValue)" }.joined(separator: "|")
      #expect(!values.contains("612345678") && !values.contains("Quintanilla"))
    }
  }

  @Test func aWithdrawnConsentLeavesNothingToFind() throws {
    let world = try world()
    _ = try world.database.withdrawConsent(
      id: world.consentID, by: world.agent.caller, at: BookingSetup.now)
    #expect(try byPhone(world, "0612345678", world.agent).isEmpty)
  }
}
