import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// The permission matrix in the store, one test per role × data kind: what each role may read or change of
/// contact data, whatever screen or command asks.
@Suite struct PermissionMatrixTests {
  /// A booking made by `agent` for the Mission locale, a second structure with its own advisor account, and
  /// one account per role.
  struct World {
    var setup: BookingSetup
    var admin: Account
    var agent: Account
    var otherAgent: Account
    var advisor: Account
    var foreignAdvisor: Account
    var supervisor: Account
    var appointment: Appointment
    var otherStructureID: Int64

    var database: AppDatabase { setup.database }
    var consentID: Int64 { setup.consentID }
  }

  static let contact = Contact(
    firstName: "Zoé", lastName: "Quintanilla", phone: try? PhoneNumber(parsing: "0612345678"),
    email: nil)

  func world() throws -> World {
    let database = try AccountFixtures.database()
    let admin = try AccountFixtures.administrator(database)
    let password = AccountFixtures.password
    let agent = try database.createAccount(
      login: "agent", role: .agent, password: password, by: admin.caller)
    let otherAgent = try database.createAccount(
      login: "agent2", role: .agent, password: password, by: admin.caller)
    let supervisor = try database.createAccount(
      login: "super", role: .supervisor, password: password, by: admin.caller)
    var setup = try BookingSetup.make(database: database)
    // The consent is taken by `agent`.
    setup.consent = try database.recordConsent(
      visitID: setup.visitID, textVersion: database.consentText().version,
      recipientStructureID: try #require(setup.structure.id), deskID: setup.workplace.deskID,
      by: agent.caller, at: BookingSetup.now)
    let appointment = try database.book(
      reference: .generate(), slot: try setup.slot(BookingSetup.monday, 10),
      visitID: setup.visitID, consentID: setup.consentID, contact: Self.contact, by: agent.caller,
      now: BookingSetup.now)
    let other = try database.saveOperatorStructure(
      OperatorStructure(kind: .cio, name: "CIO de Vienne", territoryIDs: [setup.territoryID]),
      by: .commandLine)
    let otherID = try #require(other.id)
    let advisor = try database.createAccount(
      login: "conseil", role: .advisor, structureID: setup.structure.id, password: password,
      by: admin.caller)
    let foreign = try database.createAccount(
      login: "cio", role: .advisor, structureID: otherID, password: password, by: admin.caller)
    return World(
      setup: setup, admin: admin, agent: agent, otherAgent: otherAgent, advisor: advisor,
      foreignAdvisor: foreign, supervisor: supervisor, appointment: appointment,
      otherStructureID: otherID)
  }

  func agendaContacts(_ world: World, _ caller: Caller, structureID: Int64? = nil) throws
    -> [Contact?]
  {
    try world.database.agenda(
      structureID: structureID ?? world.setup.structure.id!, from: BookingSetup.monday, days: 1,
      by: caller
    ).map(\.contact)
  }

  // MARK: contact by consent

  @Test func theAgentWhoBookedReadsThatContactOnly() throws {
    let world = try world()
    #expect(
      try world.database.contact(consentID: world.consentID, by: world.agent.caller)?.lastName
        == "Quintanilla")
    #expect(throws: UserError.self) {
      try world.database.contact(consentID: world.consentID, by: world.otherAgent.caller)
    }
  }

  @Test func advisorsReadTheContactsOfTheirOwnStructureOnly() throws {
    let world = try world()
    #expect(try world.database.contact(consentID: world.consentID, by: world.advisor.caller) != nil)
    #expect(throws: UserError.self) {
      try world.database.contact(consentID: world.consentID, by: world.foreignAdvisor.caller)
    }
  }

  @Test func supervisorsAndConsoleAdministratorsReadNoContact() throws {
    let world = try world()
    for caller in [world.supervisor.caller, world.admin.caller] {
      #expect(throws: UserError.self, "\(caller.role)") {
        try world.database.contact(consentID: world.consentID, by: caller)
      }
    }
  }

  @Test func onlyTheAgentWhoTookTheConsentWritesTheContact() throws {
    let world = try world()
    for caller in [
      world.otherAgent.caller, world.advisor.caller, world.supervisor.caller, world.admin.caller,
    ] {
      #expect(throws: UserError.self, "\(caller.role)") {
        try world.database.saveContact(Self.contact, consentID: world.consentID, by: caller)
      }
    }
    #expect(throws: Never.self) {
      try world.database.saveContact(
        Self.contact, consentID: world.consentID, by: world.agent.caller)
    }
  }

  @Test func duplicatesOnlyComeFromContactsTheCallerMaySee() throws {
    let world = try world()
    #expect(
      try world.database.possibleDuplicates(of: Self.contact, by: world.agent.caller).count == 1)
    #expect(
      try world.database.possibleDuplicates(of: Self.contact, by: world.otherAgent.caller).isEmpty)
    #expect(
      try world.database.possibleDuplicates(of: Self.contact, by: world.supervisor.caller).isEmpty)
  }

  // MARK: agenda

  @Test func theAdvisorsAgendaShowsTheContact() throws {
    let world = try world()
    let contacts = try agendaContacts(world, world.advisor.caller)
    #expect(contacts.count == 1)
    #expect(contacts.first??.lastName == "Quintanilla")
  }

  @Test func anAdvisorCannotOpenAnotherStructuresAgenda() throws {
    let world = try world()
    #expect(throws: UserError.self) { try agendaContacts(world, world.foreignAdvisor.caller) }
    #expect(throws: UserError.self) {
      try world.database.unfilledAppointments(
        structureID: world.setup.structure.id, by: world.foreignAdvisor.caller)
    }
    #expect(throws: UserError.self) {
      try world.database.agenda(
        advisorID: world.setup.advisorID, day: BookingSetup.monday, by: world.foreignAdvisor.caller)
    }
    let own = try world.database.unfilledAppointments(
      structureID: nil, now: BookingSetup.now.addingTimeInterval(30 * 86_400),
      by: world.foreignAdvisor.caller)
    #expect(own.isEmpty, "nil means their own structure, not every structure")
  }

  @Test func agentsSeeTheAgendaWithTheirOwnBookingsContactsOnly() throws {
    let world = try world()
    #expect(try agendaContacts(world, world.agent.caller).first??.lastName == "Quintanilla")
    let other = try agendaContacts(world, world.otherAgent.caller)
    #expect(other.count == 1)
    #expect(other.first! == nil)
  }

  /// Supervisors run the service from aggregates and administrators set up operators: neither needs
  /// anybody's appointments, so neither reads an agenda (the console offers them no agenda key either).
  @Test func supervisorsAndAdministratorsGetNoAgenda() throws {
    let world = try world()
    #expect(throws: UserError.self) { try agendaContacts(world, world.supervisor.caller) }
    #expect(throws: UserError.self) { try agendaContacts(world, world.admin.caller) }
  }

  // MARK: access requests and audit

  @Test func accessAndErasureRequestsAreForTheCommandLineOnly() throws {
    let world = try world()
    let phone = try PhoneNumber(parsing: "06 12 34 56 78")
    for caller in [
      world.agent.caller, world.advisor.caller, world.supervisor.caller, world.admin.caller,
    ] {
      #expect(throws: UserError.self) { try world.database.person(phone: phone, by: caller) }
      #expect(throws: UserError.self) { try world.database.erasePerson(phone: phone, by: caller) }
    }
    #expect(try world.database.person(phone: phone, by: .commandLine).count == 1)
  }

  @Test func everyContactReadAndWriteIsAuditedWithIdsOnly() throws {
    let world = try world()
    _ = try world.database.contact(consentID: world.consentID, by: world.advisor.caller)
    _ = try agendaContacts(world, world.agent.caller)
    let entries = try world.database.auditEntries(subject: "contact", by: .commandLine)
    #expect(entries.contains { $0.action == .contactWritten && $0.accountID == world.agent.id })
    #expect(
      entries.filter { $0.action == .contactRead }.map(\.accountID) == [
        world.agent.id, world.advisor.id,
      ])
    #expect(try world.database.verifyAudit().isIntact)
    let dump = try world.database.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM audit_entry").map(\.description)
    }
    #expect(!dump.joined().contains("Quintanilla"))
  }
}
