import Foundation
import GRDB
import GuichetCore
import GuichetStore
import Testing

/// Issue 13, finding 2, through the real binary: after `guichet person erase`, no byte of the person's name,
/// phone or e-mail (UTF-8, UTF-16LE, UTF-16BE) is left in `.sqlite`, `-wal` or `-shm`, whether the name was
/// typed in the search box, another desk held a read during the erasure, or a backup taken before the
/// erasure was restored.
@Suite("Erasure leaves nothing behind")
struct ErasureResidueEndToEndTests {
  static let person = ErasureScenarios.person

  /// A copy of the seeded database where the person consented (on the real clock: the erasure ledger spares a
  /// consent given after the erasure) and booked tomorrow or later; returns the booking's reference.
  static func seeded(_ label: String) throws -> (GuichetRun, String, BookingReference) {
    let runner = GuichetRun(folder: try GuichetRun.temporaryFolder(label))
    let path = runner.folder.appendingPathComponent("\(label).sqlite").path
    try SeededDatabase.copy(to: path)
    let (_, reference) = try ErasureScenarios.addPerson(try AppDatabase.open(path: path))
    #expect(
      !ErasureResidue.hits(of: person.values, in: ErasureResidue.files(of: path)).isEmpty,
      "the check must see the person before the erasure")
    return (runner, path, reference)
  }

  static func residues(_ path: String) -> [String] {
    ErasureResidue.hits(of: person.values, in: ErasureResidue.files(of: path))
  }

  @Test func aNameTypedInTheSearchBoxIsGoneAfterTheErasure() throws {
    let (runner, path, _) = try Self.seeded("erase-miss")
    defer { try? FileManager.default.removeItem(at: runner.folder) }
    // What the console's search records when the agent types the person's name and nothing is found.
    try {
      let store = try AppDatabase.open(path: path)
      let workplace = try store.workplace(siteName: "Accueil Essai", deskName: "Poste 1")
      for typed in ["\(Self.person.firstName) \(Self.person.lastName)", "xanthippe"] {
        try store.recordSearchMiss(typed, workplace: workplace, at: Date())
      }
    }()
    let erased = try runner.run([
      "person", "erase", "--phone", Self.person.phone, "--database", path,
    ])
    #expect(erased.status == 0, "\(erased.stderr)")
    #expect(erased.stdout.contains("Coordonnées effacées : 1"), "\(erased.stdout)")
    #expect(Self.residues(path).isEmpty, "\(Self.residues(path))")
  }

  @Test func aReadHeldDuringTheErasureIsScrubbedByTheNextPurge() throws {
    let (runner, path, _) = try Self.seeded("erase-held")
    defer { try? FileManager.default.removeItem(at: runner.folder) }
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    let reader = try DatabaseQueue(path: path, configuration: configuration)
    try reader.inDatabase { db in
      try db.execute(sql: "BEGIN")
      _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM contact")
    }
    var busy = runner
    busy.environment["GUICHET_BUSY_TIMEOUT"] = "1"
    let erased = try busy.run(["person", "erase", "--phone", Self.person.phone, "--database", path])
    #expect(erased.status == ScrubState.pendingExitCode, "\(erased.stdout)\(erased.stderr)")
    #expect(erased.stdout.contains("Coordonnées effacées : 1"), "\(erased.stdout)")
    #expect(erased.stderr.contains("nettoyage des fichiers est en attente"), "\(erased.stderr)")
    let whileHeld = try busy.run(["purge", "--database", path])
    #expect(
      whileHeld.status == ScrubState.pendingExitCode, "\(whileHeld.stdout)\(whileHeld.stderr)")
    #expect(whileHeld.stderr.contains("en attente"), "\(whileHeld.stderr)")

    try reader.inDatabase { db in try db.execute(sql: "COMMIT") }
    try reader.close()
    let purged = try runner.run(["purge", "--database", path])
    #expect(purged.status == 0, "\(purged.stdout)\(purged.stderr)")
    #expect(purged.stdout.contains("aucune trace des coordonnées effacées"), "\(purged.stdout)")
    #expect(Self.residues(path).isEmpty, "\(Self.residues(path))")
    let again = try runner.run(["purge", "--database", path])
    #expect(again.status == 0, "nothing is pending any more: \(again.stderr)")
  }

  @Test func aBackupTakenBeforeTheErasureIsErasedAgainOnRestore() throws {
    let (runner, path, reference) = try Self.seeded("erase-restore")
    defer { try? FileManager.default.removeItem(at: runner.folder) }
    let database = ["--database", path]
    let backup = runner.folder.appendingPathComponent("avant-effacement.sqlite").path
    let made = try runner.run(["backup", backup] + database)
    #expect(made.status == 0, "\(made.stderr)")
    let erased = try runner.run(["person", "erase", "--email", Self.person.email] + database)
    #expect(erased.status == 0, "\(erased.stderr)")

    let restored = try runner.run(["restore", backup] + database)
    #expect(restored.status == 0, "\(restored.stdout)\(restored.stderr)")
    #expect(restored.stdout.contains("1 personne(s) effacée(s) de nouveau"), "\(restored.stdout)")
    let found = try runner.run(["person", "find", "--phone", Self.person.phone] + database)
    #expect(found.stdout.contains("Aucune coordonnée"), "\(found.stdout)")
    let audit = try runner.run(["audit", "list"] + database)
    #expect(audit.stdout.contains("effacement de coordonnées"), "\(audit.stdout)")
    let verified = try runner.run(["audit", "verify"] + database)
    #expect(verified.status == 0, "\(verified.stderr)")
    try {
      let store = try AppDatabase.open(path: path)
      let appointment = try #require(try store.appointment(reference: reference, by: .commandLine))
      #expect(appointment.status != .booked, "the booking is not live again")
    }()
    let previous = try FileManager.default.contentsOfDirectory(atPath: runner.folder.path)
      .filter { $0.contains(".avant-restauration-") }
      .map { runner.folder.appendingPathComponent($0).path }
    #expect(previous.count == 1)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: runner.folder.path)
      .filter { $0.contains(".partiel-") }
    #expect(leftovers.isEmpty, "the staging copy is removed: \(leftovers)")
    let found2 = ErasureResidue.hits(
      of: Self.person.values, in: ErasureResidue.files(of: path) + previous)
    #expect(found2.isEmpty, "\(found2)")
  }
}
