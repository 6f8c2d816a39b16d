import Foundation
import GuichetCore
import Testing

@testable import GuichetStore

/// What the accounts screen asks the store beyond `guichet users`: enabling a disabled account again (by an
/// administrator only, audited, with its old password) and each account's last login in the audit trail.
@Suite struct AccountAdministrationTests {
  @Test func onlyAnAdministratorEnablesAnAccountAgainAndItIsAudited() throws {
    let database = try AccountFixtures.database()
    let admin = try AccountFixtures.administrator(database)
    let password = AccountFixtures.password
    let agent = try database.createAccount(
      login: "agent", role: .agent, password: password, by: admin.caller)
    let other = try database.createAccount(
      login: "agent2", role: .agent, password: password, by: admin.caller)
    try database.disableAccount(login: "agent", by: admin.caller)
    let refused = #expect(throws: UserError.self) {
      try database.enableAccount(login: "agent", by: other.caller)
    }
    #expect(refused?.message == Permission.administerAccounts.refusal)
    let itself = #expect(throws: UserError.self, "nor a disabled account itself") {
      try database.enableAccount(login: "agent", by: agent.caller)
    }
    #expect(itself == .accountNoLongerValid)
    #expect(
      try database.accounts(by: admin.caller).first { $0.login == "agent" }?.isDisabled == true)
    let enabled = try database.enableAccount(login: "agent", by: admin.caller)
    #expect(!enabled.isDisabled)
    #expect(try database.authenticate(login: "agent", password: password).login == "agent")
    let entries = try database.auditEntries(subject: "account", by: .commandLine)
    #expect(entries.filter { $0.action == .accountEnabled }.map(\.subjectID) == [agent.id])
    #expect(try database.verifyAudit().isIntact)
    #expect(throws: UserError.self, "an unknown login says so") {
      try database.enableAccount(login: "personne", by: admin.caller)
    }
  }

  @Test func theLastLoginOfEachAccountComesFromTheAuditTrail() throws {
    let database = try AccountFixtures.database()
    let admin = try AccountFixtures.administrator(database)
    let agent = try database.createAccount(
      login: "agent", role: .agent, password: AccountFixtures.password, by: admin.caller)
    let first = AccountFixtures.now
    _ = try database.authenticate(login: "agent", password: AccountFixtures.password, now: first)
    _ = try database.authenticate(
      login: "agent", password: AccountFixtures.password, now: first.addingTimeInterval(3600))
    _ = try? database.authenticate(
      login: "agent", password: "pas le bon mot de passe", now: first.addingTimeInterval(7200))
    let logins = try database.lastLogins(by: admin.caller)
    #expect(logins == [agent.id: first.addingTimeInterval(3600)], "a refused login does not count")
    #expect(throws: UserError.self, "administrators only") {
      try database.lastLogins(by: agent.caller)
    }
  }
}
