import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// The funnel, the delay to appointment and no-shows, on the booking fixture (visit on Monday 1 June 2026).
@Suite struct SupervisionContinuityTests {
  static let june = SupervisionPeriod(.month, containing: BookingSetup.monday)

  @Test func theFunnelFollowsVisitsToSeenAppointments() throws {
    let setup = try BookingSetup.make()
    let workplace = setup.workplace
    // A plain information visit, and one that declined consent.
    _ = try setup.database.save(
      SupervisionStoreTests.visit(workplace, on: BookingSetup.monday, at: 9), by: .commandLine)
    _ = try setup.database.save(
      SupervisionStoreTests.visit(
        workplace, on: BookingSetup.monday, at: 10, outcome: .noBooking, reason: .consentDeclined),
      by: .commandLine)
    let appointment = try setup.book(try setup.slot(BookingSetup.monday.adding(days: 1), 9))
    var figures = try setup.database.supervisionFigures(period: Self.june, by: .commandLine)
    #expect(figures.funnel.visits == 3)
    #expect(figures.funnel.referred == 2)
    #expect(figures.funnel.consented == 1)
    #expect(figures.funnel.booked == 1)
    #expect(figures.funnel.seen == 0)
    _ = try setup.database.recordAttendance(
      reference: appointment.reference, as: .seen,
      by: .commandLine, now: BookingSetup.now.addingTimeInterval(3 * 86_400))
    figures = try setup.database.supervisionFigures(period: Self.june, by: .commandLine)
    #expect(figures.funnel.seen == 1)
    #expect(figures.noShow.seen == 1)
    #expect(figures.noShow.noShow == 0)
    #expect(figures.delay.days.counts == [1: 1])
    #expect(figures.delay.withinTarget == 1)
  }

  @Test func aRescheduledAppointmentCountsOnceAtItsNewDelay() throws {
    let setup = try BookingSetup.make()
    let appointment = try setup.book(try setup.slot(BookingSetup.monday.adding(days: 2), 9))
    _ = try setup.database.reschedule(
      reference: appointment.reference,
      to: try setup.slot(BookingSetup.monday.adding(days: 21), 10),
      by: .commandLine, now: BookingSetup.now)
    let figures = try setup.database.supervisionFigures(period: Self.june, by: .commandLine)
    #expect(figures.delay.days.counts == [21: 1])
    #expect(figures.funnel.booked == 1)
    try setup.database.setTargetDelay(days: 15, territoryID: setup.territoryID, by: .commandLine)
    #expect(
      try setup.database.supervisionFigures(period: Self.june, by: .commandLine).delay.withinTarget
        == 0)
  }

  @Test func aCancelledAppointmentLeavesTheDelayButStaysBooked() throws {
    let setup = try BookingSetup.make()
    let cancelled = try setup.book(try setup.slot(BookingSetup.monday.adding(days: 3), 9))
    _ = try setup.database.cancel(
      reference: cancelled.reference, as: .excused, by: .commandLine, now: BookingSetup.now)
    var figures = try setup.database.supervisionFigures(period: Self.june, by: .commandLine)
    #expect(figures.funnel.booked == 1)
    #expect(figures.delay.days.total == 0)
    #expect(figures.noShow.recorded == 0)
    // Booked again later: the live appointment gives the delay.
    let again = try setup.book(try setup.slot(BookingSetup.monday.adding(days: 8), 11))
    _ = try setup.database.recordAttendance(
      reference: again.reference, as: .noShow, by: .commandLine,
      now: BookingSetup.now.addingTimeInterval(10 * 86_400)
    )
    figures = try setup.database.supervisionFigures(period: Self.june, by: .commandLine)
    #expect(figures.funnel.booked == 1)
    #expect(figures.delay.days.counts == [8: 1])
    #expect(figures.noShow.noShow == 1)
    #expect(figures.lines().first { $0.indicator == .noShow && $0.group == "Taux" }?.value == 100)
    try SupervisionStoreTests.expectRollupsExact(setup.database)
  }

  @Test func visitsOfAnotherPeriodOrFilterAreLeftOut() throws {
    let setup = try BookingSetup.make()
    _ = try setup.book(try setup.slot(BookingSetup.monday.adding(days: 1), 9))
    let may = SupervisionPeriod(.month, containing: LocalDate(year: 2026, month: 5, day: 1)!)
    #expect(try setup.database.supervisionFigures(period: may, by: .commandLine).funnel.booked == 0)
    let seniors = try setup.database.supervisionFigures(
      period: Self.june, filter: SupervisionFilter([.publicCategory: "senior"]), by: .commandLine)
    #expect(seniors.funnel == Funnel())
    let synthetic = try setup.database.supervisionFigures(
      period: Self.june, filter: SupervisionFilter(synthetic: .only), by: .commandLine)
    #expect(synthetic.funnel.booked == 0)
  }
}
