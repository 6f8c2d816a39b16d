import Foundation
import GuichetConsole
import GuichetUI

/// The robustness figures of issue 7: kill -9 rounds on writers of visits and bookings, random key
/// events through the reducer and renderer, and generated search queries (`SearchFuzzBench`).
/// `GUICHET_FAULT_ROUNDS`, `GUICHET_FAULT_KEYS` and `GUICHET_FAULT_SEARCHES` shorten the run (the
/// end-to-end test does).
enum FaultsBench {
  static let measure = BenchMeasure(name: "faults") { settings in
    let environment = ProcessInfo.processInfo.environment
    let rounds = environment["GUICHET_FAULT_ROUNDS"].flatMap(Int.init) ?? 50
    let keys = environment["GUICHET_FAULT_KEYS"].flatMap(Int.init) ?? 1_000_000
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-faults-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var drill = KillDrill.Figures()
    let drillSeconds =
      try Clock.measure { drill = try KillDrill.run(rounds: rounds, writers: 3, folder: folder) }
      / 1000
    var fuzz = KeyFuzzer.Figures()
    let fuzzSeconds =
      Clock.measure { fuzz = KeyFuzzer.run(events: keys, checkEvery: 16, seed: 20_261_130) } / 1000
    let (imports, importSeconds) = try ImportFuzzBench.run(settings)
    let search = try SearchFuzzBench.figures(folder: folder)
    return [
      BenchResult(
        name: "faults", unit: "s",
        samples: [drillSeconds + fuzzSeconds + importSeconds + search.seconds],
        extra: search.extra.merging([
          "drill_seconds": .number(drillSeconds), "fuzz_seconds": .number(fuzzSeconds),
          "rounds_killed": .number(Double(drill.rounds)),
          "writers_killed": .number(Double(drill.killed)),
          "acknowledged_writes_checked": .number(Double(drill.acknowledged)),
          "acknowledged_visit_writes": .number(Double(drill.acknowledgedVisits)),
          "acknowledged_bookings": .number(Double(drill.acknowledgedBookings)),
          "writes_lost": .number(Double(drill.lost)),
          "visit_writes_lost": .number(Double(drill.lostVisits)),
          "bookings_lost": .number(Double(drill.lostBookings)),
          "double_bookings": .number(Double(drill.doubleBookings)),
          "orphan_contacts": .number(Double(drill.orphanContacts)),
          "booking_contacts_lost": .number(Double(drill.lostContacts)),
          "integrity_failures": .number(Double(drill.integrityFailures)),
          "key_events_fuzzed": .number(Double(fuzz.events)),
          "frames_rendered": .number(Double(fuzz.renders)),
          "invariant_violations": .number(Double(fuzz.violations)),
          "screens_fuzzed": .number(Double(fuzz.screens.count)),
          "first_violation": .text(fuzz.firstViolations.first ?? ""),
          "crashes": .number(Double(drill.crashes)),
          "import_fuzz_seconds": .number(importSeconds),
          "import_mutants_tried": .number(Double(imports.tried)),
          "import_mutants_rejected_with_line": .number(Double(imports.rejectedWithLine)),
          "import_database_changed": .number(Double(imports.databaseChanged)),
        ]) { $1 })
    ]
  }
}
