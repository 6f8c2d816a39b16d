import Foundation
import GuichetCore
import Testing

@testable import GuichetStore

/// A disabled account can be enabled again from the accounts screen: by an administrator only, audited,
/// and it logs in again with its old password.
@Suite struct AccountEnableTests {
  @Test func onlyAnAdministratorEnablesAnAccountAgainAndItIsAudited() throws {
    let database = try AccountFixtures.database()
    let admin = try AccountFixtures.administrator(database)
    let password = AccountFixtures.password
    let agent = try database.createAccount(
      login: "agent", role: .agent, password: password, by: admin.caller)
    try database.disableAccount(login: "agent", by: admin.caller)
    let refused = #expect(throws: UserError.self) {
      try database.enableAccount(login: "agent", by: agent.caller)
    }
    #expect(refused?.message == "Réservé aux administrateurs.")
    #expect(
      try database.accounts(by: admin.caller).first { $0.login == "agent" }?.isDisabled == true)
    let enabled = try database.enableAccount(login: "agent", by: admin.caller)
    #expect(!enabled.isDisabled)
    #expect(try database.authenticate(login: "agent", password: password).login == "agent")
    let entries = try database.auditEntries(subject: "account")
    #expect(entries.filter { $0.action == .accountEnabled }.map(\.subjectID) == [agent.id])
    #expect(try database.verifyAudit().isIntact)
    #expect(throws: UserError.self, "an unknown login says so") {
      try database.enableAccount(login: "personne", by: admin.caller)
    }
  }
}
