import Foundation
import GuichetCore
import GuichetStore
import Testing

/// Cancelling and withdrawing from the console, on a clock set by `GUICHET_NOW`: two appointments booked
/// by another desk for tomorrow are found by reference and from today's visits; one is cancelled (its slot
/// is free again), the person behind the other withdraws her consent (contact erased, appointment revoked);
/// the advisor's agenda then shows both as cancelled. A reference never booked says so.
@Suite(.serialized) struct AgendaEndToEndTests {
  /// Thursday 3 December 2026, 10:30 in Paris.
  static let now = LocalClock.instant(
    LocalDate(year: 2026, month: 12, day: 3)!, TimeOfDay(hour: 10, minute: 30)!)!
  static let tomorrow = LocalDate(year: 2026, month: 12, day: 4)!

  /// « Agence Essai » (sorts first), an advisor open 09:00–10:00 every day, and two bookings tomorrow at
  /// 09:00 and 09:30, each from its own visit at this desk today, with a contact.
  static func bookTomorrow(in database: AppDatabase) throws -> (BookingReference, BookingReference)
  {
    let workplace = try #require(try database.workplaces().first)
    let advisor = try openAgency(in: database)
    let structureID = advisor.structureID
    let advisorID = try #require(advisor.id)
    let midnight = LocalClock.startOfDay(tomorrow)
    let slots = try database.freeSlots(
      advisorID: advisorID, from: midnight, to: midnight.addingTimeInterval(86_400), now: now)
    // The seeded agent takes the consents: that account sees the contacts at the desk.
    let agent = try database.authenticate(
      login: E2EAccount.agent.rawValue, password: E2EAccount.password)
    var references: [BookingReference] = []
    for (index, slot) in slots.prefix(2).enumerated() {
      let at = now.addingTimeInterval(Double(index - 10) * 60)
      let visit = try database.save(
        Visit(
          siteID: workplace.siteID, deskID: workplace.deskID, arrivedAt: at, startedAt: at,
          publicCategory: .jobSeeker, ageBand: .from26to44, requestKinds: [.jobSearch],
          day: LocalDate(now).number), by: .commandLine)
      let consent = try database.recordConsent(
        visitID: try #require(visit.id), textVersion: database.consentText().version,
        recipientStructureID: structureID, deskID: workplace.deskID, by: agent.caller, at: at)
      let consentID = try #require(consent.id)
      let contact = try Contact.validate(
        firstName: "Léa", lastName: ["Durand", "Moreau"][index], phone: "06 12 34 56 7\(index)",
        email: "")
      references.append(
        try database.book(
          reference: .generate(), slot: slot, visitID: try #require(visit.id),
          consentID: consentID, contact: contact, by: .commandLine, now: at
        ).reference)
    }
    try #require(references.count == 2)
    return (references[0], references[1])
  }

  /// « Agence Essai », a Mission locale that sorts first, with Claire Martin open 09:00–10:00 every day.
  static func openAgency(in database: AppDatabase) throws -> Advisor {
    let structure = try database.saveOperatorStructure(
      OperatorStructure(kind: .missionLocale, name: "Agence Essai", phone: "04 79 00 00 00"),
      by: .commandLine)
    let advisor = try database.openAdvisor(
      "Claire Martin", at: structure.id, weekdays: Set(Weekday.allCases),
      start: TimeOfDay(hour: 9)!, end: TimeOfDay(hour: 10)!,
      validFrom: tomorrow.adding(days: -7))
    return advisor
  }

  /// The advisor is removed from another desk while the agent is taking the consent and the contact: the
  /// booking is refused in French and nothing is left behind (no appointment, no contact).
  @Test func anAdvisorRemovedDuringTheBookingLeavesNoRow() throws {
    let console = try TmuxConsole(environment: ["GUICHET_NOW": "2026-12-03T10:30"])
    try console.waitFor("Nouvelle visite (au guichet)")
    let database = try AppDatabase.open(path: console.databasePath)
    let advisor = try Self.openAgency(in: database)
    try console.startBookingWithTheMissionLocale()
    try console.waitFor("ven. 04/12/2026 09:00  J+1  Sur place · Claire Martin")
    try console.press("Enter")
    try console.waitFor("Réponse de la personne")
    try database.removeAdvisor(id: try #require(advisor.id), by: .commandLine, now: Self.now)
    try console.consentAndTypeContact()
    let refused = try console.waitFor(
      "Ce conseiller n'est plus disponible (il a été retiré) : choisissez un autre créneau.")
    #expect(refused.contains("Dupont"), "what was typed stays on screen")
    try console.press("Escape", "Escape", "Escape", "Escape", "F3")
    try console.waitFor("toujours en cours")
    try console.quit()
    #expect(try database.appointments(visitID: 1, by: .commandLine).isEmpty)
    let consent = try #require(try database.consents(visitID: 1).first)
    #expect(try database.contact(consentID: try #require(consent.id), by: .commandLine) == nil)
  }

  @Test func cancelAndWithdrawFromTheConsoleShowInTheAgenda() throws {
    let console = try TmuxConsole(environment: ["GUICHET_NOW": "2026-12-03T10:30"])
    try console.waitFor("Nouvelle visite (au guichet)")
    let database = try AppDatabase.open(path: console.databasePath)
    let (cancelled, withdrawn) = try Self.bookTomorrow(in: database)

    // A reference nobody booked: the booking did not go through.
    try console.press("v")
    try console.waitFor("Référence, téléphone ou e-mail")
    try console.type("RDV-0000-0000")
    try console.press("Enter")
    try console.waitFor("Aucun rendez-vous ne porte la référence RDV-0000-0000")

    // The first one, by its reference: cancelled by the person, after « O ».
    for _ in 0..<13 { try console.press("BSpace") }
    try console.type(cancelled.value)
    try console.press("Enter")
    try console.waitFor("Personne : Léa DURAND")
    try console.press("F6")
    try console.waitFor("O pour confirmer")
    try console.press("o")
    try console.waitFor("Rendez-vous \(cancelled) : annulé par la personne, le créneau est libéré.")
    try console.waitFor("Statut : Annulé par la personne le jeu. 03/12/2026 à 10:3")
    try console.press("F5")
    try console.waitFor("il ne peut plus être déplacé ni annulé")
    try console.press("Escape")

    // The second one, from today's visits: the person withdraws her consent.
    try console.press("j")
    try console.waitFor("Visites du jour à ce poste")
    try console.press("End", "r")
    try console.waitFor("Rendez-vous pris pendant la visite n° 2")
    try console.waitFor("Personne : Léa MOREAU")
    try console.press("F8")
    try console.waitFor("Retrait du consentement : coordonnées effacées")
    try console.press("o")
    try console.waitFor(
      "Consentement retiré : coordonnées effacées, rendez-vous \(withdrawn) annulé.")
    let after = try console.waitFor("Consentement retiré le jeu. 03/12/2026")
    #expect(!after.contains("MOREAU"))
    try console.press("Escape", "Escape")

    // The advisor's agenda for tomorrow shows both as cancelled, without contact for the withdrawn one.
    try console.openAgenda(of: "Agence Essai")
    try console.press("Right")
    // The last row, not the heading: a capture can fall between the heading and the rows being drawn.
    let agenda = try console.waitFor("09:30 Claire Martin   Sur place Annulé     —")
    #expect(agenda.contains("Vendredi 04/12/2026 · 2 rendez-vous"))
    #expect(agenda.contains("09:00 Claire Martin   Sur place Excusé"))
    try console.quit()

    #expect(try database.appointment(reference: cancelled, by: .commandLine)?.status == .excused)
    let revoked = try #require(try database.appointment(reference: withdrawn, by: .commandLine))
    #expect(revoked.status == .revoked)
    #expect(try database.contact(consentID: revoked.consentID, by: .commandLine) == nil)
    // Both slots are free again.
    let midnight = LocalClock.startOfDay(Self.tomorrow)
    let free = try database.freeSlots(
      advisorID: revoked.advisorID, from: midnight, to: midnight.addingTimeInterval(86_400),
      now: Self.now)
    #expect(free.count == 2)
  }
}
