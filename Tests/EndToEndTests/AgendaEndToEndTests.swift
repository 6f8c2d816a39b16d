import Foundation
import GuichetCore
import GuichetStore
import Testing

/// The advisor's agenda in the real binary: another desk books an appointment that has already taken place,
/// the advisor opens the agenda with « G », finds it among the appointments to complete, and marks it seen.
@Suite(.serialized) struct AgendaEndToEndTests {
  /// A structure that sorts first, an advisor open every day, and a booking on the latest past day with a slot.
  static func bookPastAppointment(in database: AppDatabase) throws -> BookingReference {
    let workplace = try database.workplace(siteName: "Site essai", deskName: "Poste 9")
    let territoryID = try #require(try database.territories().first?.id)
    let structure = try database.saveOperatorStructure(
      OperatorStructure(kind: .missionLocale, name: "Agence Essai", territoryIDs: [territoryID]))
    let structureID = try #require(structure.id)
    let advisor = try database.saveAdvisor(
      Advisor(structureID: structureID, displayName: "Claire Martin"))
    let advisorID = try #require(advisor.id)
    let today = LocalDate(Date())
    _ = try database.saveOpeningRule(
      OpeningRule(
        advisorID: advisorID, weekdays: Set(Weekday.allCases), start: TimeOfDay(hour: 9)!,
        end: TimeOfDay(hour: 10)!, slotMinutes: 30, validFrom: today.adding(days: -20)))
    for back in 1...10 {
      let day = today.adding(days: -back)
      let midnight = LocalClock.startOfDay(day)
      guard
        let slot = try database.freeSlots(
          advisorID: advisorID, from: midnight, to: midnight.addingTimeInterval(86_400),
          now: midnight
        ).first
      else { continue }
      let visit = try database.save(
        Visit(
          siteID: workplace.siteID, deskID: workplace.deskID,
          arrivedAt: midnight.addingTimeInterval(-86_400), publicCategory: .jobSeeker,
          ageBand: .from26to44, territoryID: territoryID, requestKinds: [.jobSearch],
          day: day.adding(days: -1).number))
      let consent = try database.recordConsent(
        visitID: try #require(visit.id), textVersion: database.consentText().version,
        recipientStructureID: structureID, deskID: workplace.deskID,
        at: midnight.addingTimeInterval(-86_000))
      return try database.book(
        reference: .generate(), slot: slot, visitID: try #require(visit.id),
        consentID: try #require(consent.id), now: midnight.addingTimeInterval(-85_000)
      ).reference
    }
    throw SeededDatabase.Failure(description: "no past slot found")
  }

  @Test func theAdvisorMarksAPastAppointmentSeen() throws {
    let console = try TmuxConsole()
    try console.waitFor("Nouvelle visite (au guichet)")
    let database = try AppDatabase.open(path: console.databasePath)
    let reference = try Self.bookPastAppointment(in: database)
    try console.press("g")
    try console.waitFor("Agenda de quelle structure ?")
    try console.waitFor("Agence Essai")
    try console.press("Enter")
    try console.waitFor("Agenda du jour")
    try console.press("c")
    let backlog = try console.waitFor("Passés, résultat non saisi · 1 rendez-vous")
    #expect(backlog.contains("Claire Martin"))
    #expect(backlog.contains("Demandeur d'emploi"))
    try console.press("r")
    try console.waitFor("Rendez-vous \(reference) : reçu.")
    try console.waitFor("Passés, résultat non saisi · 0 rendez-vous")
    try console.press("F10")
    try console.waitFor("__EXIT__0")
    #expect(try database.appointment(reference: reference)?.status == .seen)
  }
}
