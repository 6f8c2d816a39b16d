import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

@Suite struct AccountTests {
  let password = AccountFixtures.password
  let now = AccountFixtures.now

  @Test func anEmptyDatabaseAsksForItsFirstAdministratorOnly() throws {
    let database = try AccountFixtures.database()
    #expect(try database.administrationState() == .noAccount)
    #expect(throws: UserError.self) {
      try database.createAccount(login: "agent", role: .agent, password: password, by: nil)
    }
    let admin = try AccountFixtures.administrator(database)
    #expect(admin.role == .administrator)
    #expect(try database.administrationState() == .administered)
    let second = #expect(throws: UserError.self, "a second administrator needs an administrator") {
      try database.createAccount(login: "other", role: .administrator, password: password, by: nil)
    }
    #expect(second?.message == AppDatabase.firstAdministratorRefused)
    let agent = try database.createAccount(
      login: "Agent1", role: .agent, password: password, by: admin.caller)
    #expect(agent.login == "agent1")
    #expect(throws: UserError.self, "an agent creates no account") {
      try database.createAccount(
        login: "agent2", role: .agent, password: password, by: agent.caller)
    }
  }

  /// Finding 5 of issue 13: accounts but no active administrator (the last one's role changed, or only
  /// agents were created on the host) is not an empty database. The console's first-administrator path is
  /// refused in the transaction, with the host commands; the host still creates or re-enables one.
  @Test func aDatabaseWithAccountsButNoActiveAdministratorCreatesNoneFromTheConsole() throws {
    for retire in [
      "UPDATE account SET is_disabled = 1 WHERE role = 'administrator'",
      "UPDATE account SET role = 'supervisor' WHERE role = 'administrator'",
    ] {
      let database = try AccountFixtures.database()
      _ = try AccountFixtures.administrator(database)
      _ = try database.createAccount(
        login: "accueil", role: .agent, password: password, by: .commandLine)
      try database.writer.write { try $0.execute(sql: retire) }
      #expect(try database.administrationState() == .noActiveAdministrator, "\(retire)")
      let refused = #expect(throws: UserError.self) {
        try database.createAccount(
          login: "chef", role: .administrator, password: password, by: nil)
      }
      #expect(refused?.message == AppDatabase.firstAdministratorRefused)
      #expect(refused?.message.contains("guichet users add --login") == true)
      #expect(refused?.message.contains("guichet users enable") == true)
      #expect(try AccountFixtures.rawCount(database, "SELECT count(*) FROM account") == 2)
      _ = try database.createAccount(
        login: "chef", role: .administrator, password: password, by: .commandLine)
      #expect(try database.administrationState() == .administered)
    }
    let hostOnly = try AccountFixtures.database()
    _ = try hostOnly.createAccount(
      login: "accueil", role: .agent, password: password, by: .commandLine)
    #expect(try hostOnly.administrationState() == .noActiveAdministrator)
  }

  @Test func passwordsFollowThePolicyAndAreNeverStoredInClear() throws {
    let database = try AccountFixtures.database()
    for weak in ["court", "aaaaaaaaaaaaaaaa", "admin-admin-admin"] {
      #expect(throws: UserError.self, "\(weak)") {
        try database.createAccount(login: "admin", role: .administrator, password: weak, by: nil)
      }
    }
    _ = try AccountFixtures.administrator(database)
    let stored = try database.writer.read {
      try String.fetchOne($0, sql: "SELECT password_hash FROM account")
    }
    #expect(stored?.hasPrefix("scrypt$10$8$1$") == true)
    #expect(stored?.contains(password) == false)
  }

  @Test func anAdvisorAccountBelongsToAnExistingStructure() throws {
    let setup = try BookingSetup.make(database: try AccountFixtures.database())
    let database = try AccountFixtures.database(setup.database)
    let admin = try AccountFixtures.administrator(database)
    #expect(throws: UserError.self) {
      try database.createAccount(login: "c1", role: .advisor, password: password, by: admin.caller)
    }
    #expect(throws: UserError.self) {
      try database.createAccount(
        login: "c1", role: .advisor, structureID: 9_999, password: password, by: admin.caller)
    }
    let advisor = try database.createAccount(
      login: "c1", role: .advisor, structureID: setup.structure.id, password: password,
      by: admin.caller)
    #expect(advisor.caller.structureID == setup.structure.id)
  }

  @Test func aGoodLoginReturnsTheAccountAndIsAudited() throws {
    let database = try AccountFixtures.database()
    let admin = try AccountFixtures.administrator(database)
    let logged = try database.authenticate(login: " ADMIN ", password: password, now: now)
    #expect(logged.id == admin.id)
    let entries = try database.auditEntries(by: .commandLine)
    #expect(entries.first?.action == .login)
    #expect(entries.first?.accountID == admin.id)
  }

  /// « Changer d'utilisateur »: the hand-over is in the trail, after the login, under the same account.
  @Test func aChangeOfUserIsAudited() throws {
    let database = try AccountFixtures.database()
    let admin = try AccountFixtures.administrator(database)
    let logged = try database.authenticate(login: "admin", password: password, now: now)
    try database.logOut(by: logged.caller, at: now.addingTimeInterval(60))
    let entries = try database.auditEntries(by: .commandLine)
    #expect(entries.first?.action == .logout)
    #expect(entries.first?.accountID == admin.id)
    #expect(entries.dropFirst().first?.action == .login)
    #expect(try database.verifyAudit().isIntact)
  }

  @Test func unknownLoginsAndWrongPasswordsGetTheSameAnswer() throws {
    let database = try AccountFixtures.database()
    let admin = try AccountFixtures.administrator(database)
    let unknown = #expect(throws: UserError.self) {
      try database.authenticate(login: "nobody", password: password, now: now)
    }
    let wrong = #expect(throws: UserError.self) {
      try database.authenticate(login: "admin", password: "not the password", now: now)
    }
    #expect(admin.login == "admin")
    #expect(unknown?.message == AppDatabase.loginRefused)
    #expect(wrong?.message == AppDatabase.loginRefused)
    let failures = try database.auditEntries(by: .commandLine).filter { $0.action == .loginFailed }
    #expect(failures.count == 2)
    #expect(
      failures.contains { $0.accountID == nil }, "an unknown login is recorded without its text")
  }

  @Test func fiveWrongPasswordsLockTheAccountForAWhile() throws {
    let database = try AccountFixtures.database()
    _ = try AccountFixtures.administrator(database)
    for _ in 1...5 {
      #expect(throws: UserError.self) {
        try database.authenticate(login: "admin", password: "wrong password!", now: now)
      }
    }
    let locked = #expect(throws: UserError.self, "the right password is refused while locked") {
      try database.authenticate(login: "admin", password: password, now: now.addingTimeInterval(60))
    }
    #expect(locked?.message == AppDatabase.loginRefused, "a lock reads like any refusal")
    #expect(try database.auditEntries(by: .commandLine).contains { $0.action == .accountLocked })
    let later = now.addingTimeInterval(AppDatabase.lockoutDuration + 1)
    #expect(
      try database.authenticate(login: "admin", password: password, now: later).login == "admin")
  }

  @Test func fourWrongPasswordsThenTheRightOneResetTheCounter() throws {
    let database = try AccountFixtures.database()
    _ = try AccountFixtures.administrator(database)
    for round in 0..<2 {
      for _ in 1...4 {
        _ = try? database.authenticate(login: "admin", password: "wrong password!", now: now)
      }
      #expect(
        try database.authenticate(login: "admin", password: password, now: now).login == "admin",
        "round \(round)")
    }
  }

  @Test func aDisabledAccountCannotLogInAndTheLastAdministratorStays() throws {
    let database = try AccountFixtures.database()
    let admin = try AccountFixtures.administrator(database)
    #expect(throws: UserError.self) {
      try database.disableAccount(login: "admin", by: admin.caller)
    }
    _ = try database.createAccount(
      login: "agent", role: .agent, password: password, by: admin.caller)
    #expect(throws: UserError.self, "only administrators disable") {
      try database.disableAccount(login: "agent", by: Caller(accountID: 2, role: .agent))
    }
    #expect(try database.disableAccount(login: "agent", by: admin.caller).isDisabled)
    let refused = #expect(throws: UserError.self) {
      try database.authenticate(login: "agent", password: password, now: now)
    }
    #expect(refused?.message == AppDatabase.loginRefused)
    #expect(throws: DatabaseError.self, "accounts are never deleted") {
      try database.writer.write { try $0.execute(sql: "DELETE FROM account") }
    }
  }

  @Test func aNewPasswordLiftsTheLockAndOnlyTheAccountOrAnAdministratorSetsIt() throws {
    let database = try AccountFixtures.database()
    let admin = try AccountFixtures.administrator(database)
    let agent = try database.createAccount(
      login: "agent", role: .agent, password: password, by: admin.caller)
    for _ in 1...5 { _ = try? database.authenticate(login: "agent", password: "x", now: now) }
    let other = Caller(accountID: 99, role: .agent)
    #expect(throws: UserError.self) {
      try database.changePassword(login: "agent", to: "another long secret", by: other)
    }
    try database.changePassword(
      login: "agent", to: "another long secret", by: admin.caller, now: now)
    #expect(
      try database.authenticate(login: "agent", password: "another long secret", now: now).id
        == agent.id)
    try database.changePassword(login: "agent", to: "my own new secret", by: agent.caller)
    #expect(throws: UserError.self) {
      try database.authenticate(login: "agent", password: "another long secret", now: now)
    }
  }

  @Test func aCheapHashIsUpgradedAtTheNextGoodLogin() throws {
    var database = try AccountFixtures.database()
    _ = try AccountFixtures.administrator(database)
    database.passwordHasher = PasswordHasher(logRounds: 11, blockSize: 8, parallelism: 1)
    _ = try database.authenticate(login: "admin", password: password, now: now)
    let stored = try database.writer.read {
      try String.fetchOne($0, sql: "SELECT password_hash FROM account")
    }
    #expect(stored?.hasPrefix("scrypt$11$") == true)
    #expect(
      try database.authenticate(login: "admin", password: password, now: now).login == "admin")
  }
}
