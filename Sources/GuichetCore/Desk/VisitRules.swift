/// Why a visit cannot be closed yet, in words an agent understands.
public enum VisitValidationError: Error, Equatable, Sendable {
  case noRequestKind
  case noOutcome
  case missingReason
  case reasonWithoutNeed

  public var message: String {
    switch self {
    case .noRequestKind: "Indiquez au moins une demande."
    case .noOutcome: "Indiquez la réponse apportée."
    case .missingReason: "Indiquez le motif : aucune réponse ou aucun rendez-vous."
    case .reasonWithoutNeed: "Un motif n'est attendu que sans réponse ou sans rendez-vous."
    }
  }
}

extension Visit {
  /// Rules a visit must meet before it is closed; the store checks them again before writing.
  public func validateForClosing() throws(VisitValidationError) {
    if requestKinds.isEmpty { throw .noRequestKind }
    guard let outcome else { throw .noOutcome }
    if outcome.needsReason && reason == nil { throw .missingReason }
    if !outcome.needsReason && reason != nil { throw .reasonWithoutNeed }
  }
}
