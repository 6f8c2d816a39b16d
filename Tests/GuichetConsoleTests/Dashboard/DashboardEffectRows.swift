import Foundation
import GuichetCore
import GuichetUI

@testable import GuichetConsole

extension EffectRow {
  static let period = SupervisionPeriod(
    .week, containing: LocalDate(year: 2026, month: 11, day: 30)!)

  /// The dashboard's figures, and the satisfaction score a visitor gives (a write).
  static let dashboard: [EffectRow] = [
    EffectRow(
      .supervision(.load(period, SupervisionFilter())), calls: ["supervision.figures"],
      answers: {
        [.supervision(.loaded($0.figures(period, SupervisionFilter(), synthetic: false)))]
      }),
    EffectRow(
      .supervision(.recordSatisfaction(visitID: 42, score: 4)),
      calls: ["supervision.recordSatisfaction"],
      answers: { _ in [.supervision(.satisfactionRecorded(score: 4))] },
      refused: { [.failed($0)] }),
  ]
}
