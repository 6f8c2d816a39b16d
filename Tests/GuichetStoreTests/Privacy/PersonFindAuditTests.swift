import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// `guichet person find` shows every contact kept for a phone or e-mail: each one shown is a read of that
/// contact, audited by the store in the same call (`contact_read`, by id, from the command line, never the
/// phone or the name).
@Suite struct PersonFindAuditTests {
  @Test func eachContactShownIsAuditedAsReadFromTheCommandLine() throws {
    let setup = try BookingSetup.make()
    let again = try BookingSetup.make(database: setup.database)
    let contact = try Contact.validate(
      firstName: "Zélie", lastName: "Xanthippe", phone: "0611223344", email: "")
    try setup.book(try setup.slot(RetentionAndErasureTests.tuesday, 9), contact: contact)
    try again.book(try again.slot(RetentionAndErasureTests.tuesday, 10), contact: contact)

    let found = try setup.database.person(
      phone: try PhoneNumber(parsing: "06 11 22 33 44"), by: .commandLine, now: BookingSetup.now)
    #expect(found.count == 2)
    let reads = try setup.database.auditEntries(subject: "contact", by: .commandLine)
      .filter { $0.action == .contactRead }
    #expect(reads.compactMap(\.subjectID).sorted() == found.map(\.contactId))
    #expect(reads.allSatisfy { $0.via == "command_line" && $0.accountID == nil })
    #expect(try setup.database.verifyAudit().isIntact)
    let dump = try setup.database.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM audit_entry").map(\.description)
    }
    #expect(!dump.joined().contains("Xanthippe") && !dump.joined().contains("11223344"))
  }
}
