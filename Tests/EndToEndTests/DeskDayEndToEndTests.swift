import Foundation
import GRDB
import GuichetCore
import GuichetStore
import Testing

/// A whole day at the desk in the real console, on clocks set by `GUICHET_NOW`. Thursday: two people
/// arrive; the first is taken from the queue, coded and booked with the Mission locale for Friday 09:00;
/// a walk-in visit books Friday 09:30 for Paul Martin, who calls back to cancel (found by his phone); Marie
/// Dupont calls to move hers and takes the freed 09:30 (found by her phone); the second arrival leaves
/// unseen. Friday morning: the advisor prints the day list (contacts on paper only), and the desk's queue
/// reads 0 waiting, the arrival of the day before closed « parti sans être reçu ».
@Suite(.serialized) struct DeskDayEndToEndTests {
  static let thursday = "2026-12-03T10:30"
  static let friday = "2026-12-04T08:50"
  static let advisorPassword = "le conseil du vendredi matin"

  @Test func arrivalVisitBookingCancellationMoveDayListAndNextMorningQueue() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-day-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let printer = try PrinterStub(in: folder)
    let slips = folder.appendingPathComponent("rendez-vous")
    let desk = try TmuxConsole(
      environment: ["GUICHET_NOW": Self.thursday, "GUICHET_SLIPS_DIR": slips.path])
    try desk.waitFor("Nouvelle visite (au guichet)")
    let database = try AppDatabase.open(path: desk.databasePath)
    let structureID = try AgendaEndToEndTests.openAgency(in: database).structureID
    var host = GuichetRun(folder: desk.directory)
    host.input = Self.advisorPassword + "\n"
    let added = try host.run([
      "users", "add", "--login", "cmartin", "--role", "conseiller", "--structure",
      "\(structureID)", "--database", desk.databasePath,
    ])
    #expect(added.status == 0, "\(added.stderr)")

    // Two arrivals; the first is taken from the queue and booked for Friday 09:00.
    try desk.press("a")
    try desk.waitFor("Arrivée enregistrée à 10:30 : n° 1.")
    try desk.press("a")
    try desk.waitFor("File d'attente (2)")
    try desk.press("f")
    try desk.waitFor("2 en attente, 0 en cours")
    try desk.press("Enter")
    try desk.waitFor("Demande(s)")
    try desk.routeToTheMissionLocale()
    try desk.waitFor("ven. 04/12/2026 09:00  J+1")
    try desk.press("Enter")
    try desk.consentAndTypeContact()
    let marie = try TmuxConsole.reference(onSlip: try desk.waitFor("Rendez-vous confirmé"))
    try desk.leaveTheSlipAndCloseTheVisit()

    // A walk-in visit books the next slot, Friday 09:30, for Paul Martin.
    try desk.backHome()
    try desk.startBookingWithTheMissionLocale()
    try desk.waitFor("ven. 04/12/2026 09:30  J+1")
    try desk.press("Enter")
    try desk.consentAndTypeContact(firstName: "Paul", lastName: "Martin", phone: "07 11 22 33 44")
    let paul = try TmuxConsole.reference(onSlip: try desk.waitFor("Rendez-vous confirmé"))
    try desk.leaveTheSlipAndCloseTheVisit()

    // Paul calls to cancel: found by his phone, cancelled after « O ».
    try desk.backHome()
    try desk.findAppointment(typing: "07 11 22 33 44", until: "Personne : Paul MARTIN")
    try desk.press("F6")
    try desk.waitFor("O pour confirmer")
    try desk.press("o")
    try desk.waitFor("\(paul) · ven. 04/12/2026 09:30 · Annulé par la personne")

    // Marie calls to move: found by her phone, moved to the 09:30 Paul freed.
    try desk.backHome()
    try desk.findAppointment(typing: "+33 6 12 34 56 78", until: "Personne : Marie DUPONT")
    try desk.press("F5")
    try desk.waitFor("Déplacer \(marie) · Agence Essai")
    try desk.waitFor("ven. 04/12/2026 09:30  J+1")
    try desk.press("Enter")
    try desk.waitFor("Rendez-vous \(marie) déplacé au ven. 04/12/2026 à 09:30.")
    try desk.press("F2")
    try desk.waitFor("\(marie) · ven. 04/12/2026 09:30 · Prévu")
    try desk.press("Escape")
    try desk.waitFor("File d'attente (1)")
    try desk.quit()

    // Friday morning, the advisor: the day list printed, with the contacts on paper only.
    let advisor = try TmuxConsole(
      environment: [
        "GUICHET_NOW": Self.friday, "PATH": printer.path, "GUICHET_SLIPS_DIR": slips.path,
      ], sharing: desk, login: nil)
    try advisor.logIn(login: "cmartin", password: Self.advisorPassword)
    let day = try advisor.waitFor("Vendredi 04/12/2026 (aujourd'hui)")
    try advisor.waitFor("Marie DUPONT")
    #expect(day.contains("Agence Essai"), "\(day)")
    try advisor.press("i")
    try advisor.waitFor("Liste envoyée à l'imprimante")
    try advisor.quit()
    let printed = try String(contentsOf: printer.paper, encoding: .utf8)
    #expect(printed.contains("Vendredi 04/12/2026"), "\(printed)")
    #expect(printed.contains("09:30–10:00 · Claire Martin · Sur place · Prévu · \(marie)"))
    #expect(printed.contains("Personne : Marie DUPONT · 06 12 34 56 78"))
    #expect(printed.contains("Annulé par la personne · \(paul)"), "\(printed)")
    let file = slips.appendingPathComponent("agenda-\(structureID)-2026-12-04.txt")
    let written = try String(contentsOf: file, encoding: .utf8)
    #expect(written.contains(marie) && !written.contains("DUPONT") && !written.contains("06 12"))

    // Friday morning, the desk: nobody waiting, the arrival never taken closed on its own day.
    let morning = try TmuxConsole(
      environment: ["GUICHET_NOW": "2026-12-04T08:55"], sharing: desk)
    let home = try morning.waitFor("Nouvelle visite (au guichet)")
    #expect(home.contains("File d'attente (0)") && home.contains("Personne en attente."), "\(home)")
    try morning.quit()

    let moved = try #require(
      try database.appointment(reference: try BookingReference(parsing: marie), by: .commandLine))
    #expect(moved.status == .booked)
    #expect(
      moved.startsAt
        == LocalClock.instant(
          try #require(LocalDate(year: 2026, month: 12, day: 4)),
          try #require(TimeOfDay(hour: 9, minute: 30))))
    let cancelled = try database.appointment(
      reference: try BookingReference(parsing: paul), by: .commandLine)
    #expect(cancelled?.status == .excused)
    let unseen = try #require(
      try database.writer.read { db in
        try Row.fetchOne(db, sql: "SELECT outcome, ticket, day FROM visit WHERE ticket = 2")
      })
    #expect(unseen["outcome"] as String? == Outcome.leftUnseen.rawValue)
    #expect(unseen["day"] as Int? == 20_261_203)
  }
}
