import Foundation
import Testing

@testable import GuichetCore

@Suite struct VisitRulesTests {
  let arrival = Date(timeIntervalSince1970: 1_796_030_100)

  func visit(
    requests: [RequestKind] = [.training], outcome: Outcome? = .information,
    reason: NoAnswerReason? = nil
  )
    -> Visit
  {
    Visit(
      siteID: 1, deskID: 1, arrivedAt: arrival, requestKinds: requests, outcome: outcome,
      reason: reason, day: 20_261_130)
  }

  @Test func completeVisitIsValid() throws {
    try visit().validateForClosing()
    try visit(outcome: .noBooking, reason: .noSlot).validateForClosing()
  }

  @Test func eachMissingPieceHasItsOwnMessage() {
    #expect(throws: VisitValidationError.noRequestKind) {
      try visit(requests: []).validateForClosing()
    }
    #expect(throws: VisitValidationError.noOutcome) { try visit(outcome: nil).validateForClosing() }
    #expect(throws: VisitValidationError.missingReason) {
      try visit(outcome: .noAnswer).validateForClosing()
    }
    #expect(throws: VisitValidationError.reasonWithoutNeed) {
      try visit(outcome: .information, reason: .other).validateForClosing()
    }
    #expect(VisitValidationError.noRequestKind.message == "Indiquez au moins une demande.")
  }

  @Test func statusFollowsTheTimestamps() {
    var v = visit()
    #expect(v.status == .waiting)
    v.startedAt = arrival.addingTimeInterval(300)
    #expect(v.status == .inService)
    v.closedAt = arrival.addingTimeInterval(900)
    #expect(v.status == .closed)
  }

  @Test func waitingTimeStopsWhenServiceStarts() {
    var v = visit()
    #expect(v.waitingTime(now: arrival.addingTimeInterval(120)) == 120)
    v.startedAt = arrival.addingTimeInterval(300)
    #expect(v.waitingTime(now: arrival.addingTimeInterval(3_600)) == 300)
    #expect(v.waitingTime(now: arrival.addingTimeInterval(-50)) == 300)
  }

  @Test func onlyNoAnswerAndNoBookingNeedAReason() {
    #expect(Outcome.allCases.filter(\.needsReason) == [.noBooking, .noAnswer])
  }

  @Test func vocabulariesHaveUniqueCodesAndFrenchLabels() {
    func check<V: CodedValue>(_ type: V.Type) {
      let codes = V.allCases.map(\.rawValue)
      #expect(Set(codes).count == codes.count)
      #expect(V.allCases.allSatisfy { !$0.label.isEmpty && $0.label != $0.rawValue })
    }
    check(Channel.self)
    check(PublicCategory.self)
    check(AgeBand.self)
    check(RequestKind.self)
    check(Outcome.self)
    check(NoAnswerReason.self)
  }
}
