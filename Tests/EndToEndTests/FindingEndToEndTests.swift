import Foundation
import GRDB
import GuichetCore
import GuichetStore
import Testing

/// A person calls without their slip, in the real console on a clock set by `GUICHET_NOW`: the agent who
/// booked finds the appointment by the phone number, moves it to a slot of a later week (Pg↓), and saves the
/// new slip again; a second agent signed in at another desk finds nothing with the same phone. Then the rows
/// the store wrote are checked: the new time, a contact read audited for the first agent only, no phone in
/// the audit trail.
@Suite(.serialized) struct FindingEndToEndTests {
  static let morning = "2026-12-03T10:30"
  static let secondAgent = "accueil2"

  @Test func anAgentFindsMovesAndReprintsByPhoneAndASecondAgentCannot() throws {
    let slips = TmuxConsole.slipsFolder()
    defer { try? FileManager.default.removeItem(at: slips) }
    let desk = try TmuxConsole(
      environment: ["GUICHET_SLIPS_DIR": slips.path, "GUICHET_NOW": Self.morning])
    try desk.waitFor("Nouvelle visite (au guichet)")
    let database = try AppDatabase.open(path: desk.databasePath)
    _ = try AgendaEndToEndTests.openAgency(in: database)
    var host = GuichetRun(folder: desk.directory)
    host.input = E2EAccount.password + "\n"
    let added = try host.run([
      "users", "add", "--login", Self.secondAgent, "--role", "agent", "--database",
      desk.databasePath,
    ])
    #expect(added.status == 0, "\(added.stderr)")

    // Booked this morning: Friday 09:00, the first free slot, the list on the current week.
    var week = ""
    let reference = try desk.bookTheFirstSlotForMarieDupont(slots: "ven. 04/12/2026 09:00  J+1") {
      week = $0
    }
    #expect(week.contains("Semaine du lundi 30 novembre 2026 (en cours)"), "\(week)")
    try desk.leaveTheSlipAndCloseTheVisit()

    // She calls back without the slip: found by her phone, typed as she says it.
    let found = try desk.findAppointment(typing: "06.12.34.56.78", until: "Personne : Marie DUPONT")
    #expect(found.contains("\(reference) · ven. 04/12/2026 09:00 · Prévu · Agence Essai"))
    #expect(found.contains("06 12 34 56 78_"), "the field shows the number as the slip prints it")

    // Moved to the next week's Monday, browsed with Pg↓.
    try desk.press("F5")
    try desk.waitFor("Déplacer \(reference) · Agence Essai")
    try desk.press("NPage")
    let next = try desk.waitFor("Semaine du lundi 7 décembre 2026")
    try desk.waitFor("lun. 07/12/2026 09:00")
    #expect(!next.contains("(en cours)"))
    try desk.press("Enter")
    try desk.waitFor("Rendez-vous \(reference) déplacé au lun. 07/12/2026 à 09:00.")
    try desk.press("F2")
    try desk.waitFor("\(reference) · lun. 07/12/2026 09:00 · Prévu")

    // Reprinted from the result: the slip at its new time, saved again.
    try desk.press("F4")
    let reprinted = try desk.waitFor("Rendez-vous confirmé")
    #expect(reprinted.contains("lun. 07/12/2026 de 09:00 à 09:30"), "\(reprinted)")
    try desk.press("e")
    try desk.waitFor("Coupon enregistré")
    try desk.quit()

    // Another agent, at another desk, with the same phone: nothing to see or change.
    let other = try TmuxConsole(
      environment: ["GUICHET_NOW": Self.morning], sharing: desk, login: nil)
    try other.logIn(login: Self.secondAgent, password: E2EAccount.password)
    try other.waitFor("Bonjour, \(Self.secondAgent) (agent")
    let nothing = try other.findAppointment(
      typing: "0612345678", until: "Aucun rendez-vous pris par vous n'est enregistré avec ce")
    #expect(!nothing.contains("DUPONT") && !nothing.contains(reference))
    try other.quit()

    let appointment = try #require(
      try database.appointment(
        reference: try BookingReference(parsing: reference), by: .commandLine))
    #expect(
      appointment.startsAt
        == LocalClock.instant(
          try #require(LocalDate(year: 2026, month: 12, day: 7)),
          try #require(TimeOfDay(hour: 9, minute: 0))))
    let text = try String(
      contentsOf: slips.appendingPathComponent("\(reference).txt"), encoding: .utf8)
    #expect(text.contains("07/12/2026"), "\(text)")
    let audit = try readDatabase(desk.databasePath) { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT e.*, a.login FROM audit_entry e LEFT JOIN account a ON a.id = e.account_id
          """)
    }
    let reads = audit.filter { $0["action"] as String? == "contact_read" }
    #expect(
      !reads.isEmpty && reads.allSatisfy { $0["login"] as String? == E2EAccount.agent.rawValue })
    for row in audit {
      let values = row.columnNames.map { "\(row[$0] as DatabaseValue)" }.joined(separator: "|")
      #expect(!values.contains("612345678"))
    }
  }
}
