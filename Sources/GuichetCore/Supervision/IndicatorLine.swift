/// One figure of one indicator, flat: what the exports and the annual report write, row by row, and what the
/// dashboard formats. Built once from `SupervisionFigures`, so every view shows the same numbers.
public struct IndicatorLine: Equatable, Sendable {
  public var indicator: Indicator
  /// The breakdown (« Total », « Public », « Jour »…).
  public var group: String
  public var item: String
  /// nil when it cannot be computed (nothing to count).
  public var value: Double?
  public var unit: IndicatorUnit
  /// The head counts the figure rests on: a count, or a rate's numerator and denominator.
  public var people: [Int]

  public init(
    _ indicator: Indicator, _ group: String, _ item: String, _ value: Double?,
    _ unit: IndicatorUnit, people: [Int]
  ) {
    self.indicator = indicator
    self.group = group
    self.item = item
    self.value = value
    self.unit = unit
    self.people = people
  }

  /// A count line: the value is its own head count.
  public static func count(
    _ indicator: Indicator, _ group: String, _ item: String, _ count: Int,
    unit: IndicatorUnit = .visits
  ) -> IndicatorLine {
    IndicatorLine(indicator, group, item, Double(count), unit, people: [count])
  }

  /// A rate in percent of `whole`, nil when `whole` is zero.
  public static func percent(
    _ indicator: Indicator, _ group: String, _ item: String, _ part: Int, of whole: Int
  ) -> IndicatorLine {
    IndicatorLine(
      indicator, group, item, whole == 0 ? nil : 100 * Double(part) / Double(whole), .percent,
      people: [part, whole])
  }

  /// True when the figure rests on 1 to 4 people: masked in exports, marked on screen.
  public var isSmall: Bool { people.contains { SmallCell.isSmall($0) } }

  /// The value with a dot (CSV, JSON), « » when not computable; rates and means to one decimal.
  public var plainValue: String {
    guard let value else { return "" }
    switch unit {
    case .percent, .score: return SupervisionFormat.decimal(value, separator: ".")
    default: return String(Int(value.rounded()))
    }
  }

  /// The value as a French reader expects it: « 42,5 % », « 12 j », « 8 min », « — » when not computable.
  public var frenchValue: String {
    guard let value else { return "—" }
    switch unit {
    case .percent: return SupervisionFormat.decimal(value, separator: ",") + " %"
    case .score: return SupervisionFormat.decimal(value, separator: ",") + " / 5"
    case .days: return "\(Int(value.rounded())) j"
    case .minutes: return "\(Int(value.rounded())) min"
    default: return String(Int(value.rounded()))
    }
  }
}

/// Statistical secrecy: a cell counting 1 to 4 people could single someone out. Zero reveals no one.
public enum SmallCell {
  public static let threshold = 5
  public static func isSmall(_ count: Int) -> Bool { count > 0 && count < threshold }
  /// What exports write instead of a small figure.
  public static let maskText = "< 5"
}

public enum SupervisionFormat {
  /// One decimal, rounded half up, with the given separator.
  public static func decimal(_ value: Double, separator: String) -> String {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    return "\(sign)\(abs(tenths) / 10)\(separator)\(abs(tenths) % 10)"
  }
}

extension SupervisionFigures {
  /// Every figure as flat lines, in the order of the annual report.
  public func lines() -> [IndicatorLine] {
    var lines: [IndicatorLine] = [
      .count(.visits, "Total", "Toutes les visites", visits),
      .count(.visits, "Total", "dont données de démonstration", syntheticVisits),
    ]
    for dimension in SupervisionDimension.allCases {
      for row in breakdown(dimension) {
        lines.append(.count(.visits, dimension.label, row.label, row.count))
      }
    }
    for day in daily {
      lines.append(.count(.dailyVolume, "Jour", day.code, day.count))
    }
    for step in funnel.steps {
      lines.append(.count(.funnel, "Effectif", step.label, step.count))
    }
    for step in funnel.steps.dropFirst() {
      lines.append(.percent(.funnel, "Part des visites", step.label, step.count, of: funnel.visits))
    }
    lines += delayLines() + waitLines()
    lines.append(.count(.noShow, "Effectif", "Reçus", noShow.seen, unit: .appointments))
    lines.append(.count(.noShow, "Effectif", "Absents", noShow.noShow, unit: .appointments))
    lines.append(
      .percent(.noShow, "Taux", "Absents ÷ (reçus + absents)", noShow.noShow, of: noShow.recorded))
    lines += satisfactionLines()
    for unmet in self.unmet {
      lines.append(
        .count(.unmetDemand, unmet.outcome.label, unmet.reason?.label ?? "Sans motif", unmet.count))
    }
    for miss in searchMisses {
      lines.append(.count(.searchMisses, "Recherche", miss.query, miss.count, unit: .people))
    }
    for code in consulted {
      let group = code.kind == .occupation ? "Métier (ROME)" : "Certification (RNCP)"
      lines.append(.count(.topConsulted, group, "\(code.code) \(code.title)", code.visits))
    }
    return lines
  }

  func delayLines() -> [IndicatorLine] {
    let n = delay.days.total
    var lines: [IndicatorLine] = [
      .count(.appointmentDelay, "Effectif", "Visites avec rendez-vous", n),
      IndicatorLine(
        .appointmentDelay, "Délai", "Médiane", delay.days.percentile(0.5).map(Double.init), .days,
        people: [n]),
      IndicatorLine(
        .appointmentDelay, "Délai", "9e décile", delay.days.percentile(0.9).map(Double.init),
        .days, people: [n]),
    ]
    for limit in [15, 30, 45] {
      lines.append(
        .percent(
          .appointmentDelay, "Part", "En \(limit) jours au plus",
          delay.days.count { $0 <= limit }, of: n))
    }
    lines.append(
      .percent(.appointmentDelay, "Part", "Dans le délai cible", delay.withinTarget, of: n))
    return lines
  }

  func waitLines() -> [IndicatorLine] {
    let n = wait.minutes.total
    return [
      .count(.deskWait, "Effectif", "Visites sur place prises en charge", n),
      IndicatorLine(
        .deskWait, "Attente", "Médiane", wait.minutes.percentile(0.5).map(Double.init), .minutes,
        people: [n]),
      IndicatorLine(
        .deskWait, "Attente", "9e décile", wait.minutes.percentile(0.9).map(Double.init), .minutes,
        people: [n]),
      .percent(.deskWait, "Part", "Au-delà de l'attente annoncée", wait.aboveAnnounced, of: n),
    ]
  }

  func satisfactionLines() -> [IndicatorLine] {
    let answered = satisfaction.scores.total
    var lines: [IndicatorLine] = [
      .count(.satisfaction, "Effectif", "Visites clôturées", satisfaction.closed),
      .count(.satisfaction, "Effectif", "Visites notées", answered),
      .percent(.satisfaction, "Taux", "Taux de réponse", answered, of: satisfaction.closed),
      IndicatorLine(
        .satisfaction, "Note", "Moyenne", satisfaction.scores.mean, .score, people: [answered]),
    ]
    for score in 1...5 {
      lines.append(
        .count(.satisfaction, "Note", "\(score) / 5", satisfaction.scores.counts[score] ?? 0))
    }
    return lines
  }
}
