import Foundation
import GuichetStore

/// Figures of `guichet bench --only attacks` for the audit trail: every variant of `AuditTamper` run for
/// real on its own temporary file (trail written by the store, witnessed, attacked with raw SQL, verified
/// against the witness). `p50`/`p99` are the milliseconds one variant takes, preparation included.
enum AuditTamperAttacks {
  static func results() throws -> [BenchResult] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-audit-tamper-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var samples: [Double] = []
    var outcomes: [AuditTamperTrial.Outcome] = []
    for variant in AuditTamper.allCases {
      var outcome: AuditTamperTrial.Outcome?
      samples.append(try Clock.measure { outcome = try AuditTamperTrial.run(variant, in: folder) })
      if let outcome { outcomes.append(outcome) }
    }
    let undetected = outcomes.filter { !$0.held }.map(\.variant.rawValue)
    return [
      BenchResult(
        name: "audit_tamper", unit: "ms", samples: samples,
        extra: [
          "audit_tamper_variants_tried": .number(Double(outcomes.count)),
          "audit_tamper_variants_detected_or_blocked": .number(
            Double(outcomes.filter(\.held).count)),
          "audit_tamper_variants_blocked": .number(Double(outcomes.filter(\.blocked).count)),
          "audit_tamper_variants_detected": .number(
            Double(outcomes.filter { !$0.blocked && $0.problem != nil }.count)),
          "audit_tamper_undetected": .text(undetected.joined(separator: ",")),
        ])
    ]
  }
}
