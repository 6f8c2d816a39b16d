import Foundation
import GuichetCore
import GuichetStore
import Testing

/// The day list printed from the agenda in tmux, with a stand-in `lp` on PATH that keeps what it is sent:
/// the paper carries the contacts this account may see, the file beside the slips (0600) carries none.
@Suite(.serialized) struct AgendaPrintEndToEndTests {
  @Test func theDayListGoesToLpWithContactsAndToAFileWithout() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-lp-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let printer = try PrinterStub(in: folder)
    let paper = printer.paper
    let slips = folder.appendingPathComponent("rendez-vous")
    let console = try TmuxConsole(environment: [
      "GUICHET_NOW": "2026-12-03T10:30", "PATH": printer.path, "GUICHET_SLIPS_DIR": slips.path,
    ])
    try console.waitFor("Nouvelle visite (au guichet)")
    let database = try AppDatabase.open(path: console.databasePath)
    let (first, second) = try AgendaEndToEndTests.bookTomorrow(in: database)
    let structureID = try #require(
      try database.appointment(reference: first, by: .commandLine)?.structureID)

    try console.openAgenda(of: "Agence Essai")
    try console.press("Right")
    try console.waitFor("09:30 Claire Martin   Sur place Prévu      Léa MOREAU")
    try console.press("i")
    try console.waitFor("Liste envoyée à l'imprimante")
    try console.quit()

    let printed = try String(contentsOf: paper, encoding: .utf8)
    #expect(printed.contains("Agenda — Agence Essai — Tous les conseillers"))
    #expect(printed.contains("Vendredi 04/12/2026 · 2 rendez-vous"))
    #expect(printed.contains("09:00–09:30 · Claire Martin · Sur place · Prévu · \(first)"))
    #expect(printed.contains("Personne : Léa DURAND · 06 12 34 56 70"))
    #expect(printed.contains("\(second)") && printed.contains("Léa MOREAU"))
    let file = slips.appendingPathComponent("agenda-\(structureID)-2026-12-04.txt")
    let written = try String(contentsOf: file, encoding: .utf8)
    #expect(written.contains("\(first)") && written.contains("\(second)"))
    #expect(
      !written.contains("DURAND") && !written.contains("MOREAU") && !written.contains("06 12"))
    let mode =
      try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }
}
