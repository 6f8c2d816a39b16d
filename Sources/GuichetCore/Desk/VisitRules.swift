/// Why a visit cannot be closed yet, in words an agent understands.
public enum VisitValidationError: Error, Equatable, Sendable {
  case noRequestKind
  case noOutcome
  case missingReason
  case reasonWithoutNeed
  case leftUnseenButReceived

  public var message: String {
    switch self {
    case .noRequestKind: "Indiquez au moins une demande."
    case .noOutcome: "Indiquez la réponse apportée."
    case .missingReason: "Indiquez le motif : aucune réponse ou aucun rendez-vous."
    case .reasonWithoutNeed: "Un motif n'est attendu que sans réponse ou sans rendez-vous."
    case .leftUnseenButReceived:
      "Une personne prise en charge n'est pas « parti sans être reçu » : choisissez la réponse apportée."
    }
  }
}

extension Visit {
  /// Rules a visit must meet before it is closed; the store checks them again before writing.
  public func validateForClosing() throws(VisitValidationError) {
    // Nobody asked anything of a person who left unseen: no request kind is expected then.
    if requestKinds.isEmpty && outcome != .leftUnseen { throw .noRequestKind }
    guard let outcome else { throw .noOutcome }
    if outcome == .leftUnseen && startedAt != nil { throw .leftUnseenButReceived }
    if outcome.needsReason && reason == nil { throw .missingReason }
    if !outcome.needsReason && reason != nil { throw .reasonWithoutNeed }
  }
}
