import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// A desk keeps the caller it got at login for hours (issue 13, finding 1). Every store call that takes a
/// caller, for every kind of data, asks the account table in its own transaction: once the account is
/// disabled, or its role changed, the next call is refused with `UserError.accountNoLongerValid`, and the
/// same calls go through again once the account is back as it was.
@Suite struct LiveAccountTests {
  typealias World = PermissionMatrixTests.World
  typealias Actor = RoleMatrixTests.Actor

  /// What happens to the account between the login and the next call.
  enum Change: String, CaseIterable, CustomTestStringConvertible {
    case disabled, roleChanged
    var testDescription: String { rawValue }
  }

  /// One kind of data, the role the matrix lets call it, and every store call of that kind.
  enum Kind: String, CaseIterable, CustomTestStringConvertible {
    case accounts, ownPassword, operators, availability, routing, consentTexts, visitCoding
    case supervision, audit, consentsAndBookings, contacts, appointments, agenda
    var testDescription: String { rawValue }

    var actor: Actor {
      switch self {
      case .accounts, .operators, .routing, .consentTexts, .audit: .administrator
      case .ownPassword, .supervision: .supervisor
      case .availability, .agenda: .advisor
      case .visitCoding, .consentsAndBookings, .contacts, .appointments: .agent
      }
    }

    /// The calls, in an order that lets each one succeed for a live caller on the same world.
    func calls(_ world: World, _ spare: Spare) throws -> [(String, (Caller) throws -> Void)] {
      let database = world.database
      let setup = world.setup
      let password = "une phrase de passe toute neuve"
      let monday = BookingSetup.monday
      let reference = world.appointment.reference
      let structureID = try #require(setup.structure.id)
      switch self {
      case .accounts:
        return [
          (
            "create an administrator",
            {
              _ = try database.createAccount(
                login: "nouveau", role: .administrator, password: password, by: $0)
            }
          ),
          ("list", { _ = try database.accounts(by: $0) }),
          ("last logins", { _ = try database.lastLogins(by: $0) }),
          ("password", { try database.changePassword(login: "agent2", to: password, by: $0) }),
          ("disable", { _ = try database.disableAccount(login: "agent2", by: $0) }),
          ("enable", { _ = try database.enableAccount(login: "agent2", by: $0) }),
          ("enable itself", { _ = try database.enableAccount(login: world.admin.login, by: $0) }),
        ]
      case .ownPassword:
        return [
          (
            "own password",
            { try database.changePassword(login: world.supervisor.login, to: password, by: $0) }
          )
        ]
      case .operators:
        return [
          (
            "structure",
            {
              _ = try database.saveOperatorStructure(
                OperatorStructure(kind: .cio, name: "CIO de Bourgoin"), by: $0)
            }
          ),
          (
            "advisor",
            {
              _ = try database.saveAdvisor(
                Advisor(structureID: structureID, displayName: "Paul Roux"), by: $0)
            }
          ),
          ("remove advisor", { try database.removeAdvisor(id: spare.advisorID, by: $0) }),
          ("seed structures", { _ = try database.seedOperatorStructuresFromDirectory(by: $0) }),
          ("territories", { _ = try database.territorySummaries(by: $0) }),
          ("bassins", { _ = try database.bassins(matching: "cham", limit: 5, by: $0) }),
          (
            "create territory",
            { try database.createTerritory(name: "ZTEF Essai", bassinCodes: ["8411"], by: $0) }
          ),
          (
            "rename territory",
            {
              try database.renameTerritory(id: setup.territoryID, to: "Territoire renommé", by: $0)
            }
          ),
        ]
      case .availability:
        let evening = RoleMatrixTests.evening
        return [
          (
            "opening rule",
            {
              _ = try database.saveOpeningRule(
                OpeningRule(
                  advisorID: setup.advisorID, weekdays: [.saturday], start: TimeOfDay(hour: 9)!,
                  end: TimeOfDay(hour: 10)!, slotMinutes: 30, validFrom: monday), by: $0)
            }
          ),
          ("delete rule", { try database.deleteOpeningRule(id: spare.openingRuleID, by: $0) }),
          (
            "absence",
            {
              _ = try database.saveAbsence(
                Absence(
                  advisorID: setup.advisorID, startsAt: evening,
                  endsAt: evening.addingTimeInterval(3600), reason: .training), by: $0)
            }
          ),
          ("delete absence", { try database.deleteAbsence(id: spare.absenceID, by: $0) }),
        ]
      case .routing:
        let rule = try #require(try database.routingRules().first)
        return [
          ("routing rule", { _ = try database.saveRoutingRule(rule, by: $0) }),
          (
            "delete routing rule",
            { try database.deleteRoutingRule(id: spare.routingRuleID, by: $0) }
          ),
        ]
      case .consentTexts:
        let body = try database.consentText().body
        return [
          (
            "publish consent text",
            { _ = try database.publishConsentText(body: body, retentionDays: 90, by: $0) }
          )
        ]
      case .visitCoding:
        return [
          (
            "register arrival",
            {
              _ = try database.registerArrival(
                setup.workplace, channel: .walkIn, by: $0, at: BookingSetup.now)
            }
          ),
          (
            "start service",
            {
              _ = try database.takeVisitor(
                visitID: try #require(spare.waiting.id), deskID: setup.workplace.deskID,
                at: BookingSetup.now, by: $0)
            }
          ),
          (
            "save visit",
            {
              var visit = spare.visit
              visit.closedAt = visit.arrivedAt.addingTimeInterval(600)
              _ = try database.save(visit, by: $0)
            }
          ),
          (
            "satisfaction",
            { try database.recordSatisfaction(4, visitID: try #require(spare.visit.id), by: $0) }
          ),
          (
            "consultations",
            {
              try database.recordConsultations(
                [Consultation(kind: .occupation, code: "K1207")],
                visitID: try #require(spare.visit.id), by: $0, at: BookingSetup.now)
            }
          ),
        ]
      case .supervision:
        return [
          (
            "figures",
            {
              _ = try database.supervisionFigures(
                period: SupervisionPeriod(.month, containing: monday), by: $0)
            }
          ),
          ("names", { _ = try database.supervisionNames(by: $0) }),
          ("sites", { _ = try database.siteSummaries(by: $0) }),
          (
            "target delay",
            { try database.setTargetDelay(days: 20, territoryID: setup.territoryID, by: $0) }
          ),
          (
            "announced wait",
            { try database.setAnnouncedWait(minutes: 20, siteID: setup.workplace.siteID, by: $0) }
          ),
        ]
      case .audit:
        return [("audit trail", { _ = try database.auditEntries(by: $0) })]
      case .consentsAndBookings:
        return [
          (
            "consent",
            {
              _ = try database.recordConsent(
                visitID: setup.visitID, textVersion: database.consentText().version,
                recipientStructureID: structureID, deskID: setup.workplace.deskID, by: $0,
                at: BookingSetup.now)
            }
          ),
          (
            "contact",
            {
              _ = try database.saveContact(
                PermissionMatrixTests.contact, consentID: world.consentID, by: $0)
            }
          ),
          (
            "book",
            {
              _ = try database.book(
                reference: .generate(), slot: try setup.slot(monday, 11), visitID: setup.visitID,
                consentID: world.consentID, contact: PermissionMatrixTests.contact, by: $0,
                now: BookingSetup.now)
            }
          ),
          (
            "duplicates",
            { _ = try database.possibleDuplicates(of: PermissionMatrixTests.contact, by: $0) }
          ),
          ("withdraw consent", { _ = try database.withdrawConsent(id: world.consentID, by: $0) }),
        ]
      case .contacts:
        return [
          ("contact", { _ = try database.contact(consentID: world.consentID, by: $0) }),
          (
            "visible contact",
            { _ = try database.visibleContact(consentID: world.consentID, by: $0) }
          ),
        ]
      case .appointments:
        return [
          ("by reference", { _ = try database.appointment(reference: reference, by: $0) }),
          ("by visit", { _ = try database.appointments(visitID: setup.visitID, by: $0) }),
          (
            "move",
            {
              _ = try database.reschedule(
                reference: reference, to: try setup.slot(monday, 11), by: $0,
                now: BookingSetup.now)
            }
          ),
          (
            "cancel",
            {
              _ = try database.cancel(
                reference: reference, as: .excused, by: $0, now: BookingSetup.now)
            }
          ),
        ]
      case .agenda:
        return [
          (
            "structure agenda",
            { _ = try database.agenda(structureID: structureID, from: monday, by: $0) }
          ),
          (
            "advisor agenda",
            { _ = try database.agenda(advisorID: setup.advisorID, day: monday, by: $0) }
          ),
          (
            "unfilled",
            { _ = try database.unfilledAppointments(now: RoleMatrixTests.evening, by: $0) }
          ),
          (
            "attendance",
            {
              _ = try database.recordAttendance(
                reference: reference, as: .seen, by: $0, now: RoleMatrixTests.evening)
            }
          ),
        ]
      }
    }
  }

  /// Rows made from the host before the test, so a delete or an edit has something to act on.
  struct Spare {
    var advisorID: Int64
    var openingRuleID: Int64
    var absenceID: Int64
    var routingRuleID: Int64
    /// A closed visit, and one still waiting in the queue.
    var visit: Visit
    var waiting: Visit
  }

  static func spare(_ world: World) throws -> Spare {
    let database = world.database
    let setup = world.setup
    let advisor = try database.saveAdvisor(
      Advisor(structureID: try #require(setup.structure.id), displayName: "Jeanne Petit"),
      by: .commandLine)
    let rule = try database.saveOpeningRule(
      OpeningRule(
        advisorID: setup.advisorID, weekdays: [.sunday], start: TimeOfDay(hour: 9)!,
        end: TimeOfDay(hour: 10)!, slotMinutes: 30, validFrom: BookingSetup.monday),
      by: .commandLine)
    let start = RoleMatrixTests.evening.addingTimeInterval(86_400)
    let absence = try database.saveAbsence(
      Absence(
        advisorID: setup.advisorID, startsAt: start, endsAt: start.addingTimeInterval(3600),
        reason: .training), by: .commandLine)
    var routing = try #require(try database.routingRules().first)
    routing.id = nil
    let routingRule = try database.saveRoutingRule(routing, by: .commandLine)
    let waiting = try database.registerArrival(
      setup.workplace, channel: .walkIn, by: .commandLine, at: BookingSetup.now)
    var visit = try database.registerArrival(
      setup.workplace, channel: .walkIn, by: .commandLine, at: BookingSetup.now)
    visit.startedAt = visit.arrivedAt
    visit.closedAt = visit.arrivedAt.addingTimeInterval(300)
    visit.requestKinds = [.jobInformation]
    visit.outcome = .information
    visit = try database.save(visit, by: .commandLine)
    return Spare(
      advisorID: try #require(advisor.id), openingRuleID: try #require(rule.id),
      absenceID: try #require(absence.id), routingRuleID: try #require(routingRule.id),
      visit: visit, waiting: waiting)
  }

  /// The account of `actor` in `world`.
  static func account(_ actor: Actor, _ world: World) -> Account {
    switch actor {
    case .agent: world.agent
    case .advisor: world.advisor
    case .supervisor: world.supervisor
    case .administrator, .commandLine: world.admin
    }
  }

  /// Applies `change` to the account behind the caller, from the host, then undoes it.
  static func apply(_ change: Change, to account: Account, in world: World, undo: Bool = false)
    throws
  {
    let database = world.database
    switch change {
    case .disabled:
      _ =
        undo
        ? try database.enableAccount(login: account.login, by: .commandLine)
        : try database.disableAccount(login: account.login, by: .commandLine)
    case .roleChanged:
      // An advisor becomes an agent (no structure); any other role becomes an advisor of the structure.
      let (role, structure): (Role, Int64?) =
        undo
        ? (account.role, account.structureID)
        : account.role == .advisor ? (.agent, nil) : (.advisor, world.setup.structure.id)
      try database.writer.write {
        try $0.execute(
          sql: "UPDATE account SET role = ?, structure_id = ? WHERE id = ?",
          arguments: [role.rawValue, structure, account.id])
      }
    }
  }

  @Test(arguments: Kind.allCases, Change.allCases)
  func aStaleCallerIsRefusedByEveryCallOfEachKind(_ kind: Kind, _ change: Change) throws {
    let world = try PermissionMatrixTests().world()
    // A second administrator, so the first one may be disabled (the last one may not).
    _ = try world.database.createAccount(
      login: "admin2", role: .administrator, password: AccountFixtures.password, by: .commandLine)
    let spare = try Self.spare(world)
    let account = Self.account(kind.actor, world)
    let caller = account.caller
    let calls = try kind.calls(world, spare)

    try Self.apply(change, to: account, in: world)
    let trail = try AccountFixtures.rawCount(world.database, "SELECT count(*) FROM audit_entry")
    for (name, call) in calls {
      let error = #expect(throws: UserError.self, "\(kind) · \(name) · \(change)") {
        try call(caller)
      }
      #expect(error == .accountNoLongerValid, "\(kind) · \(name) · \(change)")
    }
    #expect(
      try AccountFixtures.rawCount(world.database, "SELECT count(*) FROM audit_entry") == trail,
      "a refused call writes nothing, not even an audit entry")

    try Self.apply(change, to: account, in: world, undo: true)
    for (name, call) in calls {
      #expect(throws: Never.self, "\(kind) · \(name) · live again") { try call(caller) }
    }
  }

  /// The case of the issue: a disabled administrator in an open console neither creates an administrator
  /// nor re-enables itself, and a disabled agent saves no visit.
  @Test func aDisabledAdministratorCreatesNoAccountAndCannotReEnableItself() throws {
    let world = try PermissionMatrixTests().world()
    let database = world.database
    _ = try database.createAccount(
      login: "admin2", role: .administrator, password: AccountFixtures.password, by: .commandLine)
    let admin = world.admin.caller
    _ = try database.disableAccount(login: world.admin.login, by: .commandLine)
    let created = #expect(throws: UserError.self) {
      try database.createAccount(
        login: "intrus", role: .administrator, password: AccountFixtures.password, by: admin)
    }
    #expect(created?.kind == .accountNoLongerValid)
    #expect(created?.message == "Votre compte a été désactivé ou modifié : reconnectez-vous.")
    let enabled = #expect(throws: UserError.self) {
      try database.enableAccount(login: world.admin.login, by: admin)
    }
    #expect(enabled?.kind == .accountNoLongerValid)
    #expect(
      try AccountFixtures.rawCount(database, "SELECT count(*) FROM account WHERE login = 'intrus'")
        == 0)
    #expect(
      try AccountFixtures.rawCount(
        database, "SELECT is_disabled FROM account WHERE login = 'admin'")
        == 1)

    let agent = world.agent.caller
    _ = try database.disableAccount(login: world.agent.login, by: .commandLine)
    var visit = world.setup.visit
    visit.startedAt = visit.arrivedAt
    let saved = #expect(throws: UserError.self) { try database.save(visit, by: agent) }
    #expect(saved?.kind == .accountNoLongerValid)
  }

  /// An advisor moved to another structure holds a caller of the old one: refused too.
  @Test func anAdvisorMovedToAnotherStructureIsRefused() throws {
    let world = try PermissionMatrixTests().world()
    let advisor = world.advisor.caller
    try world.database.writer.write {
      try $0.execute(
        sql: "UPDATE account SET structure_id = ? WHERE id = ?",
        arguments: [world.otherStructureID, world.advisor.id])
    }
    let error = #expect(throws: UserError.self) {
      try world.database.agenda(
        structureID: try #require(world.setup.structure.id), from: BookingSetup.monday,
        by: advisor)
    }
    #expect(error?.kind == .accountNoLongerValid)
  }

  /// A refusal of the matrix is not a stale account: the console tells them apart by the error's kind.
  @Test func anOrdinaryRefusalIsNotTheStaleAccountOne() throws {
    let world = try PermissionMatrixTests().world()
    let error = #expect(throws: UserError.self) {
      try world.database.accounts(by: world.agent.caller)
    }
    #expect(error?.kind == .ordinary)
    #expect(error?.message.hasPrefix("Accès refusé") == true)
  }
}
