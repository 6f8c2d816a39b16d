/// A network of second-level operators (opérateurs CEP and partners) an agent can refer a person to.
public enum OperatorKind: String, CodedValue {
  case franceTravail = "france_travail"
  case missionLocale = "mission_locale"
  case capEmploi = "cap_emploi"
  case apec
  case transitionsPro = "transitions_pro"
  case cio
  case regionAccredited = "region_accredited"
  case other

  public var label: String {
    switch self {
    case .franceTravail: "France Travail"
    case .missionLocale: "Mission locale"
    case .capEmploi: "Cap emploi"
    case .apec: "APEC"
    case .transitionsPro: "Transitions Pro"
    case .cio: "CIO"
    case .regionAccredited: "Opérateur habilité par la Région"
    case .other: "Autre structure"
    }
  }
}
