/// Why the agent booked with an operator that routing did not recommend first; a code, never free text.
public enum RoutingOverride: String, CodedValue {
  case personChoice = "person_choice"
  case alreadyFollowed = "already_followed"
  case closerOperator = "closer_operator"
  case noSlotRecommended = "no_slot_recommended"
  case agentJudgement = "agent_judgement"
  case other

  public var label: String {
    switch self {
    case .personChoice: "Choix de la personne"
    case .alreadyFollowed: "Déjà suivie par cette structure"
    case .closerOperator: "Structure plus proche ou plus accessible"
    case .noSlotRecommended: "Pas de créneau chez l'opérateur recommandé"
    case .agentJudgement: "Appréciation de l'agent"
    case .other: "Autre motif"
    }
  }
}
