import Foundation
import Testing

/// The kill -9 drill through the real binary: 50 rounds of three visit writers killed at random moments,
/// each round checked (integrity_check, every acknowledged write present), plus a short key fuzz.
@Suite struct FaultSuiteTests {
  struct Figures: Decodable {
    var rounds_killed: Int
    var writers_killed: Int
    var acknowledged_writes_checked: Int
    var writes_lost: Int
    var integrity_failures: Int
    var key_events_fuzzed: Int
    var invariant_violations: Int
    var crashes: Int
  }

  @Test func fiftyKilledRoundsLoseNoAcknowledgedVisit() throws {
    let folder = try GuichetRun.temporaryFolder("faults")
    defer { try? FileManager.default.removeItem(at: folder) }
    let runner = GuichetRun(
      folder: folder, environment: ["GUICHET_FAULT_ROUNDS": "50", "GUICHET_FAULT_KEYS": "4000"])
    let outcome = try runner.run(["bench", "--only", "faults"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let figures = try JSONDecoder().decode(Figures.self, from: Data(outcome.stdout.utf8))
    #expect(figures.rounds_killed == 50)
    #expect(figures.writers_killed == 150)
    #expect(figures.acknowledged_writes_checked > 100, "the kills should land during writes")
    #expect(figures.writes_lost == 0)
    #expect(figures.integrity_failures == 0)
    #expect(figures.key_events_fuzzed == 4000)
    #expect(figures.invariant_violations == 0)
    #expect(figures.crashes == 0)
  }
}
