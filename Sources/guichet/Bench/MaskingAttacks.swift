import Foundation
import GuichetStore

#if canImport(Glibc)
  import Glibc
#endif

/// `masking`: the secrecy attack of `MaskingAttack` on a demonstration year written to a temporary file: how
/// many cells every report masks, how many of them subtraction finds back (0 is the requirement), and how many
/// it would find with the primary rule alone (for reference).
enum MaskingAttacks {
  static func results() throws -> [BenchResult] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-bench-masking-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try MaskingAttack.demoYear(
      at: folder.appendingPathComponent("masking.sqlite").path)
    let reports = try MaskingAttack.reports(database, year: 2025)
    var protected = MaskingAttack.Outcome()
    let milliseconds = try Clock.measure { protected = try MaskingAttack.run(reports) }
    let primaryOnly = try MaskingAttack.run(reports, secondary: false)
    return [
      BenchResult(
        name: "masking", unit: "ms", samples: [milliseconds],
        extra: [
          "reports": .number(Double(protected.reports)),
          "small_cells": .number(Double(protected.smallCells)),
          "masked_cells": .number(Double(protected.maskedCells)),
          "masked_cells_recoverable": .number(Double(protected.recovered.count)),
          "masked_cells_without_secondary": .number(Double(primaryOnly.maskedCells)),
          "masked_cells_recoverable_without_secondary": .number(
            Double(primaryOnly.recovered.count)),
        ])
    ]
  }
}
