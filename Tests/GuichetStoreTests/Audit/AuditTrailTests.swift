import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

@Suite struct AuditTrailTests {
  let now = AccountFixtures.now

  /// Ten entries: one account creation and nine logins (good and bad), a day apart.
  func filled() throws -> AppDatabase {
    let database = try AccountFixtures.database()
    _ = try AccountFixtures.administrator(database)
    for day in 1...9 {
      let password = day.isMultiple(of: 3) ? "wrong password" : AccountFixtures.password
      _ = try? database.authenticate(
        login: "admin", password: password, now: now.addingTimeInterval(Double(day) * 86_400))
    }
    return database
  }

  /// What someone with the `sqlite3` tool could do: drop the guard, then edit.
  func tamper(_ database: AppDatabase, _ sql: String) throws {
    try database.writer.write { db in
      try db.execute(sql: "DROP TRIGGER audit_entry_frozen; DROP TRIGGER audit_entry_kept")
      try db.execute(sql: sql)
    }
  }

  @Test func anUntouchedTrailVerifies() throws {
    let database = try filled()
    let result = try database.verifyAudit()
    #expect(result.isIntact, "\(result.problem ?? "")")
    #expect(result.entries == 10)
    #expect(try AppDatabase.inMemory().verifyAudit().isIntact, "an empty trail is intact")
  }

  @Test func sqlRefusesToEditOrDeleteAnEntry() throws {
    let database = try filled()
    #expect(throws: DatabaseError.self) {
      try database.writer.write { try $0.execute(sql: "UPDATE audit_entry SET account_id = 7") }
    }
    #expect(throws: DatabaseError.self) {
      try database.writer.write { try $0.execute(sql: "DELETE FROM audit_entry WHERE id = 3") }
    }
    #expect(throws: DatabaseError.self) {
      try database.writer.write {
        try $0.execute(
          sql: "INSERT INTO audit_anchor VALUES (0, ?, 0)", arguments: [AuditLog.genesis])
      }
    }
  }

  @Test func aModifiedEntryIsDetected() throws {
    let database = try filled()
    try tamper(database, "UPDATE audit_entry SET action = 'login' WHERE id = 4")
    let result = try database.verifyAudit()
    #expect(result.problem?.contains("n° 4") == true, "\(result.problem ?? "intact")")
  }

  @Test func aModifiedEntryWithARecomputedOwnHashBreaksTheNextLink() throws {
    let database = try filled()
    try tamper(
      database,
      "UPDATE audit_entry SET hash = (SELECT hash FROM audit_entry WHERE id = 2) WHERE id = 5")
    #expect(try database.verifyAudit().isIntact == false)
  }

  @Test func aDeletedEntryIsDetected() throws {
    let database = try filled()
    try tamper(database, "DELETE FROM audit_entry WHERE id = 6")
    #expect(try database.verifyAudit().problem?.contains("6") == true)
  }

  @Test func reorderedEntriesAreDetected() throws {
    let database = try filled()
    try tamper(
      database,
      """
      UPDATE audit_entry SET id = -1 WHERE id = 4;
      UPDATE audit_entry SET id = 4 WHERE id = 5;
      UPDATE audit_entry SET id = 5 WHERE id = -1;
      """)
    #expect(try database.verifyAudit().problem?.contains("n° 4") == true)
  }

  /// The first administrator, created on the console's first start with nobody signed in, is recorded as
  /// having created itself (the one person at the desk), not as the automatic purge.
  @Test func theFirstAdministratorIsTheActorOfItsOwnCreation() throws {
    let database = try AccountFixtures.database()
    let admin = try AccountFixtures.administrator(database)
    let entry = try #require(try database.auditEntries(by: .commandLine).last)
    #expect(entry.action == .accountCreated)
    #expect(entry.accountID == admin.id && entry.subjectID == admin.id)
    #expect(entry.role == .administrator)
    #expect(entry.via == "console")
    let agent = try database.createAccount(
      login: "accueil", role: .agent, password: AccountFixtures.password, by: admin.caller)
    #expect(try database.auditEntries(by: .commandLine).first?.accountID == admin.id)
    #expect(throws: UserError.self, "only the very first administrator creates itself") {
      try database.createAccount(
        login: "intrus", role: .administrator, password: AccountFixtures.password, by: nil)
    }
    #expect(agent.role == .agent)
  }

  @Test func aDeletedLastEntryIsDetected() throws {
    let database = try filled()
    try tamper(database, "DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)")
    #expect(try database.verifyAudit().problem?.contains("fin du journal") == true)
  }

  @Test func theRetentionPurgeKeepsTheChainVerifiable() throws {
    let database = try filled()
    // Entries run from `now` to `now` + 9 days; 12 months after day 4, days 0–3 are older than the window.
    let later = AppDatabase.monthsBefore(now, -12).addingTimeInterval(4.5 * 86_400)
    let removed = try database.purgeAudit(keepingMonths: 12, now: later)
    #expect(removed == 5)
    let result = try database.verifyAudit()
    #expect(result.isIntact, "\(result.problem ?? "")")
    #expect(result.entries == 6, "five kept and the purge's own entry")
    #expect(try database.auditEntries(by: .commandLine).first?.action == .auditPurged)
    #expect(throws: UserError.self) { try database.purgeAudit(keepingMonths: 3, now: later) }
    #expect(try database.purgeAudit(keepingMonths: 12, now: later) == 0)
    try tamper(database, "DELETE FROM audit_entry WHERE id = 7")
    #expect(try database.verifyAudit().isIntact == false)
  }

  @Test func entriesHoldIdsAndCodesOnly() throws {
    let database = try filled()
    let columns = try database.writer.read { db in
      try db.columns(in: "audit_entry").map(\.name)
    }
    #expect(
      Set(columns)
        == [
          "id", "at", "via", "account_id", "role", "action", "subject", "subject_id", "count",
          "previous_hash", "hash",
        ])
    let texts = try database.writer.read { db in
      try String.fetchAll(db, sql: "SELECT DISTINCT coalesce(subject, '') FROM audit_entry")
    }
    #expect(Set(texts).isSubset(of: ["", "account", "contact"]))
  }
}
