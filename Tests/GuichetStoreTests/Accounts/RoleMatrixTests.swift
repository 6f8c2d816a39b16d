import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// `Permission`'s table, row by row: one parameterised test per data kind, run for every role (and the command
/// line). Each asserts both sides: the roles the table allows succeed, the others get the matrix's refusal.
@Suite struct RoleMatrixTests {
  /// Who asks: the agent who took the consent and booked, an advisor of the appointment's structure, a
  /// supervisor, a console administrator, or the server's command line.
  enum Actor: String, CaseIterable, CustomTestStringConvertible {
    case agent, advisor, supervisor, administrator, commandLine
    var testDescription: String { rawValue }

    func caller(_ world: PermissionMatrixTests.World) -> Caller {
      switch self {
      case .agent: world.agent.caller
      case .advisor: world.advisor.caller
      case .supervisor: world.supervisor.caller
      case .administrator: world.admin.caller
      case .commandLine: .commandLine
      }
    }
  }

  /// Runs `body` as `actor`: it must succeed when `allowed` holds the actor, and be refused with the French
  /// « Accès refusé » otherwise.
  func check(
    _ actor: Actor, allowed: Set<Actor>, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
  ) {
    if allowed.contains(actor) {
      #expect(throws: Never.self, "\(actor) is allowed", sourceLocation: sourceLocation) {
        try body()
      }
    } else {
      let error = #expect(
        throws: UserError.self, "\(actor) is refused", sourceLocation: sourceLocation
      ) { try body() }
      #expect(
        error?.message.hasPrefix("Accès refusé") == true, "\(error?.message ?? "")",
        sourceLocation: sourceLocation)
    }
  }

  func world() throws -> PermissionMatrixTests.World { try PermissionMatrixTests().world() }

  /// After the appointment (Monday 10:00), when attendance can be noted.
  static let evening = BookingSetup.now.addingTimeInterval(12 * 3600)

  @Test(arguments: Actor.allCases) func contactRead(_ actor: Actor) throws {
    let world = try world()
    check(actor, allowed: [.agent, .advisor, .commandLine]) {
      let contact = try world.database.contact(consentID: world.consentID, by: actor.caller(world))
      #expect(contact?.lastName == "Quintanilla")
    }
  }

  @Test(arguments: Actor.allCases) func consentAndBooking(_ actor: Actor) throws {
    let world = try world()
    let caller = actor.caller(world)
    check(actor, allowed: [.agent, .commandLine]) {
      let consent = try world.database.recordConsent(
        visitID: world.setup.visitID, textVersion: world.database.consentText().version,
        recipientStructureID: try #require(world.setup.structure.id),
        deskID: world.setup.workplace.deskID, by: caller, at: BookingSetup.now)
      #expect(consent.accountID == caller.accountID)
      _ = try world.database.book(
        reference: .generate(), slot: try world.setup.slot(BookingSetup.monday, 11),
        visitID: world.setup.visitID, consentID: try #require(consent.id), by: caller,
        now: BookingSetup.now)
    }
  }

  @Test(arguments: Actor.allCases) func appointmentRead(_ actor: Actor) throws {
    let world = try world()
    check(actor, allowed: [.agent, .advisor, .commandLine]) {
      let found = try world.database.appointment(
        reference: world.appointment.reference, by: actor.caller(world))
      #expect(found?.id == world.appointment.id)
      #expect(
        try world.database.appointments(visitID: world.setup.visitID, by: actor.caller(world))
          .count == 1)
    }
  }

  @Test(arguments: Actor.allCases) func agenda(_ actor: Actor) throws {
    let world = try world()
    check(actor, allowed: [.agent, .advisor, .commandLine]) {
      let entries = try world.database.agenda(
        structureID: try #require(world.setup.structure.id), from: BookingSetup.monday,
        by: actor.caller(world))
      #expect(entries.count == 1)
      let seesContact = [.agent, .advisor, .commandLine].contains(actor)
      #expect((entries.first?.contact != nil) == seesContact, "contact columns for \(actor)")
    }
  }

  @Test(arguments: Actor.allCases) func cancel(_ actor: Actor) throws {
    let world = try world()
    check(actor, allowed: [.agent, .advisor, .commandLine]) {
      let cancelled = try world.database.cancel(
        reference: world.appointment.reference, as: .excused, by: actor.caller(world),
        now: BookingSetup.now)
      #expect(cancelled.status == .excused)
    }
    #expect(
      try world.database.appointment(reference: world.appointment.reference, by: .commandLine)?
        .status == (actor == .supervisor || actor == .administrator ? .booked : .excused))
  }

  @Test(arguments: Actor.allCases) func move(_ actor: Actor) throws {
    let world = try world()
    check(actor, allowed: [.agent, .advisor, .commandLine]) {
      let moved = try world.database.reschedule(
        reference: world.appointment.reference, to: try world.setup.slot(BookingSetup.monday, 11),
        by: actor.caller(world), now: BookingSetup.now)
      let wanted = try world.setup.slot(BookingSetup.monday, 11)
      #expect(moved.startsAt == wanted.startsAt)
    }
  }

  @Test(arguments: Actor.allCases) func attendance(_ actor: Actor) throws {
    let world = try world()
    check(actor, allowed: [.advisor, .commandLine]) {
      let seen = try world.database.recordAttendance(
        reference: world.appointment.reference, as: .seen, by: actor.caller(world),
        now: Self.evening)
      #expect(seen.status == .seen)
    }
  }

  @Test(arguments: Actor.allCases) func visitCoding(_ actor: Actor) throws {
    let world = try world()
    var visit = world.setup.visit
    visit.startedAt = visit.arrivedAt
    visit.closedAt = visit.arrivedAt.addingTimeInterval(600)
    visit.outcome = .appointmentBooked
    let closed = try world.database.save(visit, by: .commandLine)
    check(actor, allowed: [.agent, .commandLine]) {
      try world.database.recordSatisfaction(
        4, visitID: try #require(closed.id), by: actor.caller(world))
      var arrival = try world.database.registerArrival(
        world.setup.workplace, channel: .walkIn, by: actor.caller(world), at: BookingSetup.now)
      arrival.startedAt = BookingSetup.now
      _ = try world.database.save(arrival, by: actor.caller(world))
    }
  }

  @Test(arguments: Actor.allCases) func availability(_ actor: Actor) throws {
    let world = try world()
    let caller = actor.caller(world)
    check(actor, allowed: [.advisor, .administrator, .commandLine]) {
      let absence = try world.database.saveAbsence(
        Absence(
          advisorID: world.setup.advisorID, startsAt: Self.evening,
          endsAt: Self.evening.addingTimeInterval(3600), reason: .training), by: caller)
      try world.database.deleteAbsence(id: try #require(absence.id), by: caller)
      let rule = try world.database.saveOpeningRule(
        OpeningRule(
          advisorID: world.setup.advisorID, weekdays: [.saturday], start: TimeOfDay(hour: 9)!,
          end: TimeOfDay(hour: 10)!, slotMinutes: 30, validFrom: BookingSetup.monday), by: caller)
      try world.database.deleteOpeningRule(id: try #require(rule.id), by: caller)
    }
  }

  @Test(arguments: Actor.allCases) func operatorsAdministration(_ actor: Actor) throws {
    let world = try world()
    let caller = actor.caller(world)
    check(actor, allowed: [.administrator, .commandLine]) {
      let structure = try world.database.saveOperatorStructure(
        OperatorStructure(kind: .cio, name: "CIO de Bourgoin", phone: "04 74 11 22 33"),
        by: caller)
      let advisor = try world.database.saveAdvisor(
        Advisor(structureID: try #require(structure.id), displayName: "Paul Roux"), by: caller)
      try world.database.removeAdvisor(id: try #require(advisor.id), by: caller)
      let rule = try world.database.saveRoutingRule(
        try #require(try world.database.routingRules().first), by: caller)
      #expect(rule.id != nil)
      _ = try world.database.publishConsentText(
        body: try world.database.consentText().body, retentionDays: 90, by: caller)
    }
  }

  @Test(arguments: Actor.allCases) func supervision(_ actor: Actor) throws {
    let world = try world()
    let caller = actor.caller(world)
    check(actor, allowed: [.supervisor, .administrator, .commandLine]) {
      let figures = try world.database.supervisionFigures(
        period: SupervisionPeriod(.month, containing: BookingSetup.monday), by: caller)
      #expect(figures.visits == 1)
      _ = try world.database.supervisionNames(by: caller)
      try world.database.setTargetDelay(days: 20, territoryID: world.setup.territoryID, by: caller)
      try world.database.setAnnouncedWait(
        minutes: 20, siteID: world.setup.workplace.siteID, by: caller)
    }
  }

  @Test(arguments: Actor.allCases) func accounts(_ actor: Actor) throws {
    let world = try world()
    let caller = actor.caller(world)
    check(actor, allowed: [.administrator, .commandLine]) {
      let accounts = try world.database.accounts(by: caller)
      #expect(accounts.count == 6)
      try world.database.changePassword(
        login: "agent2", to: "une autre phrase de passe", by: caller)
    }
    #expect(throws: Never.self, "everyone changes their own password") {
      try world.database.changePassword(
        login: world.supervisor.login, to: "encore une phrase de passe",
        by: world.supervisor.caller)
    }
  }

  @Test(arguments: Actor.allCases) func auditTrail(_ actor: Actor) throws {
    let world = try world()
    check(actor, allowed: [.administrator, .commandLine]) {
      let entries = try world.database.auditEntries(by: actor.caller(world))
      #expect(!entries.isEmpty)
    }
  }

  @Test(arguments: Actor.allCases) func personExportAndErasure(_ actor: Actor) throws {
    let world = try world()
    let phone = try PhoneNumber(parsing: "06 12 34 56 78")
    check(actor, allowed: [.commandLine]) {
      let found = try world.database.person(phone: phone, by: actor.caller(world), export: true)
      #expect(found.count == 1)
      let erased = try world.database.erasePerson(phone: phone, by: actor.caller(world))
      #expect(erased.count == 1)
    }
  }

  // MARK: row-level limits

  /// An advisor of another structure: the appointment reads as unknown (its existence is not disclosed), and
  /// neither a change, a mark nor an availability edit reaches it.
  @Test func anAdvisorOfAnotherStructureReachesNoneOfItsAppointments() throws {
    let world = try world()
    let foreign = world.foreignAdvisor.caller
    let reference = world.appointment.reference
    #expect(try world.database.appointment(reference: reference, by: foreign) == nil)
    #expect(try world.database.appointments(visitID: world.setup.visitID, by: foreign).isEmpty)
    for attempt: () throws -> Appointment in [
      { try world.database.cancel(reference: reference, as: .revoked, by: foreign) },
      {
        try world.database.reschedule(
          reference: reference, to: try world.setup.slot(BookingSetup.monday, 11), by: foreign,
          now: BookingSetup.now)
      },
      {
        try world.database.recordAttendance(
          reference: reference, as: .noShow, by: foreign, now: Self.evening)
      },
    ] {
      let error = #expect(throws: UserError.self) { try attempt() }
      #expect(error?.message == "Aucun rendez-vous ne porte la référence \(reference).")
    }
    #expect(throws: UserError.self) {
      try world.database.saveAbsence(
        Absence(
          advisorID: world.setup.advisorID, startsAt: Self.evening,
          endsAt: Self.evening.addingTimeInterval(3600), reason: .training), by: foreign)
    }
    #expect(
      try world.database.appointment(reference: reference, by: .commandLine)?.status == .booked)
  }

  /// Another agent sees the appointment (without its contact) but may neither cancel nor move it, nor book
  /// under a consent they did not take.
  @Test func anotherAgentChangesNothingTheyDidNotBook() throws {
    let world = try world()
    let other = world.otherAgent.caller
    #expect(
      try world.database.appointment(reference: world.appointment.reference, by: other) != nil)
    let refusal = #expect(throws: UserError.self) {
      try world.database.cancel(reference: world.appointment.reference, as: .excused, by: other)
    }
    #expect(refusal?.message == AppointmentAccess.refused)
    #expect(throws: UserError.self) {
      try world.database.book(
        reference: .generate(), slot: try world.setup.slot(BookingSetup.monday, 11),
        visitID: world.setup.visitID, consentID: world.consentID, by: other,
        now: BookingSetup.now)
    }
  }

  /// Issue 13, finding 9: a contact out of the caller's reach reads as hidden, not as erased, so the screen
  /// does not blame the retention period.
  @Test func aHiddenContactIsNotAnErasedOne() throws {
    let world = try world()
    let database = world.database
    #expect(
      try database.visibleContact(consentID: world.consentID, by: world.otherAgent.caller)
        == .hidden)
    #expect(
      try database.visibleContact(consentID: world.consentID, by: world.agent.caller).contact?
        .lastName == "Quintanilla")
    try database.writer.write { try $0.execute(sql: "DELETE FROM contact") }
    #expect(
      try database.visibleContact(consentID: world.consentID, by: world.agent.caller) == .erased)
    #expect(
      try database.visibleContact(consentID: world.consentID, by: world.otherAgent.caller)
        == .hidden)
  }

  // A desk signed in before its account was disabled, or whose role changed: `LiveAccountTests`.

  /// Every change to an appointment's lifecycle is in the audit trail, with the account and the row's id only.
  @Test func appointmentChangesAreAudited() throws {
    let world = try world()
    let reference = world.appointment.reference
    _ = try world.database.reschedule(
      reference: reference, to: try world.setup.slot(BookingSetup.monday, 11),
      by: world.agent.caller, now: BookingSetup.now)
    _ = try world.database.recordAttendance(
      reference: reference, as: .seen, by: world.advisor.caller, now: Self.evening)
    let entries = try world.database.auditEntries(subject: "appointment", by: .commandLine)
    #expect(
      entries.map(\.action) == [.attendanceRecorded, .appointmentMoved, .appointmentBooked])
    #expect(entries.allSatisfy { $0.subjectID == world.appointment.id })
    #expect(entries.first?.accountID == world.advisor.id)
    #expect(try world.database.verifyAudit().isIntact)
  }

  /// Whatever a supervisor may call returns no contact: every string in the figures is free of the booked
  /// person's name and phone, and every contact-returning function refuses or returns none.
  @Test func aSupervisorsQueriesCarryNoContactColumn() throws {
    let world = try world()
    let supervisor = world.supervisor.caller
    let figures = try world.database.supervisionFigures(
      period: SupervisionPeriod(.month, containing: BookingSetup.monday), by: supervisor)
    let text = Self.strings(in: figures).joined(separator: "|")
    #expect(!text.isEmpty)
    #expect(!text.contains("Quintanilla") && !text.contains("Zoé") && !text.contains("0612345678"))
    #expect(
      try world.database.visibleContact(consentID: world.consentID, by: supervisor) == .hidden)
    #expect(
      try world.database.possibleDuplicates(of: PermissionMatrixTests.contact, by: supervisor)
        .isEmpty)
    #expect(throws: UserError.self) {
      try world.database.contact(consentID: world.consentID, by: supervisor)
    }
    #expect(throws: UserError.self) {
      try world.database.appointment(reference: world.appointment.reference, by: supervisor)
    }
  }

  static func strings(in value: Any) -> [String] {
    if let text = value as? String { return [text] }
    return Mirror(reflecting: value).children.flatMap { strings(in: $0.value) }
      + ((value as? [AnyHashable: Any]).map { $0.keys.compactMap { $0.base as? String } } ?? [])
  }

  @Test func theRefusalNamesWhoMayInFrench() {
    #expect(
      Permission.readSupervision.refusal
        == "Accès refusé : seuls les superviseurs et administrateurs peuvent consulter les indicateurs."
    )
    #expect(
      Permission.handlePersonRequest.refusal
        == "Accès refusé : seule la ligne de commande du serveur peut traiter les demandes d'accès et d'effacement."
    )
    #expect(Permission.allCases.allSatisfy { $0.allows(.commandLine) })
    #expect(!Permission.allCases.contains { $0.roles.contains(.supervisor) && $0 == .readContact })
  }
}
