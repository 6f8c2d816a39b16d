import Foundation
import GuichetCore
import GuichetUI
import Synchronization
import Testing

@testable import GuichetConsole

extension EffectRow {
  /// The home screen, the queue and the visit form; plus the effects the interpreter answers itself.
  static let desk: [EffectRow] = [
    EffectRow(.none, calls: [], answers: { _ in [] }),
    EffectRow(.navigate(.pop), calls: [], answers: { _ in [] }),
    EffectRow(.quit, calls: [], answers: { _ in [] }),
    // A batch runs piece by piece: on a read-only file its read still goes through, its write is refused.
    with(
      EffectRow(
        .batch([.loadCounters, .save(ConsoleFixture.data.visit(id: 42))]),
        calls: ["counters", "save"],
        answers: { [.countersLoaded(counters), .visitSaved($0.visit(id: 42))] },
        refused: { [.countersLoaded(counters), .failed($0)] }),
      readOnlyCalls: ["counters"]),
    EffectRow(.loadCounters, calls: ["counters"], answers: { _ in [.countersLoaded(counters)] }),
    EffectRow(
      .loadQueue, calls: ["openVisits"],
      answers: { [.queueLoaded([$0.waiting])] }),
    EffectRow(
      .markLeftUnseen(visitID: 900), calls: ["markLeftUnseen"],
      answers: { _ in [.queueLoaded([])] }, refused: { [.failed($0)] }),
    EffectRow(
      .loadTodayVisits, calls: ["todayVisits"],
      answers: { [.todayVisitsLoaded([$0.visit(id: 901)])] }),
    EffectRow(
      .registerArrival(.phone), calls: ["registerArrival"],
      answers: { data in
        [
          .arrivalRegistered(
            Visit(
              id: 1001, siteID: 1, deskID: 2, channel: .phone, arrivedAt: data.now,
              day: Day.number(of: data.now)))
        ]
      }, refused: { [.failed($0)] }),
    EffectRow(
      .save(ConsoleFixture.data.visit(id: 42)), calls: ["save"],
      answers: { [.visitSaved($0.visit(id: 42))] }, refused: { [.failed($0)] }),
    EffectRow(
      .startService(ConsoleFixture.data.visit(id: 42)), calls: ["takeVisitor"],
      answers: { [.serviceStarted($0.visit(id: 42))] }, refused: { [.failed($0)] }),
    EffectRow(
      .searchCommunes("cham"), calls: ["communes"],
      answers: { _ in [.communesFound(query: "cham", matches: [FakeData.commune])] }),
  ]

  static let counters = DeskDay(
    counters: DayCounters(desk: VisitCounts(closed: 3), site: VisitCounts(waiting: 1)),
    queue: [ConsoleFixture.data.waiting])

  static func with(_ row: EffectRow, readOnlyCalls: [String]) -> EffectRow {
    var row = row
    row.readOnlyCalls = readOnlyCalls
    return row
  }
}

@Suite struct DeskEffectTests {
  /// A visit never saved has no number to take: the queue must be reloaded, nothing is asked of the store.
  @Test func takingAVisitWithoutANumberAsksForAReload() {
    let fake = FakeServices(now: ConsoleFixture.now)
    var visit = fake.data.visit(id: 42)
    visit.id = nil
    let actions = ConsoleFixture.interpreter(.fake(fake)).run(
      .startService(visit), context: ConsoleFixture.context)
    #expect(actions == [.failed(UserError("Visite sans numéro : rechargez la file."))])
    #expect(fake.calls.isEmpty)
  }

  /// A waiting person not yet started is taken at the interpreter's clock.
  @Test func aVisitorIsTakenAtTheConsoleClock() {
    var services = Services.fake(FakeServices(now: ConsoleFixture.now))
    let taken = Mutex<[Date]>([])
    services.takeVisitor = { id, at in
      taken.withLock { $0.append(at) }
      return Visit(
        id: id, siteID: 1, deskID: 2, arrivedAt: at, startedAt: at, day: Day.number(of: at))
    }
    var waiting = ConsoleFixture.data.visit(id: 42)
    waiting.startedAt = nil
    _ = ConsoleFixture.interpreter(services).run(
      .startService(waiting), context: ConsoleFixture.context)
    #expect(taken.withLock { $0 } == [ConsoleFixture.now])
  }
}
