import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// The queue as the room sees it: numbers per site and day, « parti sans être reçu » by hand and at the day
/// change, and counters read with the queue.
@Suite struct QueueStoreTests {
  static let evening = Fixtures.minutes(7 * 60)  // 16:00 on Fixtures.day
  static let nextMorning = Fixtures.minutes(24 * 60 + 30)  // 09:30 the next day
  static let nextDay = 20_240_313

  /// The scenario of issue 16: an arrival never taken, the console started the next morning.
  @Test func aStaleArrivalLeavesTheQueueAtTheDayChangeWithoutAWait() throws {
    let (database, workplace) = try Fixtures.database()
    var served = Fixtures.closable(workplace)
    served.startedAt = Fixtures.minutes(4)
    _ = try database.save(served, by: .commandLine)
    let stale = try database.registerArrival(
      workplace, channel: .walkIn, by: .commandLine, at: Self.evening)

    #expect(try database.closeStaleArrivals(now: Self.nextMorning) == 1)
    #expect(try database.closeStaleArrivals(now: Self.nextMorning) == 0)

    let morning = try database.deskDay(workplace, day: Self.nextDay)
    #expect(morning.queue.isEmpty)
    #expect(morning.counters.site.waiting == 0)
    #expect(morning.counters.site.total == 0)

    let staleID = try #require(stale.id)
    let left = try #require(try database.visit(id: staleID))
    #expect(left.status == .leftUnseen)
    #expect(left.startedAt == nil)
    // Closed at the end of its own day, not at the moment the console noticed.
    #expect(Day.number(of: try #require(left.closedAt)) == Fixtures.day)
    #expect(try #require(left.closedAt) < Self.nextMorning)

    let day = try database.counters(for: workplace, day: Fixtures.day)
    #expect(day.site == VisitCounts(closed: 1, leftUnseen: 1))
    #expect(day.medianWaitSeconds == 240)

    let figures = try database.supervisionFigures(
      period: SupervisionPeriod(.day, containing: LocalDate(number: Fixtures.day)!),
      by: .commandLine)
    #expect(
      figures.breakdowns[.outcome]?.first { $0.code == Outcome.leftUnseen.rawValue }?.count == 1)
    // The only wait is the served visit's 4 minutes: no night in the queue.
    #expect(figures.wait.minutes.counts == [4: 1])
  }

  @Test func anArrivalOfAPastDayCannotBeTakenIntoService() throws {
    let (database, workplace) = try Fixtures.database()
    let stale = try database.registerArrival(
      workplace, channel: .walkIn, by: .commandLine, at: Self.evening)
    #expect(throws: UserError.self) {
      try database.takeVisitor(
        visitID: try #require(stale.id), deskID: workplace.deskID, at: Self.nextMorning,
        by: .commandLine)
    }
    #expect(try database.visit(id: #require(stale.id))?.startedAt == nil)
  }

  @Test func markingLeftUnseenClosesAWaitingPersonAndAnswersTheQueue() throws {
    let (database, workplace) = try Fixtures.database()
    let gone = try database.registerArrival(
      workplace, channel: .walkIn, by: .commandLine, at: Fixtures.minutes(0))
    let stays = try database.registerArrival(
      workplace, channel: .phone, by: .commandLine, at: Fixtures.minutes(2))
    let queue = try database.markLeftUnseen(
      visitID: try #require(gone.id), at: Fixtures.minutes(30), by: .commandLine)
    #expect(queue.map(\.id) == [stays.id])
    let counters = try database.counters(for: workplace, day: Fixtures.day)
    #expect(counters.site == VisitCounts(waiting: 1, leftUnseen: 1))
    #expect(counters.medianWaitSeconds == nil)
    // Twice, or once taken, it is refused and nothing changes.
    #expect(throws: UserError.self) {
      try database.markLeftUnseen(
        visitID: try #require(gone.id), at: Fixtures.minutes(31), by: .commandLine)
    }
    _ = try database.takeVisitor(
      visitID: try #require(stays.id), deskID: workplace.deskID, at: Fixtures.minutes(5),
      by: .commandLine)
    #expect(throws: UserError.self) {
      try database.markLeftUnseen(
        visitID: try #require(stays.id), at: Fixtures.minutes(32), by: .commandLine)
    }
    #expect(try database.visit(id: #require(stays.id))?.status == .inService)
  }

  @Test func theSchemaRefusesALeftUnseenVisitThatWasStarted() throws {
    let (database, workplace) = try Fixtures.database()
    let visit = try database.registerArrival(
      workplace, channel: .walkIn, by: .commandLine, at: Fixtures.minutes(0))
    let id = try #require(visit.id)
    #expect(throws: DatabaseError.self) {
      try database.writer.write { db in
        try db.execute(
          sql: """
            UPDATE visit SET started_at = arrived_at, closed_at = arrived_at, outcome = 'left_unseen'
            WHERE id = ?
            """, arguments: [id])
      }
    }
    var received = visit
    received.startedAt = Fixtures.minutes(1)
    received.closedAt = Fixtures.minutes(2)
    received.outcome = .leftUnseen
    #expect(throws: UserError.self) { try database.save(received, by: .commandLine) }
  }

  @Test func ticketsCountPerSiteAndDayAndNeverChange() throws {
    let (database, workplace) = try Fixtures.database()
    let colleague = try database.workplace(siteName: workplace.siteName, deskName: "Poste 2")
    let elsewhere = try database.workplace(siteName: "CIO Vienne", deskName: "Poste 1")
    func arrive(_ place: Workplace, _ minutes: Double) throws -> Int? {
      try database.registerArrival(
        place, channel: .walkIn, by: .commandLine, at: Fixtures.minutes(minutes)
      ).ticket
    }
    #expect(try arrive(workplace, 0) == 1)
    #expect(try arrive(colleague, 1) == 2)
    #expect(try arrive(elsewhere, 2) == 1)
    var walkIn = Fixtures.closable(workplace)
    walkIn.arrivedAt = Fixtures.minutes(3)
    walkIn.startedAt = Fixtures.minutes(3)
    walkIn.closedAt = Fixtures.minutes(20)
    let saved = try database.save(walkIn, by: .commandLine)
    #expect(saved.ticket == 3)
    #expect(try arrive(workplace, 24 * 60) == 1)
    // A copy without the number keeps it; the schema refuses another number.
    var copy = saved
    copy.ticket = nil
    #expect(try database.save(copy, by: .commandLine).ticket == 3)
    let id = try #require(saved.id)
    #expect(throws: DatabaseError.self) {
      try database.writer.write { db in
        try db.execute(sql: "UPDATE visit SET ticket = 9 WHERE id = ?", arguments: [id])
      }
    }
  }

  @Test func theHomeCountersAreTheQueuesOwnRows() throws {
    let (database, workplace) = try Fixtures.database()
    let colleague = try database.workplace(siteName: workplace.siteName, deskName: "Poste 2")
    _ = try database.registerArrival(
      workplace, channel: .walkIn, by: .commandLine, at: Fixtures.minutes(0))
    let taken = try database.registerArrival(
      colleague, channel: .walkIn, by: .commandLine, at: Fixtures.minutes(1))
    _ = try database.takeVisitor(
      visitID: try #require(taken.id), deskID: colleague.deskID, at: Fixtures.minutes(2),
      by: .commandLine)
    let day = try database.deskDay(workplace, day: Fixtures.day)
    #expect(day.queue.count == 2)
    #expect(day.counters.site.waiting == day.queue.count { $0.status == .waiting })
    #expect(day.counters.site.inService == day.queue.count { $0.status == .inService })
    #expect(day.counters.desk == VisitCounts(waiting: 1))
  }
}
