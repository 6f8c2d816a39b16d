import Foundation
import GuichetStore
import Testing

/// The kill -9 drill through the real binary: 50 rounds of three writers of visits and bookings killed at
/// random moments, racing for the same slots; each round checked (integrity_check, every acknowledged visit
/// and booking present with its contact, no slot booked twice, no contact without an appointment), plus a short key fuzz over every screen and a short search
/// fuzz.
@Suite struct FaultSuiteTests {
  struct Figures: Decodable {
    var roundsKilled: Int
    var writersKilled: Int
    var acknowledgedWritesChecked: Int
    var acknowledgedVisitWrites: Int
    var acknowledgedBookings: Int
    var writesLost: Int
    var doubleBookings: Int
    var orphanContacts: Int
    var bookingContactsLost: Int
    var integrityFailures: Int
    var keyEventsFuzzed: Int
    var invariantViolations: Int
    var screensFuzzed: Int
    var crashes: Int
    var searchQueriesFuzzed: Int
    var searchErrors: Int
  }

  @Test func fiftyKilledRoundsLoseNoAcknowledgedVisitOrBookingAndBookNoSlotTwice() throws {
    let folder = try GuichetRun.temporaryFolder("faults")
    defer { try? FileManager.default.removeItem(at: folder) }
    let runner = GuichetRun(
      folder: folder,
      environment: [
        "GUICHET_FAULT_ROUNDS": "50", "GUICHET_FAULT_KEYS": "4000",
        "GUICHET_FAULT_IMPORT_FUZZ": "0", "GUICHET_FAULT_SEARCHES": "3000",
      ])
    let outcome = try runner.run(["bench", "--only", "faults"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let figures = try decoder.decode(Figures.self, from: Data(outcome.stdout.utf8))
    #expect(figures.roundsKilled == 50)
    #expect(figures.writersKilled == 150)
    #expect(figures.acknowledgedVisitWrites > 0, "the kills should land during writes")
    #expect(figures.acknowledgedBookings > 0, "the kills should land during bookings")
    #expect(
      figures.acknowledgedWritesChecked
        == figures.acknowledgedVisitWrites + figures.acknowledgedBookings)
    #expect(figures.writesLost == 0)
    #expect(figures.doubleBookings == 0)
    #expect(figures.orphanContacts == 0, "a contact with no appointment survived a kill")
    #expect(figures.bookingContactsLost == 0)
    #expect(figures.integrityFailures == 0)
    #expect(figures.keyEventsFuzzed == 4000)
    #expect(figures.invariantViolations == 0)
    #expect(figures.screensFuzzed >= 5)
    #expect(figures.crashes == 0)
    #expect(figures.searchQueriesFuzzed == SearchFuzzer.fixedQueries.count + 3000)
    #expect(figures.searchErrors == 0)
  }
}
