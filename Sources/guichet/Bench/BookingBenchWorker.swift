import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

#if canImport(Glibc)
  import Glibc
#endif

/// Hidden `guichet bench-booking-worker`: one desk process of the `booking` bench. It opens the shared file,
/// waits for the common start, tries `--tries` slots of the list from `--offset` (wrapping), and prints
/// « OK <microseconds> » per acknowledged booking, then « TAKEN <n> » and « FAILED <n> » (busy timeouts). Only references and times, no personal data.
struct BookingBenchWorkerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-booking-worker", abstract: "Processus de mesure (guichet bench).",
    shouldDisplay: false)

  @Option var database: String
  @Option var slots: String
  @Option var visit: Int64
  @Option var consent: Int64
  @Option var start: Double
  @Option var offset: Int
  @Option var tries: Int

  func run() throws {
    let list = try SlotListFile.read(slots)
    guard !list.isEmpty else { throw ExitCode.failure }
    let store = try AppDatabase.open(path: database)
    let wait = start - Date().timeIntervalSince1970
    if wait > 0 { usleep(useconds_t(wait * 1_000_000)) }
    var lines = ["BEGAN \(Date().timeIntervalSince1970)"]
    var taken = 0
    var failed = 0
    for step in 0..<min(tries, list.count) {
      let slot = list[(offset + step) % list.count]
      let began = Clock.milliseconds()
      do {
        _ = try store.book(
          reference: .generate(), slot: slot, visitID: visit, consentID: consent, by: .commandLine)
        lines.append("OK \(Int((Clock.milliseconds() - began) * 1000))")
      } catch is SlotTakenError {
        taken += 1
      } catch is UserError {
        // « base occupée » after the busy timeout: counted, the desk goes on with the next slot.
        failed += 1
      }
    }
    lines.append("ENDED \(Date().timeIntervalSince1970)")
    lines.append("TAKEN \(taken)")
    lines.append("FAILED \(failed)")
    try StandardOutput.line(lines.joined(separator: "\n"))
  }
}
