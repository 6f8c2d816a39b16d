import ArgumentParser
import Foundation

struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract:
      "Mesure les performances et affiche un objet JSON par ligne et par mesure (name, unit, p50, p99, n).",
    discussion:
      "Les objectifs sont indicatifs : la commande rapporte ce qu'elle mesure, même hors objectif.")

  @Option(
    name: .long, parsing: .upToNextOption,
    help: ArgumentHelp(
      "Mesures à lancer (par défaut toutes) : \(BenchSuite.names.joined(separator: ", ")).",
      valueName: "nom"), completion: .list(BenchSuite.names))
  var only: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Dossier des données de référence publiées (mesure import_all).", valueName: "dossier"))
  var data: String = "../shared/data"

  /// JSON lines are the only output; the flag is accepted because scripts and the issues spell it out.
  @Flag(name: .long, help: "Sortie JSON, une ligne par mesure (le format par défaut).")
  var json = false

  func run() throws {
    let unknown = only.filter { !BenchSuite.names.contains($0) }
    guard unknown.isEmpty else {
      throw ValidationError(
        "Mesure inconnue : \(unknown.joined(separator: ", ")). Mesures : \(BenchSuite.names.joined(separator: ", "))."
      )
    }
    let settings = BenchSettings(dataFolder: URL(fileURLWithPath: data))
    for measure in BenchSuite.all where only.isEmpty || only.contains(measure.name) {
      for result in try measure.run(settings) {
        // One line per measure as soon as it is known, so a long run shows progress.
        try StandardOutput.line(result.json)
      }
    }
  }
}

struct BenchSettings: Sendable {
  var dataFolder: URL
}

/// One named benchmark; it may print several results (sizes, references, ratios).
struct BenchMeasure: Sendable {
  var name: String
  var run: @Sendable (BenchSettings) throws -> [BenchResult]
}

/// Every benchmark, in the order they run. Add a measure here, defined in its own file.
enum BenchSuite {
  static let all: [BenchMeasure] = [
    FrameBench.measure, ColdStartBench.measure, SearchBench.measure, ImportBench.measure,
    FaultsBench.measure, BookingBench.measure, NextAvailabilityBench.measure,
    ReportBench.measure, AttacksBench.measure,
  ]
  static var names: [String] { all.map(\.name) }
}

/// One JSON line: name, unit, p50, p99, n, plus the sizes and references that explain the figure.
struct BenchResult {
  var name: String
  var unit: String
  var p50: Double
  var p99: Double
  var n: Int
  var extra: [String: BenchValue] = [:]

  init(name: String, unit: String, samples: [Double], extra: [String: BenchValue] = [:]) {
    self.name = name
    self.unit = unit
    self.p50 = Percentile.of(samples, 0.50)
    self.p99 = Percentile.of(samples, 0.99)
    self.n = samples.count
    self.extra = extra
  }

  var json: String {
    var object: [String: Any] = [
      "name": name, "unit": unit, "p50": rounded(p50), "p99": rounded(p99), "n": n,
    ]
    for (key, value) in extra {
      switch value {
      case .number(let number): object[key] = rounded(number)
      case .text(let text): object[key] = text
      case .flag(let flag): object[key] = flag
      }
    }
    let data =
      (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

enum BenchValue {
  case number(Double)
  case text(String)
  case flag(Bool)
}

enum Percentile {
  /// Nearest-rank percentile of unsorted samples.
  static func of(_ samples: [Double], _ fraction: Double) -> Double {
    guard !samples.isEmpty else { return 0 }
    let sorted = samples.sorted()
    let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(0, rank), sorted.count - 1)]
  }
}

/// Monotonic time in milliseconds, for measuring intervals.
enum Clock {
  static func milliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
  }

  static func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = milliseconds()
    try body()
    return milliseconds() - start
  }
}
