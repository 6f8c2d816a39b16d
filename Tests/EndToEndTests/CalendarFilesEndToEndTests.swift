import Foundation
import GuichetStore
import GuichetTestData
import Testing

/// Every calendar file the real binary writes for one appointment, as the person's calendar would read them:
/// booked and saved, moved and saved again (same UID, SEQUENCE 1), cancelled and its notice saved
/// (METHOD:CANCEL, SEQUENCE 2). Each file passes Python `icalendar` and the 75-octet line rule, and is
/// stamped with the console's time of writing, not the appointment's.
@Suite(.serialized) struct CalendarFilesEndToEndTests {
  @Test func theBookingTheMoveAndTheCancellationEachWriteAStandardCalendarFile() throws {
    let slips = try GuichetRun.temporaryFolder("calendar-slips")
    defer { try? FileManager.default.removeItem(at: slips) }
    let console = try TmuxConsole(
      environment: ["GUICHET_NOW": "2026-12-03T10:30", "GUICHET_SLIPS_DIR": slips.path])
    try console.waitFor("Nouvelle visite (au guichet)")
    let database = try AppDatabase.open(path: console.databasePath)
    _ = try AgendaEndToEndTests.openAgency(in: database)

    // Booked tomorrow at 09:00, the slip saved.
    let reference = try console.bookTheFirstSlotForMarieDupont()
    let calendarFile = slips.appendingPathComponent("\(reference).ics")
    try console.press("e")
    try console.waitFor("Coupon enregistré : \(reference).txt")
    let booked = try String(contentsOf: calendarFile, encoding: .utf8)
    try console.press("F2")
    try console.waitFor("Demande(s)")
    try console.press("F2")
    try console.waitFor("clôturée")

    // Found by its reference and moved to the next free slot: the new slip replaces the file.
    try console.press("v")
    try console.waitFor("Référence, téléphone ou e-mail")
    try console.type(reference)
    try console.press("Enter")
    try console.waitFor("Personne : Marie DUPONT")
    try console.press("F5")
    try console.waitFor("Déplacer \(reference) · Agence Essai")
    try console.press("Enter")
    try console.waitFor("Rendez-vous \(reference) déplacé au ven. 04/12/2026 à 09:30.")
    try console.press("e")
    try console.waitFor("Coupon enregistré : \(reference).txt")
    let moved = try String(contentsOf: calendarFile, encoding: .utf8)
    try console.press("F2")
    try console.waitFor("\(reference) · ven. 04/12/2026 09:30 · Prévu")

    // Cancelled by the person: F4 gives the cancellation notice, saved beside the confirmation.
    try console.press("F6")
    try console.waitFor("O pour confirmer")
    try console.press("o")
    try console.waitFor("F4 : coupon d'annulation")
    try console.press("F4")
    try console.waitFor("Rendez-vous annulé")
    try console.press("e")
    try console.waitFor("Coupon enregistré : \(reference)-annulation.txt")
    let cancelled = try String(
      contentsOf: slips.appendingPathComponent("\(reference)-annulation.ics"), encoding: .utf8)
    try console.press("F10")
    try console.waitFor("__EXIT__0")

    let written = [("réservation", booked), ("déplacement", moved), ("annulation", cancelled)]
    var copies: [URL] = []
    for (name, ics) in written {
      #expect(CalendarCheck.lineProblems(ics) == [], "\(name)")
      #expect(CalendarCheck.isFolded(ics), "\(name): the long description is folded")
      #expect(!ics.contains("Dupont") && !ics.contains("12345678"), "\(name)")
      let copy = slips.appendingPathComponent("\(name).ics")
      try Data(ics.utf8).write(to: copy)
      copies.append(copy)
    }
    let entries = try CalendarCheck.parse(copies)
    try #require(entries.count == 3, "\(entries)")
    let uid = "\(reference)@guichet"
    #expect(entries.map(\.uid) == [uid, uid, uid])
    #expect(entries.map(\.method) == ["PUBLISH", "PUBLISH", "CANCEL"])
    #expect(entries.map(\.sequence) == ["0", "1", "2"])
    #expect(entries.map(\.status) == ["CONFIRMED", "CONFIRMED", "CANCELLED"])
    // 09:00 then 09:30 in Paris (UTC+1); the cancellation names the time it removes.
    #expect(entries.map(\.start) == ["20261204T080000Z", "20261204T083000Z", "20261204T083000Z"])
    // Stamped when written: from the console's 10:30 on the 3rd, in order, never the appointment's time.
    let stamps = entries.map(\.stamp)
    #expect(stamps.allSatisfy { $0 >= "20261203T093000Z" && $0 < "20261204T000000Z" }, "\(stamps)")
    #expect(stamps == stamps.sorted(), "\(stamps)")
    #expect(
      try database.appointment(reference: .init(parsing: reference), by: .commandLine)?.sequence
        == 2)
  }
}
