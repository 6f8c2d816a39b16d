import GuichetCore
import GuichetUI

extension EffectInterpreter {
  /// In read-only mode, what a write answers instead of reaching the store: the reason and what to do,
  /// so the form stays on screen with its message. Consultation notes are dropped silently; reads pass (nil), and
  /// a batch is checked piece by piece as `run` goes through it.
  static func refusal(of effect: Effect, _ reason: ReadOnlyReason) -> [AppAction]? {
    let error = UserError(reason.message)
    switch effect {
    case .registerArrival, .save, .startService, .markLeftUnseen, .agenda(.mark),
      .supervision(.recordSatisfaction):
      return [.failed(error)]
    case .session(.createFirstAdministrator):
      return [.session(.refused(error))]
    case .recordConsultations, .recordSearchMiss:
      return []
    case .booking(.prepare), .booking(.recordOutcome), .booking(.recordConsent), .booking(.book):
      return [.booking(.failed(error))]
    case .appointment(.cancel), .appointment(.withdrawConsent), .appointment(.reschedule):
      return [.appointment(.failed(error))]
    case .admin(.write):
      return [.admin(.failed(error))]
    case .accounts(.write):
      return [.accounts(.failed(error))]
    case .request(let request) where request.writes:
      return [request.refused(error)]
    default:
      return nil
    }
  }
}
