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
  /// Withheld from every export and marked on screen: small itself (`isSmall`), or masked by secondary
  /// suppression so that no sum it takes part in gives it back (`Suppression`). Set by `SupervisionFigures.lines()`.
  public var masked = false

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

  /// True when the figure rests on 1 to 4 people: the primary rule of `masked`.
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

  /// `frenchValue` for a reader's eye (the dashboard): counts grouped by thousands, « 15 271 », with a
  /// no-break space (one column, never split). Exports keep `frenchValue`, which spreadsheets read as a number.
  public var displayValue: String {
    guard let value else { return "—" }
    switch unit {
    case .percent, .score, .days, .minutes: return frenchValue
    default: return SupervisionFormat.grouped(Int(value.rounded()))
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
  /// French digit grouping: « 15 271 », « 1 234 567 », with U+00A0 (a no-break space one column wide).
  public static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var groups: [Substring] = []
    var end = digits.endIndex
    while end > digits.startIndex {
      let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
      groups.insert(digits[start..<end], at: 0)
      end = start
    }
    return (value < 0 ? "-" : "") + groups.joined(separator: "\u{00A0}")
  }

  /// « 0 visite », « 1 visite », « 2 visites »: in French, 0 and 1 take the singular.
  public static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
    abs(count) < 2 ? singular : plural
  }

  /// One decimal, rounded half up, with the given separator.
  public static func decimal(_ value: Double, separator: String) -> String {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    return "\(sign)\(abs(tenths) / 10)\(separator)\(abs(tenths) % 10)"
  }
}

extension SupervisionFigures {
  /// Every figure as flat lines, in the order of the annual report, each with its mask decided once for every
  /// view (`IndicatorLine.masked`): the same cells are withheld on screen, in CSV, JSON and Markdown.
  public func lines() -> [IndicatorLine] { maskedLines().filter { !$0.isMonthlyVolume } }

  /// What the Markdown report writes: the lines of `lines()`, but for a period longer than a month the daily
  /// volumes summed by month. Months and days are masked together, so neither view gives the other's cells back.
  public func reportLines() -> [IndicatorLine] {
    let all = maskedLines()
    guard hasMonthlyVolumes else { return all.filter { !$0.isMonthlyVolume } }
    let months = all.filter(\.isMonthlyVolume)
    let others = all.filter { $0.indicator != .dailyVolume }
    let firstDaily = all.firstIndex { $0.indicator == .dailyVolume } ?? others.count
    return others.inserted(months, at: firstDaily)
  }

  /// The Markdown report sums daily volumes by month beyond 31 days.
  var hasMonthlyVolumes: Bool { period.dayCount > 31 }

  /// Every published line (days and, for long periods, months), with the sums the tables show between them,
  /// masked by `Suppression`.
  func maskedLines() -> [IndicatorLine] {
    var table = LineTable()
    let total = table.add(.count(.visits, "Total", "Toutes les visites", visits))
    table.add(.count(.visits, "Total", "dont données de démonstration", syntheticVisits))
    var byCode: [SupervisionDimension: [String: Int]] = [:]
    for dimension in SupervisionDimension.allCases {
      let rows = codedBreakdown(dimension)
      let parts = rows.map { row in
        let index = table.add(.count(.visits, dimension.label, row.label, row.count))
        byCode[dimension, default: [:]][row.code] = index
        return index
      }
      // Request kinds add up to the total only when no visit has two; `sum` keeps exact sums only.
      table.sum(total, parts)
    }
    // Desks within their site.
    let desksBySite = Dictionary(grouping: byCode[.desk] ?? [:]) { names.deskSites[$0.key] ?? "" }
    for (site, index) in (byCode[.site] ?? [:]).sorted(by: { $0.value < $1.value }) {
      table.sum(index, (desksBySite[site] ?? []).map(\.value).sorted())
    }
    let days = daily.map { table.add(.count(.dailyVolume, "Jour", $0.code, $0.count)) }
    if hasMonthlyVolumes {
      var months: [(code: String, days: [Int])] = []
      for (day, index) in zip(daily, days) {
        let month = String(day.code.prefix(7))
        if months.last?.code == month {
          months[months.count - 1].days.append(index)
        } else {
          months.append((month, [index]))
        }
      }
      let monthIndexes = months.map { month in
        let count = month.days.reduce(0) { $0 + table.lines[$1].count }
        let index = table.add(.count(.dailyVolume, "Mois", month.code, count))
        table.sum(index, month.days)
        return index
      }
      table.sum(total, monthIndexes)
    } else {
      table.sum(total, days)
    }
    let steps = funnel.steps.map { table.add(.count(.funnel, "Effectif", $0.label, $0.count)) }
    table.sum(total, [steps[0]])
    for (step, index) in zip(funnel.steps, steps).dropFirst() {
      let rate = table.add(
        .percent(.funnel, "Part des visites", step.label, step.count, of: funnel.visits))
      table.derive(rate, from: [index, steps[0]])
    }
    table.addDerived(delayLines())
    table.addDerived(waitLines())
    // People who left unseen have no wait: counted on their own beside it, masked with their outcome cell.
    let leftUnseen = table.add(
      .count(
        .deskWait, "Effectif", "Partis sans être reçus (sans attente)",
        breakdowns[.outcome]?.first { $0.code == Outcome.leftUnseen.rawValue }?.count ?? 0))
    if let outcome = byCode[.outcome]?[Outcome.leftUnseen.rawValue] {
      table.derive(leftUnseen, from: [outcome])
    }
    let seen = table.add(.count(.noShow, "Effectif", "Reçus", noShow.seen, unit: .appointments))
    let absent = table.add(
      .count(.noShow, "Effectif", "Absents", noShow.noShow, unit: .appointments))
    let rate = table.add(
      .percent(.noShow, "Taux", "Absents ÷ (reçus + absents)", noShow.noShow, of: noShow.recorded))
    table.derive(rate, from: [seen, absent])
    addSatisfaction(to: &table)
    var unmetByOutcome: [String: [Int]] = [:]
    for unmet in self.unmet {
      let index = table.add(
        .count(.unmetDemand, unmet.outcome.label, unmet.reason?.label ?? "Sans motif", unmet.count))
      unmetByOutcome[unmet.outcome.rawValue, default: []].append(index)
    }
    // An outcome's visits by reason: exact when every visit with that outcome is closed.
    for (outcome, parts) in unmetByOutcome.sorted(by: { $0.key < $1.key }) {
      if let index = byCode[.outcome]?[outcome] { table.sum(index, parts) }
    }
    for miss in searchMisses {
      table.add(.count(.searchMisses, "Recherche", miss.query, miss.count, unit: .people))
    }
    for code in consulted {
      let group = code.kind == .occupation ? "Métier (ROME)" : "Certification (RNCP)"
      table.add(.count(.topConsulted, group, "\(code.code) \(code.title)", code.visits))
    }
    return table.masked(secondary: secondarySuppression)
  }

  /// Breakdown rows in display order, with their codes.
  func codedBreakdown(_ dimension: SupervisionDimension) -> [(
    code: String, label: String, count: Int
  )] {
    (breakdowns[dimension] ?? [])
      .sorted {
        dimension.sortKey(of: $0.code, names: names) < dimension.sortKey(of: $1.code, names: names)
      }
      .map { ($0.code, dimension.label(of: $0.code, names: names), $0.count) }
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

  /// Closed and scored visits, the response rate, the mean and the scores, which add up to the scored visits.
  /// The mean is masked with any score: with the others shown, it would give a masked score back.
  func addSatisfaction(to table: inout LineTable) {
    let answered = satisfaction.scores.total
    let closed = table.add(
      .count(.satisfaction, "Effectif", "Visites clôturées", satisfaction.closed))
    let scored = table.add(.count(.satisfaction, "Effectif", "Visites notées", answered))
    let rate = table.add(
      .percent(.satisfaction, "Taux", "Taux de réponse", answered, of: satisfaction.closed))
    table.derive(rate, from: [scored, closed])
    let mean = table.add(
      IndicatorLine(
        .satisfaction, "Note", "Moyenne", satisfaction.scores.mean, .score, people: [answered]))
    let scores = (1...5).map { score in
      table.add(
        .count(.satisfaction, "Note", "\(score) / 5", satisfaction.scores.counts[score] ?? 0))
    }
    table.sum(scored, scores)
    table.derive(mean, from: [scored] + scores)
  }
}

/// Lines being built, with the published sums and derivations between them that secondary suppression protects.
struct LineTable {
  var lines: [IndicatorLine] = []
  var relations: [Suppression.Relation] = []
  var derived: [Suppression.Derived] = []

  @discardableResult
  mutating func add(_ line: IndicatorLine) -> Int {
    lines.append(line)
    return lines.count - 1
  }

  /// A published sum, kept only when it holds exactly: an inexact one gives nothing back.
  mutating func sum(_ total: Int, _ parts: [Int]) {
    guard !parts.isEmpty, parts.reduce(0, { $0 + lines[$1].count }) == lines[total].count else {
      return
    }
    relations.append(Suppression.Relation(total: total, parts: parts))
  }

  mutating func derive(_ cell: Int, from sources: [Int]) {
    derived.append(Suppression.Derived(cell: cell, sources: sources))
  }

  /// A head count followed by the figures computed from it (medians, deciles, shares).
  mutating func addDerived(_ group: [IndicatorLine]) {
    guard let first = group.first else { return }
    let base = add(first)
    for line in group.dropFirst() { derive(add(line), from: [base]) }
  }

  func masked(secondary: Bool) -> [IndicatorLine] {
    let hidden = Suppression.masked(
      values: lines.map(\.count), relations: relations, derived: derived,
      primary: Set(lines.indices.filter { lines[$0].isSmall }), secondary: secondary)
    var result = lines
    for index in hidden { result[index].masked = true }
    return result
  }
}

extension IndicatorLine {
  /// The head count of a count line (its first head count for a rate).
  var count: Int { people.first ?? 0 }

  var isMonthlyVolume: Bool { indicator == .dailyVolume && group == "Mois" }
}
