import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// Each indicator on hand-built visits whose answers are known.
@Suite struct SupervisionStoreTests {
  static let march12 = LocalDate(year: 2024, month: 3, day: 12)!
  static let march = SupervisionPeriod(.month, containing: march12)

  /// A closed visit arriving at `hour:minute` (Paris) on `day`, served `wait` minutes later.
  static func visit(
    _ workplace: Workplace, on day: LocalDate = march12, at hour: Int, _ minute: Int = 0,
    wait: Double = 5, public category: PublicCategory = .jobSeeker, channel: Channel = .walkIn,
    requests: [RequestKind] = [.training], outcome: Outcome = .information,
    reason: NoAnswerReason? = nil, territoryID: Int64? = nil, closed: Bool = true
  ) -> Visit {
    let arrived = LocalClock.instant(day, TimeOfDay(hour: hour, minute: minute)!)!
    let started = arrived.addingTimeInterval(wait * 60)
    return Visit(
      siteID: workplace.siteID, deskID: workplace.deskID, channel: channel, arrivedAt: arrived,
      startedAt: started, closedAt: closed ? started.addingTimeInterval(600) : nil,
      publicCategory: category, ageBand: .from26to44, territoryID: territoryID,
      requestKinds: requests, outcome: closed ? outcome : nil, reason: reason, day: day.number)
  }

  /// Every cell of the rollups equals the direct count: what triggers must keep true after any write.
  static func expectRollupsExact(_ database: AppDatabase) throws {
    try database.writer.read { db in
      let direct = try Row.fetchAll(
        db,
        sql: """
          SELECT month, site_id, territory_id, synthetic, dimension, code, count(*) FROM visit_cell
          GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
          """)
      let rolled = try Row.fetchAll(
        db,
        sql: """
          SELECT month, site_id, territory_id, synthetic, dimension, code, n FROM visit_month_stat
          WHERE n != 0 ORDER BY 1, 2, 3, 4, 5, 6
          """)
      #expect(direct.map { Array($0.databaseValues) } == rolled.map { Array($0.databaseValues) })
      let days = try Row.fetchAll(
        db,
        sql: """
          SELECT day, site_id, ifnull(territory_id, 0), synthetic, count(*) FROM visit
          GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
          """)
      let dayStat = try Row.fetchAll(
        db,
        sql:
          "SELECT day, site_id, territory_id, synthetic, n FROM visit_day_stat WHERE n != 0 ORDER BY 1, 2, 3, 4"
      )
      #expect(days.map { Array($0.databaseValues) } == dayStat.map { Array($0.databaseValues) })
    }
  }

  @Test func anEmptyPeriodHasZeroCountsAndNoPercentile() throws {
    let (database, _) = try Fixtures.database()
    let figures = try database.supervisionFigures(period: Self.march, by: .commandLine)
    #expect(figures.visits == 0)
    #expect(figures.daily.count == 31)
    #expect(figures.daily.allSatisfy { $0.count == 0 })
    #expect(figures.funnel == Funnel())
    #expect(figures.delay.days.percentile(0.5) == nil)
    #expect(figures.wait.minutes.percentile(0.5) == nil)
    #expect(figures.satisfaction.scores.mean == nil)
    let rates = figures.lines().filter { $0.unit == .percent }
    #expect(!rates.isEmpty && rates.allSatisfy { $0.value == nil })
  }

  @Test func volumesBreakDownByEveryDimension() throws {
    let (database, workplace) = try Fixtures.database()
    let territory = try #require(try database.territories().first?.id)
    _ = try database.save(
      Self.visit(workplace, at: 9, requests: [.training, .cpf]), by: .commandLine)
    _ = try database.save(
      Self.visit(workplace, at: 9, 30, public: .employee, channel: .phone), by: .commandLine)
    _ = try database.save(Self.visit(workplace, at: 14, territoryID: territory), by: .commandLine)
    _ = try database.save(
      Self.visit(workplace, on: Self.march12.adding(days: 1), at: 10, closed: false),
      by: .commandLine)
    let day = try database.supervisionFigures(
      period: SupervisionPeriod(.day, containing: Self.march12), by: .commandLine)
    #expect(day.visits == 3)
    #expect(day.breakdown(.publicCategory).map(\.count) == [2, 1])
    #expect(
      Set(day.breakdowns[.hour] ?? [])
        == Set([CodeCount(code: "9", count: 2), CodeCount(code: "14", count: 1)]))
    #expect(day.breakdowns[.requestKind]?.first { $0.code == "training" }?.count == 3)
    #expect(day.breakdowns[.requestKind]?.first { $0.code == "cpf" }?.count == 1)
    #expect(day.breakdowns[.channel]?.first { $0.code == "phone" }?.count == 1)
    #expect(day.breakdowns[.territory]?.first { $0.code == String(territory) }?.count == 1)
    #expect(day.breakdowns[.territory]?.first { $0.code == "0" }?.count == 2)
    #expect(day.breakdowns[.site] == [CodeCount(code: String(workplace.siteID), count: 3)])
    let month = try database.supervisionFigures(period: Self.march, by: .commandLine)
    #expect(month.visits == 4)
    #expect(month.daily.first { $0.code == "2024-03-13" }?.count == 1)
    #expect(month.breakdowns[.outcome]?.first { $0.code == "" }?.count == 1)
    let filtered = try database.supervisionFigures(
      period: Self.march, filter: SupervisionFilter([.publicCategory: "employee"]), by: .commandLine
    )
    #expect(filtered.visits == 1)
    #expect(filtered.breakdowns[.channel] == [CodeCount(code: "phone", count: 1)])
  }

  @Test func aVisitSpanningMidnightCountsOnItsArrivalDay() throws {
    let (database, workplace) = try Fixtures.database()
    _ = try database.save(Self.visit(workplace, at: 23, 50, wait: 20), by: .commandLine)
    let arrival = try database.supervisionFigures(
      period: SupervisionPeriod(.day, containing: Self.march12), by: .commandLine)
    let next = try database.supervisionFigures(
      period: SupervisionPeriod(.day, containing: Self.march12.adding(days: 1)), by: .commandLine)
    #expect(arrival.visits == 1)
    #expect(arrival.breakdowns[.hour] == [CodeCount(code: "23", count: 1)])
    #expect(arrival.wait.minutes.percentile(0.5) == 20)
    #expect(arrival.satisfaction.closed == 1)
    #expect(next.visits == 0)
  }

  /// 31 March 2024: clocks go from 2:00 to 3:00 in Paris. A person arriving at 1:50 and served at 3:10 waited 20 minutes.
  @Test func theDaylightSavingDayKeepsLocalHoursAndTrueWaits() throws {
    let (database, workplace) = try Fixtures.database()
    let dst = LocalDate(year: 2024, month: 3, day: 31)!
    _ = try database.save(Self.visit(workplace, on: dst, at: 1, 50, wait: 20), by: .commandLine)
    _ = try database.save(Self.visit(workplace, on: dst, at: 9, wait: 3), by: .commandLine)
    let figures = try database.supervisionFigures(
      period: SupervisionPeriod(.day, containing: dst), by: .commandLine)
    #expect(figures.visits == 2)
    #expect(
      Set(figures.breakdowns[.hour] ?? [])
        == Set([CodeCount(code: "1", count: 1), CodeCount(code: "9", count: 1)]))
    #expect(figures.wait.minutes.counts == [20: 1, 3: 1])
    let month = try database.supervisionFigures(period: Self.march, by: .commandLine)
    #expect(month.daily.last == CodeCount(code: "2024-03-31", count: 2))
  }

  @Test func deskWaitHasMedianP90AndShareAboveTheAnnouncedWait() throws {
    let (database, workplace) = try Fixtures.database()
    try database.setAnnouncedWait(minutes: 10, siteID: workplace.siteID, by: .commandLine)
    for (index, wait) in [2.0, 4, 6, 8, 10, 12, 14, 16, 18, 40].enumerated() {
      _ = try database.save(Self.visit(workplace, at: 9, index, wait: wait), by: .commandLine)
    }
    _ = try database.save(
      Self.visit(workplace, at: 11, wait: 90, channel: .phone), by: .commandLine)
    let figures = try database.supervisionFigures(period: Self.march, by: .commandLine)
    #expect(figures.wait.minutes.total == 10)
    #expect(figures.wait.minutes.percentile(0.5) == 10)
    #expect(figures.wait.minutes.percentile(0.9) == 18)
    #expect(figures.wait.aboveAnnounced == 5)
  }

  @Test func satisfactionIsOptionalAndCountsAgainstClosedVisits() throws {
    let (database, workplace) = try Fixtures.database()
    var ids: [Int64] = []
    for minute in 0..<4 {
      ids.append(
        try #require(try database.save(Self.visit(workplace, at: 9, minute), by: .commandLine).id))
    }
    let open = try database.save(Self.visit(workplace, at: 10, closed: false), by: .commandLine)
    try database.recordSatisfaction(5, visitID: ids[0], by: .commandLine)
    try database.recordSatisfaction(4, visitID: ids[1], by: .commandLine)
    try database.recordSatisfaction(2, visitID: ids[2], by: .commandLine)
    try database.recordSatisfaction(3, visitID: ids[2], by: .commandLine)
    #expect(throws: UserError.self) {
      try database.recordSatisfaction(4, visitID: open.id!, by: .commandLine)
    }
    #expect(throws: UserError.self) {
      try database.recordSatisfaction(6, visitID: ids[3], by: .commandLine)
    }
    let figures = try database.supervisionFigures(period: Self.march, by: .commandLine)
    #expect(figures.satisfaction.closed == 4)
    #expect(figures.satisfaction.scores.counts == [5: 1, 4: 1, 3: 1])
    #expect(figures.satisfaction.scores.mean == 4)
    // A later correction of the visit keeps its score.
    var visit = try #require(try database.visit(id: ids[0]))
    visit.publicCategory = .employee
    _ = try database.save(visit, by: .commandLine)
    #expect(
      try database.supervisionFigures(period: Self.march, by: .commandLine).satisfaction.scores
        .total == 3)
    try Self.expectRollupsExact(database)
  }

  @Test func unmetDemandCountsReasonsAndRepeatedSearchMisses() throws {
    let (database, workplace) = try Fixtures.database(bundledReference: true)
    _ = try database.save(
      Self.visit(workplace, at: 9, outcome: .noBooking, reason: .noSlot), by: .commandLine)
    _ = try database.save(
      Self.visit(workplace, at: 10, outcome: .noBooking, reason: .noSlot), by: .commandLine)
    _ = try database.save(
      Self.visit(workplace, at: 11, outcome: .noAnswer, reason: .outOfScope), by: .commandLine)
    let date = LocalClock.instant(Self.march12, TimeOfDay(hour: 9)!)!
    for _ in 0..<3 {
      try database.recordSearchMiss("pilote de drone", workplace: workplace, at: date)
    }
    try database.recordSearchMiss("dupont", workplace: workplace, at: date)
    let figures = try database.supervisionFigures(period: Self.march, by: .commandLine)
    #expect(
      figures.unmet == [
        UnmetCount(outcome: .noBooking, reason: .noSlot, count: 2),
        UnmetCount(outcome: .noAnswer, reason: .outOfScope, count: 1),
      ])
    #expect(figures.searchMisses == [UnmetSearch(query: "pilote de drone", count: 3)])
  }

  @Test func correctionsAndDeletionsKeepTheRollupsExact() throws {
    let (database, workplace) = try Fixtures.database()
    let territory = try #require(try database.territories().first?.id)
    let other = try database.workplace(siteName: "Mission locale Vienne", deskName: "Accueil")
    var first = try database.save(
      Self.visit(workplace, at: 9, requests: [.training, .vae]), by: .commandLine)
    let second = try database.save(Self.visit(other, at: 10), by: .commandLine)
    _ = try database.save(
      Self.visit(workplace, on: Self.march12.adding(days: 30), at: 9), by: .commandLine)
    try Self.expectRollupsExact(database)
    first.publicCategory = .senior
    first.territoryID = territory
    first.requestKinds = [.cpf]
    first.arrivedAt = first.arrivedAt.addingTimeInterval(-40 * 86_400)
    first.startedAt = first.arrivedAt.addingTimeInterval(120)
    first.closedAt = first.arrivedAt.addingTimeInterval(600)
    first = try database.save(first, by: .commandLine)
    try Self.expectRollupsExact(database)
    try database.writer.write { db in
      try db.execute(sql: "DELETE FROM visit WHERE id = ?", arguments: [second.id!])
    }
    try Self.expectRollupsExact(database)
    let march = try database.supervisionFigures(period: Self.march, by: .commandLine)
    #expect(march.visits == 0)
    let february = try database.supervisionFigures(
      period: SupervisionPeriod(.month, containing: LocalDate(year: 2024, month: 2, day: 1)!),
      by: .commandLine)
    #expect(february.visits == 1)
    #expect(february.breakdowns[.requestKind] == [CodeCount(code: "cpf", count: 1)])
    #expect(february.wait.minutes.counts == [2: 1])
  }

  @Test func wholeMonthsFromTheRollupAgreeWithDirectCounts() throws {
    let (database, workplace) = try Fixtures.database()
    for offset in stride(from: -20, through: 50, by: 3) {
      _ = try database.save(
        Self.visit(
          workplace, on: Self.march12.adding(days: offset), at: 8 + (offset + 20) % 9,
          wait: Double((offset + 20) % 7), public: offset % 2 == 0 ? .employee : .senior,
          outcome: offset % 5 == 0 ? .noAnswer : .information,
          reason: offset % 5 == 0 ? .other : nil), by: .commandLine)
    }
    let range = SupervisionPeriod(
      from: LocalDate(year: 2024, month: 2, day: 20)!, to: LocalDate(year: 2024, month: 4, day: 30)!
    )
    let viaRollup = try database.supervisionFigures(period: range, by: .commandLine)
    // A filter the rollup cannot answer, matching every visit, forces the direct count.
    let direct = try database.supervisionFigures(
      period: range, filter: SupervisionFilter([.ageBand: AgeBand.from26to44.rawValue]),
      by: .commandLine)
    #expect(viaRollup.visits == direct.visits)
    #expect(
      viaRollup.lines().filter { $0.indicator != .visits || $0.group != "Tranche d'âge" }
        == direct.lines().filter { $0.indicator != .visits || $0.group != "Tranche d'âge" })
  }
}

/// Supervisors see aggregates only: no statement run for the indicators touches the contact table.
@Suite struct SupervisionAnonymityTests {
  @Test func indicatorQueriesNeverReadContacts() throws {
    let setup = try BookingSetup.make()
    _ = try setup.book(try setup.slot(BookingSetup.monday.adding(days: 1), 9))
    final class Statements: @unchecked Sendable { var sql: [String] = [] }
    let statements = Statements()
    let database = try AppDatabase.inMemory()
    try setup.database.writer.backup(to: database.writer)
    database.writer.writeWithoutTransaction { db in
      db.trace { statements.sql.append($0.expandedDescription) }
    }
    let figures = try database.supervisionFigures(
      period: SupervisionContinuityTests.june, by: .commandLine)
    #expect(figures.funnel.booked == 1)
    #expect(!statements.sql.isEmpty)
    #expect(statements.sql.allSatisfy { !$0.lowercased().contains("contact") })
  }
}
