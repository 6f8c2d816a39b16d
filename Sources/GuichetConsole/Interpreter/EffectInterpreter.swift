import Foundation
import GuichetCore
import GuichetUI

/// Carries out the effects screens ask for and turns each result into the action that reports it.
public struct EffectInterpreter {
  public var services: Services
  public var now: () -> Date

  public init(services: Services, now: @escaping () -> Date = Date.init) {
    self.services = services
    self.now = now
  }

  public func run(_ effect: Effect, context: AppContext) -> [AppAction] {
    if let reason = context.readOnly, let refused = Self.refusal(of: effect, reason) {
      return refused
    }
    switch effect {
    case .none, .navigate, .quit:
      return []
    case .batch(let effects):
      return effects.flatMap { run($0, context: context) }
    case .loadCounters:
      return attempt { .countersLoaded(try services.counters(context.today)) }
    case .loadQueue:
      return attempt { .queueLoaded(try services.openVisits()) }
    case .markLeftUnseen(let id):
      return attempt { .queueLoaded(try services.markLeftUnseen(id, now())) }
    case .loadTodayVisits:
      return attempt { .todayVisitsLoaded(try services.todayVisits(context.today)) }
    case .registerArrival(let channel):
      return attempt { .arrivalRegistered(try services.registerArrival(channel, now())) }
    case .save(let visit):
      return attempt { .visitSaved(try services.save(visit)) }
    case .startService(let visit):
      return attempt {
        guard let id = visit.id else { throw UserError("Visite sans numéro : rechargez la file.") }
        return .serviceStarted(try services.takeVisitor(id, visit.startedAt ?? now()))
      }
    case .searchCommunes(let query):
      return attempt { .communesFound(query: query, matches: try services.communes(query)) }
    case .searchReference, .loadOccupation, .loadCertification, .loadLabourNeeds, .loadStructures,
      .recordConsultations, .recordSearchMiss:
      return runInformation(effect, context: context)
    case .agenda(let request): return runAgenda(request)
    case .booking(let booking): return runBooking(booking, context: context)
    case .appointment(let request): return runAppointment(request)
    case .admin(let request): return runAdmin(request)
    case .supervision(let request): return runSupervision(request)
    case .session(let request): return runSession(request)
    case .accounts(let request): return runAccounts(request)
    case .request(let request): return [request.run(services.clients, now: now())]
    }
  }

  func attempt(_ body: () throws -> AppAction) -> [AppAction] {
    do {
      return [try body()]
    } catch {
      return [failure(error)]
    }
  }

  /// A feature whose screens show their own errors gets the generic failures of `actions` as `report` says.
  func reported(_ actions: [AppAction], _ report: (UserError) -> AppAction) -> [AppAction] {
    actions.map {
      if case .failed(let error) = $0 { return report(error) }
      return $0
    }
  }

  /// Every error of an effect becomes an action here, through `AppAction.failure` (a refusal of the
  /// signed-in account ends the session whatever screen asked); an error that is not a French `UserError`
  /// reads « `action` : erreur inattendue. ».
  func failure(
    _ error: any Error, _ action: String = "Opération impossible",
    _ report: (UserError) -> AppAction = AppAction.failed
  ) -> AppAction {
    AppAction.failure(
      error as? UserError ?? UserError("\(action) : erreur inattendue."), report: report)
  }
}
