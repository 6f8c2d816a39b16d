import Foundation
import GuichetCore
import GuichetStore
import GuichetUI

/// What the information screens need from the store: search, fiches, BMO, structures, and the anonymous
/// record of what was consulted.
struct InformationServices: Sendable {
  var search: @Sendable (String) throws -> ReferenceResults
  var occupation: @Sendable (String, Int64?) throws -> OccupationFiche?
  var certification: @Sendable (String) throws -> CertificationFiche?
  var labourNeeds: @Sendable (Int64) throws -> LabourNeeds?
  var structures: @Sendable (Int64?) throws -> StructureDirectory
  var recordConsultations: @Sendable (Int64, [Consultation], Date) throws -> Void
  var recordSearchMiss: @Sendable (String, Date) throws -> Void

  static func live(_ database: AppDatabase, workplace: Workplace, session: SessionCaller)
    -> InformationServices
  {
    InformationServices(
      search: { try database.referenceResults($0, limit: 8) },
      occupation: { try database.occupationFiche(code: $0, territoryID: $1) },
      certification: { try database.certificationFiche(code: $0) },
      labourNeeds: { try database.labourNeeds(territoryID: $0) },
      structures: { try database.structureDirectory(territoryID: $0) },
      recordConsultations: {
        try database.recordConsultations($1, visitID: $0, by: session.current(), at: $2)
      },
      recordSearchMiss: { try database.recordSearchMiss($0, workplace: workplace, at: $1) })
  }

  /// For services built without a database: every lookup answers with an error, nothing is recorded.
  static let unavailable: InformationServices = {
    let error = UserError("Données de référence indisponibles.")
    return InformationServices(
      search: { _ in throw error }, occupation: { _, _ in throw error },
      certification: { _ in throw error }, labourNeeds: { _ in throw error },
      structures: { _ in throw error }, recordConsultations: { _, _, _ in },
      recordSearchMiss: { _, _ in })
  }()
}

extension EffectInterpreter {
  func runInformation(_ effect: Effect, context: AppContext) -> [AppAction] {
    let information = services.information
    switch effect {
    case .searchReference(let query):
      return attempt { .referenceFound(try information.search(query)) }
    case .loadOccupation(let code, let territoryID):
      return attempt {
        .occupationLoaded(code: code, try information.occupation(code, territoryID))
      }
    case .loadCertification(let code):
      return attempt { .certificationLoaded(code: code, try information.certification(code)) }
    case .loadLabourNeeds(let id):
      return attempt { .labourNeedsLoaded(territoryID: id, try information.labourNeeds(id)) }
    case .loadStructures(let id):
      return attempt { .structuresLoaded(try information.structures(id)) }
    case .recordConsultations(let visitID, let consultations):
      return attemptSilently { try information.recordConsultations(visitID, consultations, now()) }
    case .recordSearchMiss(let query):
      return attemptSilently { try information.recordSearchMiss(query, now()) }
    default:
      return []
    }
  }

  /// Records that the agent need not hear about unless they fail.
  func attemptSilently(_ body: () throws -> Void) -> [AppAction] {
    do {
      try body()
      return []
    } catch {
      return [failure(error, "Enregistrement impossible")]
    }
  }
}
