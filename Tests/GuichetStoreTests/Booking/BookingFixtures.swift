import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// A Mission locale in one territory, with one advisor open Monday to Friday 9:00–12:00 in 30-minute slots,
/// a visit that arrived on Monday 1 June 2026 at 8:00 (Paris) and a consent for that structure.
struct BookingSetup {
  var database: AppDatabase
  var workplace: Workplace
  var territoryID: Int64
  var structure: OperatorStructure
  var advisor: Advisor
  var visit: Visit
  var consent: Consent

  /// Monday 1 June 2026, 08:00 in Paris (06:00 UTC).
  static let now = Date(timeIntervalSince1970: 1_780_293_600)
  static let monday = LocalDate(year: 2026, month: 6, day: 1)!

  static func make(database: AppDatabase? = nil) throws -> BookingSetup {
    let database = try database ?? AppDatabase.inMemory()
    let workplace = try database.workplace(siteName: "CIO Vienne", deskName: "Poste 1")
    let territoryID = try #require(try database.territories().first?.id)
    let structure = try database.saveOperatorStructure(
      OperatorStructure(
        kind: .missionLocale, name: "Mission locale de Vienne", address: "2 rue du Port",
        postcode: "38200", city: "Vienne", phone: "04 74 00 00 00", territoryIDs: [territoryID]),
      by: .commandLine)
    let advisor = try database.openAdvisor(
      "Claire Martin", at: structure.id,
      weekdays: [.monday, .tuesday, .wednesday, .thursday, .friday], start: TimeOfDay(hour: 9)!,
      end: TimeOfDay(hour: 12)!,
      validFrom: LocalDate(year: 2026, month: 1, day: 1)!)
    let visit = try database.save(
      Visit(
        siteID: workplace.siteID, deskID: workplace.deskID, arrivedAt: now,
        publicCategory: .earlySchoolLeaver, ageBand: .from16to25, territoryID: territoryID,
        requestKinds: [.jobSearch, .training], day: monday.number), by: .commandLine)
    let consent = try database.recordConsent(
      visitID: try #require(visit.id), textVersion: database.consentText().version,
      recipientStructureID: try #require(structure.id), deskID: workplace.deskID, by: .commandLine,
      at: now)
    return BookingSetup(
      database: database, workplace: workplace, territoryID: territoryID, structure: structure,
      advisor: advisor, visit: visit, consent: consent)
  }

  var advisorID: Int64 { advisor.id! }
  var visitID: Int64 { visit.id! }
  var consentID: Int64 { consent.id! }

  /// The advisor's free slots of one day.
  func slots(on day: LocalDate, advisorID: Int64? = nil) throws -> [Slot] {
    try database.freeSlots(
      advisorID: advisorID ?? self.advisorID, from: LocalClock.startOfDay(day),
      to: LocalClock.startOfDay(day.adding(days: 1)), now: Self.now)
  }

  /// The slot at `hour:minute` (Paris) on `day`, as the rules open it.
  func slot(_ day: LocalDate, _ hour: Int, _ minute: Int = 0) throws -> Slot {
    let start = LocalClock.instant(day, TimeOfDay(hour: hour, minute: minute)!)!
    return Slot(advisorID: advisorID, startsAt: start, endsAt: start.addingTimeInterval(1800))
  }

  @discardableResult
  func book(
    _ slot: Slot, reference: BookingReference = .generate(), consentID: Int64? = nil,
    contact: Contact? = nil
  )
    throws -> Appointment
  {
    try database.book(
      reference: reference, slot: slot, visitID: visitID, consentID: consentID ?? self.consentID,
      contact: contact, by: .commandLine, now: Self.now)
  }

  func count(_ table: String, _ condition: String = "1") throws -> Int {
    try database.writer.read {
      try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table) WHERE \(condition)") ?? -1
    }
  }
}
