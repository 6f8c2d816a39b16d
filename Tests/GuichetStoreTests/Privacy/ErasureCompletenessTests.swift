import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// Erasure is complete and stays complete (issue 13, finding 2): the three residues tried on files by
/// `ErasureScenarios` (what `guichet bench --only attacks` counts), and the rules behind them.
@Suite struct ErasureCompletenessTests {
  @Test func aNameTypedInTheSearchLeavesNoByteAfterTheErasure() throws {
    let outcome = try Self.run(ErasureScenarios.searchMiss)
    #expect(outcome.clean, "\(outcome.problems + outcome.residues)")
  }

  @Test func aReadHeldDuringTheErasureLeavesAScrubThatThePurgeFinishes() throws {
    let outcome = try Self.run(ErasureScenarios.heldRead)
    #expect(outcome.clean, "\(outcome.problems + outcome.residues)")
  }

  @Test func aBackupTakenBeforeTheErasureIsErasedAgainOnRestore() throws {
    let outcome = try Self.run(ErasureScenarios.restoredBackup)
    #expect(outcome.clean, "\(outcome.problems + outcome.residues)")
  }

  @Test func theResidueScanFindsEveryEncoding() throws {
    let folder = try RetentionAndErasureTests.folder("residue")
    defer { try? FileManager.default.removeItem(at: folder) }
    for (index, encoding) in [String.Encoding.utf8, .utf16LittleEndian, .utf16BigEndian]
      .enumerated()
    {
      let path = folder.appendingPathComponent("f\(index)").path
      let bytes = Data("xx Xanthippe yy".data(using: encoding)!)
      #expect(FileManager.default.createFile(atPath: path, contents: bytes))
      #expect(ErasureResidue.hits(of: ["Xanthippe"], in: [path]).count >= 1, "\(encoding)")
      #expect(ErasureResidue.hits(of: ["Quintanilla"], in: [path]).isEmpty)
    }
    let folded = folder.appendingPathComponent("folded").path
    #expect(FileManager.default.createFile(atPath: folded, contents: Data("zelie".utf8)))
    #expect(ErasureResidue.hits(of: ["Zélie"], in: [folded]).count == 1)
  }

  /// A miss keeps only the words of the métier and certification labels; erasing a person whose name is
  /// one of them still removes the misses holding it.
  @Test func missesKeepReferenceWordsAndGoWithTheNameOnErasure() throws {
    let setup = try BookingSetup.make(database: try AppDatabase.inMemory(bundledReference: true))
    let database = setup.database
    let at = BookingSetup.now
    #expect(
      try database.recordSearchMiss("Zélie Xanthippe", workplace: setup.workplace, at: at) == nil)
    #expect(
      try database.recordSearchMiss("boulanger xanthippe", workplace: setup.workplace, at: at)
        == "boulanger")
    #expect(
      try database.recordSearchMiss("pilote drone", workplace: setup.workplace, at: at)
        == "pilote drone")
    _ = try setup.book(
      try setup.slot(RetentionAndErasureTests.tuesday, 9),
      contact: try Contact.validate(
        firstName: "Zélie", lastName: "Boulanger", phone: "0611223344", email: ""))
    _ = try database.erasePerson(phone: try PhoneNumber(parsing: "0611223344"), by: .commandLine)
    let kept = try database.writer.read { db in
      try String.fetchAll(db, sql: "SELECT query_normalized FROM search_miss ORDER BY id")
    }
    #expect(kept == ["pilote drone"])
  }

  @Test func searchMissesGoAfterTheirRetentionInThePurge() throws {
    let (database, workplace) = try Fixtures.database(bundledReference: true)
    let now = Date(timeIntervalSince1970: 1_780_293_600)
    let old = now.addingTimeInterval(-Double(AppDatabase.searchMissRetentionDays + 1) * 86_400)
    try database.recordSearchMiss("pilote drone", workplace: workplace, at: old)
    try database.recordSearchMiss("pilote drone", workplace: workplace, at: now)
    let report = try database.purgeForRetention(now: now)
    #expect(report.searchMisses == 1)
    #expect(try Fixtures.count(database, "search_miss") == 1)
    #expect(report.scrub == .clean)
  }

  /// The ledger holds digests only, forgets after its retention, and spares a person who consented again
  /// after being erased.
  @Test func theLedgerHoldsNoPlaintextAndSparesALaterConsent() throws {
    let setup = try BookingSetup.make()
    let database = setup.database
    _ = try setup.book(
      try setup.slot(RetentionAndErasureTests.tuesday, 9),
      contact: try Contact.validate(
        firstName: "Zélie", lastName: "Xanthippe", phone: "0611223344", email: "z@example.org"))
    let erasedAt = BookingSetup.now.addingTimeInterval(600)
    _ = try database.erasePerson(
      phone: try PhoneNumber(parsing: "0611223344"), by: .commandLine, now: erasedAt)
    try database.writer.read { db in
      let rows = try Row.fetchAll(db, sql: "SELECT kind, digest FROM erasure_ledger ORDER BY kind")
      #expect(rows.map { $0["kind"] as String } == ["email", "phone"])
      for row in rows {
        let digest: Data = row["digest"]
        #expect(digest.count == 32)
        #expect(digest.range(of: Data("0611223344".utf8)) == nil)
      }
      #expect(try ErasureLedger.matchingConsents(db).isEmpty)
    }
    // The same person comes back the next day and consents again: the ledger must not erase them.
    let again = try BookingSetup.make(database: database)
    _ = try again.book(
      try again.slot(RetentionAndErasureTests.tuesday, 9),
      contact: try Contact.validate(
        firstName: "Zélie", lastName: "Xanthippe", phone: "0611223344", email: ""))
    try database.writer.write { db in
      try db.execute(
        sql: "UPDATE consent SET given_at = ? WHERE id = ?",
        arguments: [erasedAt.addingTimeInterval(86_400), again.consentID])
      #expect(try ErasureLedger.matchingConsents(db).isEmpty)
      try db.execute(
        sql: "UPDATE consent SET given_at = ? WHERE id = ?",
        arguments: [erasedAt.addingTimeInterval(-60), again.consentID])
      #expect(try ErasureLedger.matchingConsents(db) == [again.consentID])
    }
    let late = erasedAt.addingTimeInterval(Double(ErasureLedger.retentionDays + 1) * 86_400)
    #expect(try database.purgeForRetention(now: late).ledgerRows == 2)
    #expect(try Fixtures.count(database, "erasure_ledger") == 0)
  }

  /// « v3-search-miss-vocabulary » on a file holding raw misses from before the rule.
  @Test func theMigrationReducesRawMissesToReferenceWords() throws {
    let queue = try DatabaseQueue(configuration: AppDatabase.configuration())
    try AppDatabase.migrator.migrate(queue, upTo: "v3-erasure-ledger")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO site (id, name) VALUES (1, 'CIO Vienne');
          INSERT INTO desk (id, site_id, name) VALUES (1, 1, 'Poste 1');
          INSERT INTO search_occupation (rowid, text, key, code, title, tier, weight)
            VALUES (1, 'boulanger patissier', 'boulanger patissier', 'D1102', 'Boulanger', 0, 0);
          INSERT INTO search_miss (day, month, site_id, desk_id, query_normalized) VALUES
            (20260601, 202606, 1, 1, 'zelie xanthippe'),
            (20260601, 202606, 1, 1, 'boulanger xanthippe'),
            (20260601, 202606, 1, 1, 'boulanger');
          """)
    }
    let database = try AppDatabase(queue)
    let kept = try queue.read { db in
      try String.fetchAll(db, sql: "SELECT query_normalized FROM search_miss ORDER BY id")
    }
    #expect(kept == ["boulanger", "boulanger"])
    #expect(try database.isScrubPending(), "the raw words may sit in freed pages until the purge")
    #expect(try database.completePendingScrub() == .clean)
    #expect(try !database.isScrubPending())
  }

  static func run(_ scenario: (URL) throws -> ErasureScenarios.Outcome) throws
    -> ErasureScenarios.Outcome
  {
    let folder = try RetentionAndErasureTests.folder("erasure-scenario")
    defer { try? FileManager.default.removeItem(at: folder) }
    return try scenario(folder)
  }
}
