import GuichetStore

/// `erasure_scenarios` of `guichet bench --only attacks`: the three erasure residues of issue 13 (a search
/// miss holding the name, a read held during the erasure, a backup restored after it), each tried on
/// temporary files by `ErasureScenarios` and grepped byte by byte (UTF-8, UTF-16LE, UTF-16BE).
enum ErasureAttacks {
  static func results() throws -> [BenchResult] {
    let outcomes = ErasureScenarios.runAll()
    let clean = outcomes.filter(\.clean)
    let firstProblem = outcomes.lazy.compactMap { outcome in
      (outcome.problems + outcome.residues).first.map { "\(outcome.name): \($0)" }
    }.first
    return [
      BenchResult(
        name: "erasure_scenarios", unit: "ms", samples: outcomes.map(\.milliseconds),
        extra: [
          "erasure_scenarios_tried": .number(Double(outcomes.count)),
          "erasure_scenarios_clean": .number(Double(clean.count)),
          "erasure_scenarios_failed": .text(
            outcomes.filter { !$0.clean }.map(\.name).joined(separator: ",")),
          "erasure_first_problem": .text(firstProblem ?? ""),
        ])
    ]
  }
}
