import Foundation
import Testing

/// The kill -9 drill through the real binary: 50 rounds of three visit writers killed at random moments,
/// each round checked (integrity_check, every acknowledged write present), plus a short key fuzz.
@Suite struct FaultSuiteTests {
  struct Figures: Decodable {
    var roundsKilled: Int
    var writersKilled: Int
    var acknowledgedWritesChecked: Int
    var writesLost: Int
    var integrityFailures: Int
    var keyEventsFuzzed: Int
    var invariantViolations: Int
    var crashes: Int
  }

  @Test func fiftyKilledRoundsLoseNoAcknowledgedVisit() throws {
    let folder = try GuichetRun.temporaryFolder("faults")
    defer { try? FileManager.default.removeItem(at: folder) }
    let runner = GuichetRun(
      folder: folder, environment: ["GUICHET_FAULT_ROUNDS": "50", "GUICHET_FAULT_KEYS": "4000"])
    let outcome = try runner.run(["bench", "--only", "faults"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let figures = try decoder.decode(Figures.self, from: Data(outcome.stdout.utf8))
    #expect(figures.roundsKilled == 50)
    #expect(figures.writersKilled == 150)
    #expect(figures.acknowledgedWritesChecked > 100, "the kills should land during writes")
    #expect(figures.writesLost == 0)
    #expect(figures.integrityFailures == 0)
    #expect(figures.keyEventsFuzzed == 4000)
    #expect(figures.invariantViolations == 0)
    #expect(figures.crashes == 0)
  }
}
