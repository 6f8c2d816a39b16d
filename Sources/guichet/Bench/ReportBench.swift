import Foundation
import GuichetCore
import GuichetStore

#if canImport(Glibc)
  import Glibc
#endif

/// `report`: the supervision figures over 1M and 5M synthetic visits (10 years × 200 desks, written by
/// `guichet demo`): a day (the daily dashboard), a month, and a year with its Markdown bilan. The sizes can
/// be lowered for a quick run with GUICHET_BENCH_REPORT_VISITS (e.g. « 100000,500000 »).
enum ReportBench {
  static let targets: [String: Double] = [
    "report_day": 50, "report_month": 1_000, "report_year": 1_000,
  ]

  static let measure = BenchMeasure(name: "report") { _ in
    let sizes =
      ProcessInfo.processInfo.environment["GUICHET_BENCH_REPORT_VISITS"]?
      .split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
      ?? [1_000_000, 5_000_000]
    var results: [BenchResult] = []
    var yearByVisits: [Int: Double] = [:]
    for visits in sizes {
      let measured = try run(visits: visits)
      results += measured
      yearByVisits[visits] = measured.first { $0.name == "report_year" }?.p50
    }
    if let small = sizes.first, let large = sizes.last, small != large,
      let a = yearByVisits[small], let b = yearByVisits[large], a > 0
    {
      results.append(
        BenchResult(
          name: "report_year_growth", unit: "ratio", samples: [b / a],
          extra: ["from_visits": .number(Double(small)), "to_visits": .number(Double(large))]))
    }
    return results
  }

  static func run(visits: Int) throws -> [BenchResult] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-bench-report-\(getpid())-\(visits)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try AppDatabase.open(path: folder.appendingPathComponent("report.sqlite").path)
    let lastDay = LocalDate(year: 2025, month: 12, day: 31)!
    // About 2,960 opening days in ten years; the demo's day weights average 1.
    let perDay = max(1, visits / 2_960)
    var generation = 0.0
    var summary: DemoSummary?
    generation = try Clock.measure {
      summary = try database.loadDemo(
        DemoOptions(
          days: 3_652, perDay: perDay, seed: 42, lastDay: lastDay, sites: 20, desksPerSite: 10,
          now: LocalClock.startOfDay(lastDay)))
    }
    let written = summary?.visits ?? 0
    let size = Double(
      (try? FileManager.default.attributesOfItem(
        atPath: folder.appendingPathComponent("report.sqlite").path)[.size]
        as? Int) ?? 0)
    let day = LocalDate(year: 2025, month: 6, day: 17)!
    let cases: [(String, SupervisionPeriod, Int)] = [
      ("report_day", SupervisionPeriod(.day, containing: day), 30),
      ("report_month", SupervisionPeriod(.month, containing: day), 10),
      ("report_year", SupervisionPeriod(.year, containing: day), 5),
    ]
    var results: [BenchResult] = []
    for (name, period, rounds) in cases {
      var samples: [Double] = []
      var periodVisits = 0
      for _ in 0..<rounds {
        samples.append(
          try Clock.measure {
            let figures = try database.supervisionFigures(period: period, by: .commandLine)
            periodVisits = figures.visits
            // The annual bilan is the year's figures written as Markdown.
            if name == "report_year" { _ = SupervisionExport.markdown(figures, title: "Bilan") }
          })
      }
      results.append(
        BenchResult(
          name: name, unit: "ms", samples: samples,
          extra: [
            "visits_total": .number(Double(written)),
            "visits_in_period": .number(Double(periodVisits)),
            "desks": .number(200), "years": .number(10),
            "target_p50_ms": .number(targets[name] ?? 0),
            "generation_s": .number(generation / 1000), "database_mb": .number(size / 1_048_576),
          ]))
    }
    return results
  }
}
