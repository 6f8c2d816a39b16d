import Foundation
import GuichetCore
import Testing

@testable import GuichetStore

@Suite struct CounterTests {
  @Test func countsDeskAndSiteForTheDayWithTheMedianWait() throws {
    let (database, workplace) = try Fixtures.database()
    let colleague = try database.workplace(siteName: workplace.siteName, deskName: "Poste 2")
    // Desk: one waiting, one in service (waited 4 min), one closed (waited 10 min).
    _ = try database.registerArrival(
      workplace, channel: .walkIn, by: .commandLine, at: Fixtures.minutes(30))
    var inService = try database.registerArrival(
      workplace, channel: .walkIn, by: .commandLine, at: Fixtures.minutes(0))
    inService.startedAt = Fixtures.minutes(4)
    _ = try database.save(inService, by: .commandLine)
    var closed = Fixtures.closable(workplace)
    closed.startedAt = Fixtures.minutes(10)
    _ = try database.save(closed, by: .commandLine)
    // Colleague: closed after a 1 min wait, plus one waiting.
    var quick = Fixtures.closable(colleague)
    quick.startedAt = Fixtures.minutes(1)
    _ = try database.save(quick, by: .commandLine)
    _ = try database.registerArrival(
      colleague, channel: .phone, by: .commandLine, at: Fixtures.minutes(40))
    // Another day does not count.
    _ = try database.registerArrival(
      workplace, channel: .walkIn, by: .commandLine, at: Fixtures.minutes(24 * 60))

    let counters = try database.counters(for: workplace, day: Fixtures.day)
    #expect(counters.desk == VisitCounts(waiting: 1, inService: 1, closed: 1))
    #expect(counters.site == VisitCounts(waiting: 2, inService: 1, closed: 2))
    #expect(counters.medianWaitSeconds == 240)
  }

  @Test func anEmptyDayHasNoMedian() throws {
    let (database, workplace) = try Fixtures.database()
    let counters = try database.counters(for: workplace, day: Fixtures.day)
    #expect(counters == DayCounters())
  }

  @Test func medianOfAnEvenCountIsTheMeanOfTheMiddleValues() {
    #expect(AppDatabase.median([60, 10, 40, 20]) == 30)
    #expect(AppDatabase.median([7]) == 7)
    #expect(AppDatabase.median([]) == nil)
  }
}
