/// The scheme's indicators, each with the one definition shown by F1 on the dashboard, printed in the annual
/// report and implied by the store query of the same name (GuichetStore/Supervision).
public enum Indicator: String, CaseIterable, Codable, Sendable {
  case visits
  case dailyVolume = "daily_volume"
  case funnel
  case appointmentDelay = "appointment_delay"
  case noShow = "no_show"
  case deskWait = "desk_wait"
  case satisfaction
  case unmetDemand = "unmet_demand"
  case searchMisses = "search_misses"
  case topConsulted = "top_consulted"

  public var label: String {
    switch self {
    case .visits: "Visites"
    case .dailyVolume: "Visites par jour"
    case .funnel: "Continuité 1er → 2e niveau"
    case .appointmentDelay: "Délai de rendez-vous"
    case .noShow: "Absences aux rendez-vous"
    case .deskWait: "Attente au guichet"
    case .satisfaction: "Satisfaction"
    case .unmetDemand: "Demandes sans réponse"
    case .searchMisses: "Recherches sans résultat"
    case .topConsulted: "Métiers et certifications consultés"
    }
  }

  public var definition: String {
    switch self {
    case .visits:
      "Nombre de visites (accueils de 1er niveau) dont l'arrivée tombe dans la période, jour calendaire de Paris, qu'elles soient clôturées ou non. Une visite qui se prolonge après minuit compte le jour de l'arrivée. Ventilées par site, poste, territoire, canal, public, tranche d'âge, réponse et heure d'arrivée ; par demande, une visite à plusieurs demandes compte dans chacune (la somme dépasse alors le total)."
    case .dailyVolume:
      "Nombre de visites arrivées chaque jour de la période (même définition que « Visites »)."
    case .funnel:
      "Sur les visites de la période : orientées = réponse « orientation », « rendez-vous pris » ou « pas de rendez-vous », ou un consentement recueilli ; consentement = au moins un consentement donné (même retiré depuis) ; rendez-vous = au moins un rendez-vous réservé (même annulé ou déplacé depuis) ; reçues = au moins un rendez-vous marqué « reçu »."
    case .appointmentDelay:
      "Pour chaque visite de la période ayant un rendez-vous non annulé : jours calendaires entre le jour de la visite et le premier de ses rendez-vous non annulés (un rendez-vous déplacé compte à sa nouvelle date, une seule fois). Médiane et 9e décile au rang le plus proche ; part des visites servies en 15, 30 et 45 jours au plus, et dans le délai cible du territoire de la visite (fixé dans la base, 30 jours sans territoire)."
    case .noShow:
      "Rendez-vous issus des visites de la période dont le résultat est saisi : absents ÷ (reçus + absents). Les rendez-vous annulés (excusés ou annulés par le service) et ceux encore à venir ou non renseignés n'entrent pas dans le calcul."
    case .deskWait:
      "Visites sur place de la période prises en charge : minutes entières entre l'arrivée et la prise en charge. Médiane et 9e décile au rang le plus proche ; part des attentes supérieures à l'attente annoncée du site (fixée dans la base, 15 minutes par défaut). Les personnes parties sans être reçues (retirées de la file à la main, ou au changement de jour) n'ont pas d'attente : elles sont comptées à part."
    case .satisfaction:
      "Note facultative de 1 à 5 proposée à la clôture de la visite. Taux de réponse = visites notées ÷ visites clôturées de la période ; moyenne et répartition des notes données."
    case .unmetDemand:
      "Visites de la période clôturées sans réponse possible ou sans rendez-vous, par motif codé (consentement refusé, aucun créneau, hors champ…)."
    case .searchMisses:
      "Recherches de métiers, certifications ou structures qui n'ont rien trouvé, réduites à quelques mots sans chiffre, comptées par site et par jour (sans lien avec une visite) ; seules celles vues au moins 3 fois apparaissent. Les filtres autres que site et poste ne s'y appliquent pas."
    case .topConsulted:
      "Fiches métiers (codes ROME) et certifications (RNCP) consultées pendant les visites de la période, comptées en visites : une fiche vue deux fois dans la même visite compte une fois."
    }
  }

  public var source: String {
    switch self {
    case .visits, .dailyVolume:
      "Table visit (jour d'arrivée, site, poste, territoire, canal, public, tranche d'âge, réponse, heure) et visit_request ; cumuls mensuels visit_month_stat tenus exacts par déclencheurs."
    case .funnel: "Tables visit, consent et appointment."
    case .appointmentDelay:
      "Table appointment (delay_days, statut) et territory (target_delay_days)."
    case .noShow: "Table appointment (statut saisi par le conseiller)."
    case .deskWait:
      "Table visit (arrived_at, started_at → wait_seconds) et site (announced_wait_minutes)."
    case .satisfaction: "Table visit (satisfaction)."
    case .unmetDemand: "Table visit (outcome, reason)."
    case .searchMisses: "Table search_miss."
    case .topConsulted: "Table visit_consultation, libellés ROME 4.0 et RNCP importés."
    }
  }
}

/// How a figure reads.
public enum IndicatorUnit: String, Codable, Sendable {
  case people, visits, appointments, days, minutes, percent, score

  public var label: String {
    switch self {
    case .people: "personnes"
    case .visits: "visites"
    case .appointments: "rendez-vous"
    case .days: "jours"
    case .minutes: "minutes"
    case .percent: "%"
    case .score: "note sur 5"
    }
  }
}
