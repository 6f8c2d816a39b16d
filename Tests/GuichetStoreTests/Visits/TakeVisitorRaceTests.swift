import Foundation
import GuichetCore
import Testing

@testable import GuichetStore

/// Two desks press Entrée on the same waiting person at the same moment, each through its own connection
/// to the shared file: exactly one takes them, the other is told which desk did, and the winner's coding is
/// never overwritten (before, both desks opened the visit and the second save replaced the first's coding).
@Suite struct TakeVisitorRaceTests {
  enum Take: Sendable {
    case taken(Visit)
    case refused(String)
  }

  @Test func exactlyOneDeskTakesAWaitingPersonEveryTime() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-take-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("take.sqlite").path
    let first = try AppDatabase.open(path: path, bundledReference: false)
    let second = try AppDatabase.open(path: path, bundledReference: false)
    let desks = [
      try first.workplace(siteName: "CIO Vienne", deskName: "Poste 1"),
      try second.workplace(siteName: "CIO Vienne", deskName: "Poste 2"),
    ]
    let stores = [first, second]
    let rounds = 60
    var winners = [0, 0]
    for round in 0..<rounds {
      let arrival = try first.registerArrival(
        desks[0], channel: .walkIn, by: .commandLine,
        at: Date(timeIntervalSince1970: 1_780_293_600 + Double(round) * 60))
      let id = try #require(arrival.id)
      let results = Results()
      let start = DispatchSemaphore(value: 0)
      let group = DispatchGroup()
      for desk in 0..<2 {
        DispatchQueue.global().async(group: group) {
          start.wait()
          do {
            let visit = try stores[desk].takeVisitor(
              visitID: id, deskID: desks[desk].deskID, at: arrival.arrivedAt.addingTimeInterval(30),
              by: .commandLine)
            results.set(desk, .taken(visit))
          } catch let error as UserError {
            results.set(desk, .refused(error.message))
          } catch {
            results.set(desk, .refused("unexpected \(error)"))
          }
        }
      }
      start.signal()
      start.signal()
      group.wait()
      let outcomes = results.all
      let taken = outcomes.indices.filter {
        if case .taken = outcomes[$0] { return true } else { return false }
      }
      try #require(taken.count == 1, "round \(round): \(outcomes)")
      let winner = taken[0]
      let loser = 1 - winner
      winners[winner] += 1
      guard case .refused(let message) = outcomes[loser] else { return }
      #expect(message == "Déjà pris en charge au Poste \(winner + 1).", "round \(round)")

      // The winner codes the visit; the loser trying again is still refused and changes nothing.
      guard case .taken(var visit) = outcomes[winner] else { return }
      #expect(visit.deskID == desks[winner].deskID && visit.startedAt != nil)
      visit.requestKinds = [.jobInformation]
      visit.publicCategory = .jobSeeker
      _ = try stores[winner].save(visit, by: .commandLine)
      #expect(throws: UserError.self) {
        try stores[loser].takeVisitor(
          visitID: id, deskID: desks[loser].deskID, at: arrival.arrivedAt.addingTimeInterval(90),
          by: .commandLine)
      }
      let stored = try #require(try first.visit(id: id))
      #expect(stored.deskID == desks[winner].deskID)
      #expect(stored.requestKinds == [.jobInformation])
      #expect(stored.publicCategory == .jobSeeker)
      #expect(stored.startedAt == visit.startedAt)
    }
    #expect(winners.reduce(0, +) == rounds)
  }

  @Test func theSameDeskTakingAgainGetsTheSameVisitAndOtherDesksAreTold() throws {
    let database = try AppDatabase.inMemory()
    let desk = try database.workplace(siteName: "CIO Vienne", deskName: "Accueil")
    let other = try database.workplace(siteName: "CIO Vienne", deskName: "Guichet B")
    let arrival = try database.registerArrival(
      desk, channel: .walkIn, by: .commandLine, at: Date(timeIntervalSince1970: 1_780_293_600))
    let id = try #require(arrival.id)
    let taken = try database.takeVisitor(
      visitID: id, deskID: desk.deskID, at: arrival.arrivedAt.addingTimeInterval(60),
      by: .commandLine)
    let again = try database.takeVisitor(
      visitID: id, deskID: desk.deskID, at: arrival.arrivedAt.addingTimeInterval(120),
      by: .commandLine)
    #expect(again == taken, "a repeated key opens the same form, with the first start time")
    #expect(throws: UserError("Déjà pris en charge au poste « Accueil ».")) {
      try database.takeVisitor(
        visitID: id, deskID: other.deskID, at: arrival.arrivedAt, by: .commandLine)
    }
    // The start can never precede the arrival, whatever the desk's clock says.
    let early = try database.registerArrival(
      desk, channel: .walkIn, by: .commandLine, at: Date(timeIntervalSince1970: 1_780_297_200))
    let started = try database.takeVisitor(
      visitID: try #require(early.id), deskID: desk.deskID,
      at: early.arrivedAt.addingTimeInterval(-600), by: .commandLine)
    #expect(started.startedAt == early.arrivedAt)
    #expect(throws: UserError.self) {
      try database.takeVisitor(visitID: 999_999, deskID: desk.deskID, at: .now, by: .commandLine)
    }
  }
}

/// Each desk thread writes only its own slot; the lock makes the hand-over to the test thread safe.
final class Results: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [TakeVisitorRaceTests.Take?] = [nil, nil]

  func set(_ index: Int, _ value: TakeVisitorRaceTests.Take) {
    lock.withLock { values[index] = value }
  }

  var all: [TakeVisitorRaceTests.Take] { lock.withLock { values.compactMap { $0 } } }
}
