import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// The personal-data lifecycle: retention purge on a fake clock, access and erasure requests, and erasure
/// that leaves no byte of the name in the database, WAL or shared-memory files.
@Suite struct RetentionAndErasureTests {
  static let name = "Xanthippe"
  static let tuesday = BookingSetup.monday.adding(days: 1)

  static func folder(_ label: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  func contact(_ lastName: String = name, phone: String = "0611223344") throws -> Contact {
    try Contact.validate(firstName: "Zélie", lastName: lastName, phone: phone, email: "")
  }

  @Test func contactsGoThreeMonthsAfterTheLastEventAndConsentProofStays() throws {
    let setup = try BookingSetup.make()
    let booked = try setup.book(try setup.slot(Self.tuesday, 9), contact: try contact())
    // The advisor records the visit a week later: the last event moves with it.
    let marked = booked.endsAt.addingTimeInterval(7 * 86_400)
    _ = try setup.database.recordAttendance(
      reference: booked.reference, as: .seen, by: .commandLine, now: marked)
    #expect(
      try setup.database.expiredContacts(now: booked.endsAt.addingTimeInterval(91 * 86_400)).isEmpty
    )
    let late = marked.addingTimeInterval(91 * 86_400)
    let expired = try setup.database.expiredContacts(now: late)
    #expect(expired.map(\.consentID) == [setup.consentID])
    #expect(expired.first?.retentionDays == ConsentText.initialRetentionDays)
    #expect(try setup.count("contact") == 1, "a dry run erases nothing")
    #expect(try setup.database.purgeExpiredContacts(now: late).count == 1)
    #expect(try setup.count("contact") == 0)
    #expect(
      try setup.count("consent", "id = \(setup.consentID)") == 1, "the proof of consent stays")
    #expect(try setup.count("visit") == 1)
    #expect(try setup.count("appointment") == 1)
    let entry = try #require(try setup.database.auditEntries(by: .commandLine).first)
    #expect(entry.action == .contactsPurged && entry.via == "system")
    #expect(try setup.database.verifyAudit().isIntact)
  }

  @Test func anAppointmentStillToComeKeepsItsContact() throws {
    let setup = try BookingSetup.make()
    let far = LocalClock.instant(BookingSetup.monday.adding(days: 120), TimeOfDay(hour: 9)!)!
    _ = try setup.database.saveOpeningRule(
      OpeningRule(
        advisorID: setup.advisorID, weekdays: Set(Weekday.allCases), start: TimeOfDay(hour: 9)!,
        end: TimeOfDay(hour: 10)!, slotMinutes: 30, validFrom: BookingSetup.monday),
      by: .commandLine)
    _ = try setup.book(
      Slot(advisorID: setup.advisorID, startsAt: far, endsAt: far.addingTimeInterval(1800)),
      contact: try contact())
    #expect(try setup.database.purgeExpiredContacts(now: far.addingTimeInterval(-86_400)).isEmpty)
  }

  @Test func accessRequestsExportAndEraseOnePersonWithAuditEntries() throws {
    let setup = try BookingSetup.make()
    let other = try BookingSetup.make(database: setup.database)
    try other.book(
      try other.slot(Self.tuesday, 9), contact: try contact("Autre", phone: "0699887766"))
    let booked = try setup.book(try setup.slot(Self.tuesday, 9), contact: try contact())
    let phone = try PhoneNumber(parsing: "06 11 22 33 44")

    let found = try setup.database.person(phone: phone, by: .commandLine, export: true)
    #expect(found.count == 1)
    #expect(found.first?.lastName == Self.name)
    #expect(found.first?.appointments.map(\.reference) == [booked.reference.value])
    #expect(found.first?.consentTextVersion == 1)

    let erased = try setup.database.erasePerson(
      phone: phone, by: .commandLine, now: BookingSetup.now)
    #expect(erased.count == 1)
    #expect(try setup.database.person(phone: phone, by: .commandLine).isEmpty)
    #expect(try setup.count("contact") == 1, "the other person stays")
    #expect(try setup.database.consent(id: setup.consentID)?.isWithdrawn == true)
    #expect(
      try setup.database.appointment(reference: booked.reference, by: .commandLine)?.status
        == .revoked)
    let actions = try setup.database.auditEntries(subject: "contact", by: .commandLine).compactMap(
      \.action)
    #expect(actions.contains(.contactExported) && actions.contains(.contactErased))
  }

  @Test func searchMissesThatLookLikePersonalDataAreNotKept() throws {
    let setup = try BookingSetup.make(database: try AppDatabase.inMemory(bundledReference: true))
    for typed in ["dupont 06 12 34 56 78", "marie.dupont@example.fr", "1 85 05 78 006 084 36"] {
      #expect(
        try setup.database.recordSearchMiss(typed, workplace: setup.workplace, at: BookingSetup.now)
          == nil, "\(typed)")
    }
    #expect(try setup.count("search_miss") == 0)
    #expect(
      try setup.database.recordSearchMiss(
        "zythologue", workplace: setup.workplace, at: BookingSetup.now)
        != nil)
  }

  /// On disk, with WAL, as desks run: after erasure and its checkpoint no byte of the name is left.
  @Test func anErasedNameLeavesNoByteInTheFiles() throws {
    let folder = try Self.folder("erasure")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("erase.sqlite").path
    let database = try AppDatabase.open(path: path, bundledReference: false)
    let secure = try database.writer.read { try Int.fetchOne($0, sql: "PRAGMA secure_delete") }
    #expect(secure == 1)
    let setup = try BookingSetup.make(database: database)
    try setup.book(try setup.slot(Self.tuesday, 9), contact: try contact())
    // Rewrite the page a few times so older copies of it sit in the WAL.
    for round in 0..<3 {
      let other = try BookingSetup.make(database: database)
      try other.book(
        try other.slot(Self.tuesday, 9),
        contact: try contact("Remplissage", phone: "069988776\(round)"))
    }
    let files = [path, path + "-wal", path + "-shm"]
    let needle = Data(Self.name.utf8)
    #expect(
      files.contains { (try? Data(contentsOf: URL(fileURLWithPath: $0)))?.range(of: needle) != nil }
    )
    _ = try database.erasePerson(phone: try PhoneNumber(parsing: "0611223344"), by: .commandLine)
    for file in files {
      let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
      #expect(bytes.range(of: needle) == nil, "\(file) still holds the name")
    }
  }

  @Test func filesOpenToOtherAccountsAreReportedInFrench() throws {
    let folder = try Self.folder("exposure")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("open.sqlite").path
    _ = try AppDatabase.open(path: path, bundledReference: false)
    #expect(FileExposure.warnings(path: path).isEmpty, "a new file is private")
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    let warnings = FileExposure.warnings(path: path)
    #expect(warnings.count == 1)
    #expect(warnings.first?.contains("tous les comptes de la machine") == true)
    #expect(warnings.first?.contains("chmod 600") == true)
  }
}
