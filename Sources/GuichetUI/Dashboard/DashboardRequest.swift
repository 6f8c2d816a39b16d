import GuichetCore

/// The dashboard's work for the runtime: load the figures of a period and filter.
public enum SupervisionRequest: Equatable, Sendable {
  case load(SupervisionPeriod, SupervisionFilter)
  /// The optional 1–5 score of a visit just closed.
  case recordSatisfaction(visitID: Int64, score: Int)
}

/// Answers to `SupervisionRequest`.
public enum SupervisionEvent: Equatable, Sendable {
  case loaded(SupervisionFigures)
  case satisfactionRecorded(score: Int)
}

/// The dashboard panels, one per indicator family: Tab moves between them, F1 explains the focused one.
public enum DashboardPanel: Int, CaseIterable, Sendable {
  case volumes, funnel, delay, noShow, wait, satisfaction, unmet, consulted

  public var title: String {
    switch self {
    case .volumes: "Volumes"
    case .funnel: "Continuité"
    case .delay: "Délai"
    case .noShow: "Absences"
    case .wait: "Attente"
    case .satisfaction: "Satisfaction"
    case .unmet: "Sans réponse"
    case .consulted: "Consultés"
    }
  }

  /// The indicators whose definitions F1 shows for this panel.
  public var indicators: [Indicator] {
    switch self {
    case .volumes: [.visits, .dailyVolume]
    case .funnel: [.funnel]
    case .delay: [.appointmentDelay]
    case .noShow: [.noShow]
    case .wait: [.deskWait]
    case .satisfaction: [.satisfaction]
    case .unmet: [.unmetDemand, .searchMisses]
    case .consulted: [.topConsulted]
    }
  }
}
