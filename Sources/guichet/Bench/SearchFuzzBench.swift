import Foundation
import GuichetStore

/// The search-input part of the `faults` figures: `SearchFuzzer` over the bundled reference data, with the
/// desk queries of `guichet bench search` among the words it cuts prefixes from. `GUICHET_FAULT_SEARCHES`
/// shortens the run (the end-to-end test does).
enum SearchFuzzBench {
  static func figures(folder: URL) throws -> (seconds: Double, extra: [String: BenchValue]) {
    let generated =
      ProcessInfo.processInfo.environment["GUICHET_FAULT_SEARCHES"].flatMap(Int.init) ?? 1_000_000
    let database = try AppDatabase.open(
      path: folder.appendingPathComponent("search-fuzz.sqlite").path, bundledReference: true)
    var fuzz = SearchFuzzer.Figures()
    let seconds =
      try Clock.measure {
        fuzz = try SearchFuzzer.run(
          generated: generated, seed: 20_261_131, in: database, extraWords: SearchQueries.all)
      } / 1000
    return (
      seconds,
      [
        "search_fuzz_seconds": .number(seconds),
        "search_queries_fuzzed": .number(Double(fuzz.queries)),
        "search_fixed_queries": .number(Double(SearchFuzzer.fixedQueries.count)),
        "search_queries_with_hits": .number(Double(fuzz.queriesWithHits)),
        "search_longest_query_scalars": .number(Double(fuzz.longestQuery)),
        "search_errors": .number(Double(fuzz.errors)),
        "search_first_error": .text(fuzz.firstErrors.first ?? ""),
        "search_p50_ms": .number(Percentile.of(fuzz.milliseconds, 0.50)),
        "search_p99_ms": .number(Percentile.of(fuzz.milliseconds, 0.99)),
        "search_max_ms": .number(fuzz.maxMilliseconds),
        "search_cpu_p99_ms": .number(Percentile.of(fuzz.cpuMilliseconds, 0.99)),
        "search_cpu_max_ms": .number(fuzz.cpuMilliseconds.max() ?? 0),
        "search_queries_over_100ms": .number(Double(fuzz.slowQueries)),
        "search_wall_spikes_over_100ms": .number(Double(fuzz.wallSpikes)),
        "search_costliest_query": .text("\(fuzz.costliest.family) \(fuzz.costliest.query)"),
      ]
    )
  }
}
