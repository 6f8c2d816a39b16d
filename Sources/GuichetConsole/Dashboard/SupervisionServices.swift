import Foundation
import GuichetCore
import GuichetStore
import GuichetUI

/// What the dashboard needs from the store: the figures of a period (aggregates only) and the satisfaction score.
struct SupervisionServices: Sendable {
  var figures: @Sendable (SupervisionPeriod, SupervisionFilter) throws -> SupervisionFigures
  var recordSatisfaction: @Sendable (Int64, Int) throws -> Void

  static func live(_ database: AppDatabase, session: SessionCaller) -> SupervisionServices {
    SupervisionServices(
      figures: { try database.supervisionFigures(period: $0, filter: $1, by: session.current()) },
      recordSatisfaction: {
        try database.recordSatisfaction($1, visitID: $0, by: session.current())
      })
  }

  static let unavailable: SupervisionServices = {
    let error = UserError("Tableau de bord indisponible.")
    return SupervisionServices(
      figures: { _, _ in throw error }, recordSatisfaction: { _, _ in throw error })
  }()
}

extension EffectInterpreter {
  func runSupervision(_ request: SupervisionRequest) -> [AppAction] {
    let supervision = services.supervision
    switch request {
    case .load(let period, let filter):
      return attempt { .supervision(.loaded(try supervision.figures(period, filter))) }
    case .recordSatisfaction(let visitID, let score):
      return attempt {
        try supervision.recordSatisfaction(visitID, score)
        return .supervision(.satisfactionRecorded(score: score))
      }
    }
  }
}
