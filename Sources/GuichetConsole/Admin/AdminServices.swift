import Foundation
import GuichetCore
import GuichetStore
import GuichetUI

/// What the administration screens need from the store: the same functions `guichet operators` uses, so
/// the console and the shell check and write the same way (each write one transaction).
struct AdminServices: Sendable {
  var structures: @Sendable () throws -> [OperatorStructure]
  var advisors: @Sendable (Int64) throws -> [Advisor]
  var availability: @Sendable (Int64, Date) throws -> ([OpeningRule], [Absence])
  var routing: @Sendable () throws -> [RoutingRule]
  /// Carries out one write and says in French what was done.
  var write: @Sendable (AdminWrite, Date) throws -> String

  /// Every write acts as the signed-in account, which the store checks against `Permission`.
  static func live(_ database: AppDatabase, session: SessionCaller) -> AdminServices {
    AdminServices(
      structures: { try database.operatorStructures(includeInactive: true) },
      advisors: { try database.advisors(structureID: $0, includeInactive: true) },
      availability: { advisorID, now in
        (
          try database.openingRules(advisorID: advisorID),
          try database.absences(advisorID: advisorID, from: now)
        )
      },
      routing: { try database.routingRules() },
      write: { write, now in
        try perform(write, on: database, by: session.current(), now: now)
      })
  }

  static func perform(_ write: AdminWrite, on database: AppDatabase, by caller: Caller, now: Date)
    throws -> String
  {
    switch write {
    case .structure(let structure):
      let saved = try database.saveOperatorStructure(structure, by: caller)
      if structure.id == nil { return "Structure ajoutée : \(saved.name)." }
      return saved.isActive
        ? "Structure enregistrée : \(saved.name)."
        : "Structure désactivée : \(saved.name) ne reçoit plus de rendez-vous."
    case .advisor(let advisor):
      let saved = try database.saveAdvisor(advisor, by: caller)
      return "Conseiller ajouté : \(saved.displayName). Ajoutez ses plages d'ouverture (Entrée)."
    case .removeAdvisor(let advisor):
      try database.removeAdvisor(id: advisor.id ?? 0, by: caller, now: now)
      return "Conseiller retiré : \(advisor.displayName)."
    case .openingRule(let rule):
      _ = try database.saveOpeningRule(rule, by: caller)
      return rule.id == nil ? "Plage d'ouverture ajoutée." : "Plage d'ouverture modifiée."
    case .deleteOpeningRule(let rule):
      try database.deleteOpeningRule(id: rule.id ?? 0, by: caller)
      return "Plage d'ouverture supprimée."
    case .absence(let absence):
      _ = try database.saveAbsence(absence, by: caller)
      return "Absence enregistrée (\(absence.reason.label.lowercased()))."
    case .deleteAbsence(let absence):
      try database.deleteAbsence(id: absence.id ?? 0, by: caller)
      return "Absence supprimée."
    case .routingRule(let rule):
      _ = try database.saveRoutingRule(rule, by: caller)
      if rule.id == nil { return "Règle d'aiguillage ajoutée." }
      return rule.isActive ? "Règle d'aiguillage enregistrée." : "Règle d'aiguillage désactivée."
    }
  }

  static let unavailable: AdminServices = {
    let error = UserError("Administration indisponible.")
    return AdminServices(
      structures: { throw error }, advisors: { _ in throw error },
      availability: { _, _ in throw error }, routing: { throw error },
      write: { _, _ in throw error })
  }()
}

extension EffectInterpreter {
  func runAdmin(_ request: AdminRequest) -> [AppAction] {
    let admin = services.admin
    let actions: [AppAction]
    switch request {
    case .loadStructures:
      actions = attempt { .admin(.structuresLoaded(try admin.structures())) }
    case .loadAdvisors(let id):
      actions = attempt { .admin(.advisorsLoaded(structureID: id, try admin.advisors(id))) }
    case .loadAvailability(let id):
      actions = attempt {
        let (rules, absences) = try admin.availability(id, now())
        return .admin(.availabilityLoaded(advisorID: id, rules, absences))
      }
    case .loadRouting:
      actions = attempt { .admin(.routingLoaded(try admin.routing())) }
    case .write(let write):
      actions = attempt { .admin(.written(write, message: try admin.write(write, now()))) }
    }
    return reported(actions) { .admin(.failed($0)) }
  }
}
