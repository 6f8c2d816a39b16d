import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

@Suite struct VisitStoreTests {
  @Test func roundTripKeepsEveryFieldAndRequestKind() throws {
    let (database, workplace) = try Fixtures.database()
    let territory = try #require(database.territories().first)
    var visit = Fixtures.closable(workplace)
    visit.territoryID = territory.id
    visit.requestKinds = [.vae, .training, .businessCreation, .training]
    let saved = try database.save(visit, by: .commandLine)
    let id = try #require(saved.id)
    var expected = visit
    expected.id = id
    expected.requestKinds = [.training, .vae, .businessCreation]
    expected.ticket = 1
    #expect(saved == expected)
    #expect(try database.visit(id: id) == expected)
    #expect(try Fixtures.count(database, "visit_request") == 3)
  }

  @Test func registerArrivalCreatesAWaitingVisit() throws {
    let (database, workplace) = try Fixtures.database()
    let visit = try database.registerArrival(
      workplace, channel: .phone, by: .commandLine, at: Fixtures.morning)
    #expect(visit.id != nil)
    #expect(visit.status == .waiting)
    #expect(visit.channel == .phone)
    #expect(visit.day == Fixtures.day)
    #expect(
      visit.publicCategory == .notSaid && visit.ageBand == .notSaid && visit.territoryID == nil)
  }

  @Test func updateThenCloseRewritesRequestKinds() throws {
    let (database, workplace) = try Fixtures.database()
    var visit = try database.registerArrival(
      workplace, channel: .walkIn, by: .commandLine, at: Fixtures.morning)
    visit.startedAt = Fixtures.minutes(3)
    visit.requestKinds = [.jobSearch, .apprenticeship]
    visit = try database.save(visit, by: .commandLine)
    #expect(visit.status == .inService)
    visit.requestKinds = [.careerChange]
    visit.outcome = .noBooking
    visit.reason = .noSlot
    visit.closedAt = Fixtures.minutes(15)
    let closed = try database.save(visit, by: .commandLine)
    #expect(closed.status == .closed)
    #expect(closed.requestKinds == [.careerChange])
    #expect(closed.reason == .noSlot)
    #expect(try database.visit(id: #require(visit.id)) == closed)
    #expect(try Fixtures.count(database, "visit") == 1)
    #expect(try Fixtures.count(database, "visit_request") == 1)
  }

  @Test func dayAndMonthFollowTheParisArrivalDate() throws {
    let (database, workplace) = try Fixtures.database()
    // 23:30 UTC on 12 March is 00:30 on 13 March in Paris.
    let lateEvening = Date(timeIntervalSince1970: 1_710_286_200)
    var visit = Visit(
      siteID: workplace.siteID, deskID: workplace.deskID, arrivedAt: lateEvening, day: 0)
    visit = try database.save(visit, by: .commandLine)
    #expect(visit.day == 20_240_313)
    let month = try database.writer.read { try Int.fetchOne($0, sql: "SELECT month FROM visit") }
    #expect(month == 202_403)
  }

  @Test(arguments: [
    (
      RequestKind?.none, Outcome?.some(.information), NoAnswerReason?.none,
      VisitValidationError.noRequestKind
    ),
    (RequestKind?.some(.cpf), Outcome?.none, NoAnswerReason?.none, VisitValidationError.noOutcome),
    (
      RequestKind?.some(.cpf), Outcome?.some(.noAnswer), NoAnswerReason?.none,
      VisitValidationError.missingReason
    ),
    (
      RequestKind?.some(.cpf), Outcome?.some(.information), NoAnswerReason?.some(.noSlot),
      VisitValidationError.reasonWithoutNeed
    ),
  ])
  func closingAnIncompleteVisitIsRejectedAndWritesNothing(
    kind: RequestKind?, outcome: Outcome?, reason: NoAnswerReason?, error: VisitValidationError
  ) throws {
    let (database, workplace) = try Fixtures.database()
    var visit = Fixtures.closable(workplace)
    visit.requestKinds = kind.map { [$0] } ?? []
    visit.outcome = outcome
    visit.reason = reason
    #expect(throws: UserError(error.message)) { try database.save(visit, by: .commandLine) }
    #expect(try Fixtures.count(database, "visit") == 0)
    #expect(try Fixtures.count(database, "visit_request") == 0)

    // An existing open visit stays as it was.
    var open = visit
    open.closedAt = nil
    open.outcome = nil
    open.reason = nil
    open.requestKinds = [.training]
    let stored = try database.save(open, by: .commandLine)
    var attempt = visit
    attempt.id = stored.id
    #expect(throws: UserError(error.message)) { try database.save(attempt, by: .commandLine) }
    #expect(try database.visit(id: #require(stored.id)) == stored)
  }

  @Test func closingWithoutRequestKindShowsTheFrenchMessage() throws {
    let (database, workplace) = try Fixtures.database()
    var visit = Fixtures.closable(workplace)
    visit.requestKinds = []
    #expect(throws: UserError("Indiquez au moins une demande.")) {
      try database.save(visit, by: .commandLine)
    }
  }

  @Test func sqlRefusesAReasonOnAnInformationOutcome() throws {
    let (database, workplace) = try Fixtures.database()
    let error = #expect(throws: DatabaseError.self) {
      try database.writer.write { db in
        try db.execute(
          sql: """
            INSERT INTO visit (site_id, desk_id, channel, arrived_at, public_category, age_band,
                               outcome, reason, day, month)
            VALUES (?, ?, 'walk_in', '2024-03-12 08:00:00.000', 'not_said', 'not_said',
                    'information', 'no_slot', 20240312, 202403)
            """, arguments: [workplace.siteID, workplace.deskID])
      }
    }
    #expect(error?.resultCode == .SQLITE_CONSTRAINT)
    #expect(try Fixtures.count(database, "visit") == 0)
  }

  @Test func sqlRefusesAClosedVisitWithoutOutcomeOrNeededReason() throws {
    let (database, workplace) = try Fixtures.database()
    for (outcome, reason) in [("NULL", "NULL"), ("'no_booking'", "NULL")] {
      #expect(throws: DatabaseError.self) {
        try database.writer.write { db in
          try db.execute(
            sql: """
              INSERT INTO visit (site_id, desk_id, channel, arrived_at, closed_at, public_category,
                                 age_band, outcome, reason, day, month)
              VALUES (?, ?, 'walk_in', '2024-03-12 08:00:00.000', '2024-03-12 08:10:00.000',
                      'not_said', 'not_said', \(outcome), \(reason), 20240312, 202403)
              """, arguments: [workplace.siteID, workplace.deskID])
        }
      }
    }
    #expect(try Fixtures.count(database, "visit") == 0)
  }

  @Test func aDeskOfAnotherSiteIsRefused() throws {
    let (database, workplace) = try Fixtures.database()
    let elsewhere = try database.workplace(siteName: "PIJ Annecy", deskName: "Poste 1")
    var visit = Fixtures.closable(workplace)
    visit.deskID = elsewhere.deskID
    #expect(throws: UserError.self) { try database.save(visit, by: .commandLine) }
    #expect(try Fixtures.count(database, "visit") == 0)
  }

  @Test func timesOutOfOrderAreRefusedInFrench() throws {
    let (database, workplace) = try Fixtures.database()
    var visit = Fixtures.closable(workplace)
    visit.startedAt = Fixtures.minutes(-1)
    #expect(throws: UserError("L'heure de prise en charge précède l'heure d'arrivée.")) {
      try database.save(visit, by: .commandLine)
    }
  }

  @Test func updatingAMissingVisitIsAUserError() throws {
    let (database, workplace) = try Fixtures.database()
    var visit = Fixtures.closable(workplace)
    visit.id = 4242
    #expect(throws: UserError.self) { try database.save(visit, by: .commandLine) }
    #expect(try Fixtures.count(database, "visit") == 0)
  }

  @Test func listsTheDeskDayAndTheSiteQueueInArrivalOrder() throws {
    let (database, workplace) = try Fixtures.database()
    let colleague = try database.workplace(siteName: workplace.siteName, deskName: "Poste 2")
    let elsewhere = try database.workplace(siteName: "PIJ Annecy", deskName: "Poste 1")
    let yesterday = Fixtures.minutes(-24 * 60)
    let forgotten = try database.registerArrival(
      workplace, channel: .walkIn, by: .commandLine, at: yesterday)
    let second = try database.registerArrival(
      colleague, channel: .walkIn, by: .commandLine, at: Fixtures.minutes(10))
    let first = try database.registerArrival(
      workplace, channel: .phone, by: .commandLine, at: Fixtures.minutes(2))
    _ = try database.registerArrival(
      elsewhere, channel: .walkIn, by: .commandLine, at: Fixtures.minutes(1))
    var done = Fixtures.closable(workplace)
    done.arrivedAt = Fixtures.minutes(1)
    done = try database.save(done, by: .commandLine)

    #expect(
      try database.visits(deskID: workplace.deskID, day: Fixtures.day).map(\.id) == [
        done.id, first.id,
      ])
    #expect(
      try database.openVisits(siteID: workplace.siteID).map(\.id) == [
        forgotten.id, first.id, second.id,
      ])
  }
}
