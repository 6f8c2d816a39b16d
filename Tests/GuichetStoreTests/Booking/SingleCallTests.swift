import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// The read models and write-and-read-back calls the console makes once per user action: each is one
/// transaction (counted on the connection), and keeps the reading rules of the calls it replaces.
@Suite struct SingleCallTests {
  /// Counts the transactions `body` opens on the test database's only connection.
  static func transactions(in database: AppDatabase, _ body: () throws -> Void) throws -> Int {
    let counter = Counter()
    database.writer.writeWithoutTransaction { db in
      db.trace(options: .statement) { event in
        if case .statement(let statement) = event, statement.sql.hasPrefix("BEGIN") {
          counter.add()
        }
      }
    }
    defer { database.writer.writeWithoutTransaction { db in db.trace(options: [], nil) } }
    try body()
    return counter.value
  }

  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
  }

  func world() throws -> PermissionMatrixTests.World { try PermissionMatrixTests().world() }

  @Test func aDetailIsOneTransactionAndShowsTheContactOnlyToWhoMaySeeIt() throws {
    let world = try world()
    let reference = world.appointment.reference
    var detail: AppointmentDetail?
    let count = try Self.transactions(in: world.database) {
      detail = try world.database.appointmentDetail(reference: reference, by: world.agent.caller)
    }
    #expect(count == 1)
    let shown = try #require(detail)
    #expect(shown.appointment == world.appointment)
    #expect(shown.structure == world.setup.structure && shown.advisorName == "Claire Martin")
    #expect(shown.visit.id == world.setup.visitID && shown.consent == world.setup.consent)
    #expect(shown.contact?.lastName == "Quintanilla" && !shown.contactHidden)
    #expect(
      try world.database.appointmentDetails(visitID: world.setup.visitID, by: world.agent.caller)
        == [shown])
    #expect(
      try world.database.appointmentDetail(reference: reference, by: world.advisor.caller)?
        .contact?.lastName == "Quintanilla")
    // Another agent reads the appointment, not the contact; another structure's advisor not even that.
    let other = try #require(
      try world.database.appointmentDetail(reference: reference, by: world.otherAgent.caller))
    #expect(other.contact == nil && other.contactHidden)
    #expect(
      try world.database.appointmentDetail(reference: reference, by: world.foreignAdvisor.caller)
        == nil)
    #expect(
      try world.database.appointmentDetails(
        visitID: world.setup.visitID, by: world.foreignAdvisor.caller
      ).isEmpty)
    let refusal = #expect(throws: UserError.self) {
      try world.database.appointmentDetail(reference: reference, by: world.supervisor.caller)
    }
    #expect(refusal?.message.hasPrefix("Accès refusé") == true)
    // Only the two contacts shown were audited.
    #expect(try world.setup.count("audit_entry", "action = 'contact_read'") == 2)
  }

  @Test func aDisabledAccountReadsNoDetail() throws {
    let world = try world()
    _ = try world.database.disableAccount(login: "agent", by: world.admin.caller)
    #expect(throws: UserError.accountNoLongerValid) {
      try world.database.appointmentDetail(
        reference: world.appointment.reference, by: world.agent.caller)
    }
  }

  @Test func cancellingReadsTheDetailBackInTheWriteTransaction() throws {
    let world = try world()
    let reference = world.appointment.reference
    var detail: AppointmentDetail?
    let count = try Self.transactions(in: world.database) {
      detail = try world.database.cancelledDetail(
        reference: reference, as: .excused, by: world.agent.caller, now: BookingSetup.now)
    }
    #expect(count == 1)
    #expect(detail?.appointment.status == .excused && detail?.appointment.cancelledAt != nil)
    #expect(detail?.contact?.lastName == "Quintanilla")
    #expect(
      try world.database.appointmentDetail(reference: reference, by: .commandLine)?.appointment
        == detail?.appointment)
    #expect(try world.setup.count("audit_entry", "action = 'appointment_cancelled'") == 1)
    #expect(throws: UserError.self) {
      try world.database.cancelledDetail(
        reference: reference, as: .seen, by: world.agent.caller, now: BookingSetup.now)
    }
    let refusal = #expect(throws: UserError.self) {
      try world.database.cancelledDetail(
        reference: reference, as: .revoked, by: world.otherAgent.caller, now: BookingSetup.now)
    }
    #expect(refusal?.message == AppointmentAccess.refused)
  }

  @Test func movingReadsTheDetailBackAtItsNewTime() throws {
    let world = try world()
    let reference = world.appointment.reference
    let to = try world.setup.slot(BookingSetup.monday.adding(days: 1), 11)
    var detail: AppointmentDetail?
    let count = try Self.transactions(in: world.database) {
      detail = try world.database.rescheduledDetail(
        reference: reference, to: to, by: world.agent.caller, now: BookingSetup.now)
    }
    #expect(count == 1)
    #expect(detail?.appointment.startsAt == to.startsAt && detail?.reference == reference)
    #expect(detail?.contact?.lastName == "Quintanilla")
    // Another booking takes the old slot; moving back there loses and offers the advisor's next free slots.
    let from = try world.setup.slot(BookingSetup.monday, 10)
    _ = try world.setup.book(from)
    let taken = #expect(throws: SlotTakenError.self) {
      try world.database.rescheduledDetail(
        reference: reference, to: from, by: world.agent.caller, now: BookingSetup.now)
    }
    #expect(taken?.nextFree.isEmpty == false)
    #expect(
      try world.database.appointmentDetail(reference: reference, by: .commandLine)?.appointment
        .startsAt == to.startsAt)
  }

  @Test func withdrawingReadsBackTheRevokedAppointmentWithItsContactErased() throws {
    let world = try world()
    let reference = world.appointment.reference
    let plain = try PermissionMatrixTests().world()
    let alone = try Self.transactions(in: plain.database) {
      try plain.database.withdrawConsent(id: plain.consentID, by: plain.agent.caller)
    }
    var detail: AppointmentDetail?
    let count = try Self.transactions(in: world.database) {
      detail = try world.database.withdrawnDetail(
        consentID: world.consentID, reference: reference, by: world.agent.caller)
    }
    #expect(alone >= 1)
    #expect(count == alone, "the read back adds no transaction to the withdrawal")
    #expect(detail?.appointment.status == .revoked && detail?.consent.isWithdrawn == true)
    #expect(detail?.contact == nil && detail?.contactHidden == false)
    #expect(try world.setup.count("contact") == 0)
    let refusal = #expect(throws: UserError.self) {
      try world.database.withdrawnDetail(
        consentID: world.consentID, reference: reference, by: world.otherAgent.caller)
    }
    #expect(refusal?.message == "Vous ne pouvez pas retirer ce consentement.")
  }

  @Test func theAgendaPageFiltersTheAdvisorInOneTransaction() throws {
    let setup = try BookingSetup.make()
    let tuesday = BookingSetup.monday.adding(days: 1)
    let second = try setup.database.saveAdvisor(
      Advisor(structureID: try #require(setup.structure.id), displayName: "Bruno Petit"),
      by: .commandLine)
    let secondID = try #require(second.id)
    _ = try setup.database.saveOpeningRule(
      OpeningRule(
        advisorID: secondID, weekdays: [.tuesday], start: TimeOfDay(hour: 9)!,
        end: TimeOfDay(hour: 12)!, slotMinutes: 30, validFrom: BookingSetup.monday),
      by: .commandLine)
    let nine = try setup.book(try setup.slot(tuesday, 9))
    let cancelled = try setup.book(try setup.slot(tuesday, 10))
    _ = try setup.database.cancel(
      reference: cancelled.reference, as: .excused, by: .commandLine, now: BookingSetup.now)
    let start = LocalClock.instant(tuesday, TimeOfDay(hour: 9)!)!
    let theirs = try setup.book(
      Slot(advisorID: secondID, startsAt: start, endsAt: start.addingTimeInterval(1800)))
    try setup.database.recordConsultations(
      [Consultation(kind: .occupation, code: "K1207")], visitID: setup.visitID, by: .commandLine,
      at: BookingSetup.now)
    let structureID = try #require(setup.structure.id)
    var page: AgendaPage?
    let count = try Self.transactions(in: setup.database) {
      page = try setup.database.agendaPage(
        AgendaQuery(structureID: structureID, advisorID: setup.advisorID, mode: .day, day: tuesday),
        by: .commandLine, at: BookingSetup.now)
    }
    #expect(count == 1)
    #expect(page?.entries.map(\.appointment.reference) == [nine.reference, cancelled.reference])
    #expect(page?.entries.first?.handover.occupationCodes == ["K1207"])
    #expect(page?.occupationTitles["K1207"] != nil)
    let everyone = try setup.database.agendaPage(
      AgendaQuery(structureID: structureID, mode: .week, day: tuesday), by: .commandLine,
      at: BookingSetup.now)
    #expect(
      Set(everyone.entries.map(\.appointment.reference)) == [
        nine.reference, cancelled.reference, theirs.reference,
      ])
    let evening = LocalClock.instant(tuesday, TimeOfDay(hour: 18)!)!
    let backlog = try setup.database.agendaPage(
      AgendaQuery(structureID: structureID, advisorID: secondID, mode: .backlog, day: tuesday),
      by: .commandLine, at: evening)
    #expect(backlog.entries.map(\.appointment.reference) == [theirs.reference])
  }

  @Test func anAdvisorOpensOnlyTheirStructuresAgendaPage() throws {
    let world = try world()
    let query = AgendaQuery(
      structureID: try #require(world.setup.structure.id), mode: .day, day: BookingSetup.monday)
    #expect(
      try world.database.agendaPage(query, by: world.advisor.caller, at: BookingSetup.now).entries
        .map(\.contact?.lastName) == ["Quintanilla"])
    let refusal = #expect(throws: UserError.self) {
      try world.database.agendaPage(query, by: world.foreignAdvisor.caller, at: BookingSetup.now)
    }
    #expect(refusal?.message.hasPrefix("Accès refusé") == true)
  }

  @Test func preparingABookingSavesTheVisitAndRecommendsInOneTransaction() throws {
    let setup = try BookingSetup.make()
    var visit = setup.visit
    visit.requestKinds = [.jobSearch]
    var prepared: (visit: Visit, recommendations: [Recommendation])?
    let count = try Self.transactions(in: setup.database) {
      prepared = try setup.database.prepareBooking(visit, by: .commandLine)
    }
    #expect(count == 1)
    #expect(prepared?.visit.requestKinds == [.jobSearch])
    #expect(try setup.database.visit(id: setup.visitID)?.requestKinds == [.jobSearch])
    #expect(prepared?.recommendations == (try setup.database.recommend(for: visit)))
    #expect(prepared?.recommendations.isEmpty == false)
    var gone = visit
    gone.id = 999_999
    #expect(throws: UserError("Cette visite n'existe plus : elle a peut-être été supprimée.")) {
      try setup.database.prepareBooking(gone, by: .commandLine)
    }
  }

  @Test func theFirstAdministratorIsCreatedAndSignedInAtOnce() throws {
    let database = try AccountFixtures.database()
    var account: Account?
    let count = try Self.transactions(in: database) {
      account = try database.createFirstAdministrator(
        login: "premiere", password: AccountFixtures.password)
    }
    #expect(count == 1)
    let created = try #require(account)
    #expect(created.role == .administrator && created.login == "premiere")
    #expect(try database.lastLogins(by: created.caller)[created.id] != nil)
    #expect(throws: UserError.self) {
      try database.createFirstAdministrator(login: "second", password: AccountFixtures.password)
    }
  }
}
