import Foundation
import GRDB
import GuichetCore
import GuichetStore
import Testing

/// `guichet person` and `guichet purge` as the real binary, on a copy of the seeded database where another
/// desk booked two appointments with contacts: find, export (header says personal data), purge --dry-run,
/// erase (audited), and the audit chain still verifies.
@Suite("Command line: person and purge")
struct PersonPurgeCommandTests {
  @Test func anAccessRequestThenAnErasure() throws {
    let runner = GuichetRun(folder: try GuichetRun.temporaryFolder("person"))
    let path = runner.folder.appendingPathComponent("person.sqlite").path
    try SeededDatabase.copy(to: path)
    let database = ["--database", path]
    // Two bookings for the day after the fixed clock; the first person's contact becomes Zélie Xanthippe
    // (a name found nowhere in the reference data, so the byte check below means something).
    try {
      let store = try AppDatabase.open(path: path)
      let (first, _) = try AgendaEndToEndTests.bookTomorrow(in: store)
      let appointment = try #require(try store.appointment(reference: first, by: .commandLine))
      _ = try store.saveContact(
        try Contact.validate(
          firstName: "Zélie", lastName: "Xanthippe", phone: "06 11 22 33 44", email: ""),
        consentID: appointment.consentID, by: .commandLine)
    }()
    let files = ["", "-wal", "-shm"].map { path + $0 }
    let name = Data("Xanthippe".utf8)
    #expect(
      files.contains { (try? Data(contentsOf: URL(fileURLWithPath: $0)))?.range(of: name) != nil })

    let found = try runner.run(["person", "find", "--phone", "06 11 22 33 44"] + database)
    #expect(found.status == 0, "\(found.stderr)")
    #expect(found.stdout.contains("Zélie Xanthippe (0611223344)"), "\(found.stdout)")
    #expect(found.stdout.contains("Agence Essai"), "\(found.stdout)")

    let exported = try runner.run(["person", "export", "--phone", "0611223344"] + database)
    #expect(exported.status == 0, "\(exported.stderr)")
    #expect(exported.stdout.contains("DONNÉES PERSONNELLES"), "\(exported.stdout)")
    #expect(exported.stdout.contains(#""lastName":"Xanthippe""#), "\(exported.stdout)")

    let planned = try runner.run(["purge", "--dry-run"] + database)
    #expect(planned.status == 0, "\(planned.stderr)")
    #expect(
      planned.stdout.contains("Coordonnées à effacer : 0."),
      "a recent appointment keeps its contact")

    let missing = try runner.run(["person", "erase"] + database)
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("--phone ou --email"), "\(missing.stderr)")

    let erased = try runner.run(["person", "erase", "--phone", "0611223344"] + database)
    #expect(erased.status == 0, "\(erased.stderr)")
    #expect(erased.stdout.contains("Coordonnées effacées : 1"), "\(erased.stdout)")
    let again = try runner.run(["person", "find", "--phone", "0611223344"] + database)
    #expect(again.stdout.contains("Aucune coordonnée"), "\(again.stdout)")

    let audit = try runner.run(["audit", "list"] + database)
    for line in [
      "lecture de coordonnées", "export de coordonnées", "effacement de coordonnées",
      "ligne de commande",
    ] {
      #expect(audit.stdout.contains(line), "« \(line) » missing from:\n\(audit.stdout)")
    }
    #expect(!audit.stdout.contains("Xanthippe"))
    let verified = try runner.run(["audit", "verify"] + database)
    #expect(verified.status == 0, "\(verified.stderr)")
    for file in files {
      let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
      #expect(bytes.range(of: name) == nil, "\(file) still holds the name")
    }
  }

  @Test func aWorldReadableFileIsReportedOnStart() throws {
    let runner = GuichetRun(folder: try GuichetRun.temporaryFolder("exposure"))
    let path = runner.folder.appendingPathComponent("open.sqlite").path
    try SeededDatabase.copy(to: path)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    let outcome = try runner.run(["check", "--database", path])
    #expect(
      outcome.stderr.contains("lisible ou modifiable par tous les comptes"), "\(outcome.stderr)")
    #expect(outcome.stderr.contains("chmod 600"), "\(outcome.stderr)")
  }
}
