import Foundation
import GuichetCore

/// The attack on statistical secrecy that `swift test` and `guichet bench --only attacks` both run: every report
/// `guichet report` offers over a year (annual, monthly, weekly, daily; whole scheme, each site, each
/// territory) is written in every format (table, CSV, CSV for Excel, JSON, Markdown), read back as an outsider
/// would, and each masked cell is sought by subtraction from every sum the reports publish (a total and its
/// lines, a site and its desks, a month and its days, an outcome and its reasons, the scores and the scored
/// visits) and from the rates and the mean published next to the counts. A cell counts as recovered when the
/// value found is its true value.
public enum MaskingAttack {
  public struct Outcome: Equatable, Sendable {
    public var reports = 0
    /// Cells masked for themselves (1 to 4 people), over all reports.
    public var smallCells = 0
    /// Cells withheld in every format of their report.
    public var maskedCells = 0
    /// « report › indicator|group|item = value » of each masked cell found back.
    public var recovered: [String] = []
    public init() {}
  }

  /// Demonstration year 2025 in a new file at `path`: few visits a day, so that small cells exist.
  public static func demoYear(at path: String, perDay: Int = 4) throws -> AppDatabase {
    let database = try AppDatabase.open(path: path)
    let lastDay = LocalDate(year: 2025, month: 12, day: 31)!
    _ = try database.loadDemo(
      DemoOptions(
        days: 365, perDay: perDay, seed: 13, lastDay: lastDay,
        now: LocalClock.startOfDay(lastDay)))
    return database
  }

  /// The figures of every report offered over `year`, each with its title.
  public static func reports(_ database: AppDatabase, year: Int) throws -> [(
    title: String, figures: SupervisionFigures
  )] {
    let january = LocalDate(year: year, month: 1, day: 1)!
    let annual = SupervisionPeriod(.year, containing: january)
    let months = (0..<12).map { SupervisionPeriod(.month, containing: january).moved(by: $0) }
    var weeks: [SupervisionPeriod] = []
    var week = SupervisionPeriod(.week, containing: january)
    while week.first <= annual.last {
      weeks.append(week)
      week = week.moved(by: 1)
    }
    let days = annual.days.map { SupervisionPeriod(.day, containing: $0) }
    let names = try database.supervisionNames(by: .commandLine)
    let whole = try database.supervisionFigures(period: annual, by: .commandLine)
    var filters = [SupervisionFilter()]
    for dimension in [SupervisionDimension.site, .territory] {
      for row in whole.breakdowns[dimension] ?? [] {
        filters.append(SupervisionFilter([dimension: row.code]))
      }
    }
    var result: [(String, SupervisionFigures)] = []
    for filter in filters {
      let periods = filter.values.isEmpty ? [annual] + months + weeks + days : [annual] + months
      for period in periods {
        let figures = try database.supervisionFigures(
          period: period, filter: filter, by: .commandLine)
        result.append(("\(period.label) · \(filter.label(names: names))", figures))
      }
    }
    return result
  }

  /// Runs the attack on every report, with or without secondary suppression.
  public static func run(
    _ reports: [(title: String, figures: SupervisionFigures)], secondary: Bool = true
  ) throws -> Outcome {
    var outcome = Outcome()
    for (title, original) in reports {
      var figures = original
      figures.secondarySuppression = secondary
      let published = try Published.read(figures)
      let truth = Published.truth(figures)
      outcome.reports += 1
      outcome.smallCells += figures.lines().filter(\.isSmall).count
      outcome.maskedCells += published.masked.count
      for (key, value) in Attacker(published: published, truth: truth).recover() {
        outcome.recovered.append("\(title) › \(key) = \(value)")
      }
    }
    return outcome
  }
}

/// What the reports of one period and filter show, read back from their text: each cell keyed
/// « indicator|group|item », with its value when some format shows it.
struct Published {
  var values: [String: Double] = [:]
  /// Cells every format writes as « < 5 » (or null in JSON), never with a value.
  var masked: Set<String> = []
  static func key(_ indicator: String, _ group: String, _ item: String) -> String {
    "\(indicator)|\(group)|\(item)"
  }

  static let syntheticKey = key(Indicator.visits.label, "Total", "dont données de démonstration")

  /// Every format of the report, parsed and merged: a cell shown by one format is known.
  static func read(_ figures: SupervisionFigures) throws -> Published {
    var seen: [String: (value: Double?, masked: Bool)] = [:]
    func note(_ key: String, _ value: Double?, masked: Bool) {
      let old = seen[key]
      seen[key] = (old?.value ?? (masked ? nil : value), (old?.masked ?? true) && masked)
    }
    let formats: [Cell] =
      (try csv(SupervisionExport.csv(figures)))
      + (try csv(SupervisionExport.csv(figures, excel: true)))
      + markdown(SupervisionExport.markdown(figures, title: "Bilan"))
      + table(SupervisionExport.table(figures)) + (try json(SupervisionJSON.text(figures)))
    for (key, value, masked) in formats {
      note(key, value, masked: masked)
    }
    var published = Published()
    for (key, entry) in seen {
      if let value = entry.value { published.values[key] = value }
      if entry.masked { published.masked.insert(key) }
    }
    return published
  }

  /// The true value of every published cell, days and months.
  static func truth(_ figures: SupervisionFigures) -> [String: Double] {
    var truth: [String: Double] = [:]
    for line in figures.lines() + figures.reportLines() {
      truth[key(line.indicator.label, line.group, line.item)] = line.value
    }
    return truth
  }

  typealias Cell = (key: String, value: Double?, masked: Bool)

  /// « < 5 », « — », « 42,5 % », « 3,2 / 5 », « 12 j », « 8 min », « 42.5 », « 12 ».
  static func value(_ text: String) -> (Double?, masked: Bool) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed == SmallCell.maskText { return (nil, true) }
    var number = trimmed
    for unit in [" %", " / 5", " j", " min"] where number.hasSuffix(unit) {
      number = String(number.dropLast(unit.count))
    }
    return (Double(number.replacingOccurrences(of: ",", with: ".")), false)
  }

  /// « Attention : 12 visites de démonstration… » in the header of the table and the Markdown.
  static func syntheticHeader(_ line: Substring) -> Cell? {
    guard let range = line.range(of: "Attention : ") else { return nil }
    let rest = line[range.upperBound...]
    guard let end = rest.range(of: " visites de démonstration") else { return nil }
    let (number, masked) = value(String(rest[..<end.lowerBound]))
    return (syntheticKey, number, masked)
  }

  /// The records of a CSV export, read by the import's RFC 4180 reader (separator, quotes and BOM honoured).
  static func csv(_ text: String) throws -> [Cell] {
    try CSVFile.parse(Array(text.utf8), name: "rapport-utf8.csv").records.compactMap { record in
      guard record.fields.count == 8 else { return nil }
      let (number, masked) = value(record[5])
      return (key(record[2], record[3], record[4]), number, masked)
    }
  }

  static func markdown(_ text: String) -> [Cell] {
    var cells: [Cell] = []
    var indicator = ""
    for line in text.split(separator: "\n") {
      if let header = syntheticHeader(line) { cells.append(header) }
      if line.hasPrefix("## ") { indicator = String(line.dropFirst(3)) }
      guard line.hasPrefix("| ") else { continue }
      // Split on « | » not escaped as « \| ».
      var fields: [String] = []
      var field = ""
      var escaped = false
      for c in line.dropFirst() {
        if escaped {
          field.append(c)
          escaped = false
        } else if c == "\\" {
          escaped = true
        } else if c == "|" {
          fields.append(field.trimmingCharacters(in: .whitespaces))
          field = ""
        } else {
          field.append(c)
        }
      }
      guard fields.count == 3, fields[0] != "Ventilation", !fields[0].hasPrefix("---") else {
        continue
      }
      let (number, masked) = value(fields[2])
      cells.append((key(indicator, fields[0], fields[1]), number, masked))
    }
    return cells
  }

  /// « ␣␣group · item…padding… value » under each indicator's label.
  static func table(_ text: String) -> [Cell] {
    var cells: [Cell] = []
    let labels = Set(Indicator.allCases.map(\.label))
    var indicator = ""
    for line in text.split(separator: "\n") {
      if let header = syntheticHeader(line) { cells.append(header) }
      if labels.contains(String(line)) { indicator = String(line) }
      guard line.hasPrefix("  "), !indicator.isEmpty else { continue }
      let tokens = line.split(separator: " ")
      var valueTokens = 1
      if line.hasSuffix(" " + SmallCell.maskText) {
        valueTokens = 2
      } else if let last = tokens.last, ["%", "j", "min"].contains(last) {
        valueTokens = 2
      } else if tokens.count > 3, tokens[tokens.count - 2] == "/", tokens.last == "5",
        tokens[tokens.count - 3].contains(",")
      {
        valueTokens = 3
      }
      let valueText = tokens.suffix(valueTokens).joined(separator: " ")
      let label = line.dropFirst(2).dropLast(valueText.count)
        .trimmingCharacters(in: .whitespaces)
      guard let separator = label.range(of: " · ") else { continue }
      let (number, masked) = value(valueText)
      cells.append(
        (
          key(
            indicator, String(label[..<separator.lowerBound]),
            String(label[separator.upperBound...])), number, masked
        ))
    }
    return cells
  }

  static func json(_ text: String) throws -> [Cell] {
    let document = try JSONDecoder().decode(SupervisionJSON.Document.self, from: Data(text.utf8))
    var cells: [Cell] = document.lines.map {
      (key($0.label, $0.group, $0.item), $0.value, $0.masked)
    }
    if document.includesSynthetic {
      cells.append(
        (syntheticKey, document.syntheticVisits.map(Double.init), document.syntheticVisits == nil))
    }
    return cells
  }
}

/// Subtraction and rate inversion over the published cells of one report, as an outsider knowing the definitions
/// would do it: any relation left with one unknown gives that unknown. Only true values are kept as found, so
/// the attacker is credited with every guess that happens to be right.
struct Attacker {
  var published: Published
  var truth: [String: Double]

  enum Relation {
    /// total = Σ parts
    case sum(String, [String])
    /// rate (one decimal) = 100 × Σ part ÷ Σ whole
    case rate(String, part: [String], whole: [String])
    /// mean (one decimal) of the scores 1…5 whose counts are the keys
    case mean(String, scores: [String])

    var keys: [String] {
      switch self {
      case .sum(let total, let parts): [total] + parts
      case .rate(let rate, let part, let whole): [rate] + part + whole
      case .mean(let mean, let scores): [mean] + scores
      }
    }
  }

  func relations() -> [Relation] {
    let keys = Set(truth.keys).union(published.masked).union(published.values.keys)
    func items(_ indicator: Indicator, _ group: String) -> [String] {
      let prefix = Published.key(indicator.label, group, "")
      return keys.filter { $0.hasPrefix(prefix) }.sorted()
    }
    func item(_ key: String) -> String { String(key.split(separator: "|").last ?? "") }
    let visits = Published.key(Indicator.visits.label, "Total", "Toutes les visites")
    var relations: [Relation] = []
    let groups = Set(
      keys.compactMap { key -> String? in
        let parts = key.split(separator: "|", omittingEmptySubsequences: false)
        return parts[0] == Indicator.visits.label && parts[1] != "Total" ? String(parts[1]) : nil
      })
    for group in groups.sorted() { relations.append(.sum(visits, items(.visits, group))) }
    let sites = items(.visits, SupervisionDimension.site.label)
    let desks = items(.visits, SupervisionDimension.desk.label)
    for site in sites {
      let name = item(site) + " · "
      relations.append(.sum(site, desks.filter { item($0).hasPrefix(name) }))
    }
    let days = items(.dailyVolume, "Jour")
    let months = items(.dailyVolume, "Mois")
    relations.append(.sum(visits, days))
    relations.append(.sum(visits, months))
    for month in months {
      relations.append(.sum(month, days.filter { item($0).hasPrefix(item(month) + "-") }))
    }
    let funnel = Published.key(Indicator.funnel.label, "Effectif", "Visites")
    relations.append(.sum(visits, [funnel]))
    for step in items(.funnel, "Part des visites") {
      relations.append(
        .rate(
          step, part: [Published.key(Indicator.funnel.label, "Effectif", item(step))],
          whole: [funnel]))
    }
    let noShow = Indicator.noShow.label
    let seen = Published.key(noShow, "Effectif", "Reçus")
    let absent = Published.key(noShow, "Effectif", "Absents")
    relations.append(
      .rate(
        Published.key(noShow, "Taux", "Absents ÷ (reçus + absents)"), part: [absent],
        whole: [seen, absent]))
    let satisfaction = Indicator.satisfaction.label
    let scored = Published.key(satisfaction, "Effectif", "Visites notées")
    let scores = (1...5).map { Published.key(satisfaction, "Note", "\($0) / 5") }
    relations.append(
      .rate(
        Published.key(satisfaction, "Taux", "Taux de réponse"), part: [scored],
        whole: [Published.key(satisfaction, "Effectif", "Visites clôturées")]))
    relations.append(.sum(scored, scores))
    relations.append(.mean(Published.key(satisfaction, "Note", "Moyenne"), scores: scores))
    let unmetGroups = Set(
      keys.compactMap { key -> String? in
        let parts = key.split(separator: "|", omittingEmptySubsequences: false)
        return parts[0] == Indicator.unmetDemand.label ? String(parts[1]) : nil
      })
    for outcome in unmetGroups.sorted() {
      relations.append(
        .sum(
          Published.key(Indicator.visits.label, SupervisionDimension.outcome.label, outcome),
          items(.unmetDemand, outcome)))
    }
    return relations.filter { relation in relation.keys.allSatisfy { keys.contains($0) } }
  }

  /// The masked cells found back, with their value.
  func recover() -> [(String, Double)] {
    var known = published.values
    var found: [(String, Double)] = []
    let relations = relations()
    // Counts are below every total of the report; the bound keeps the search for a count finite.
    let bound = Int(truth.values.filter { $0 == $0.rounded() }.max() ?? 0) + 10
    var progress = true
    while progress {
      progress = false
      for relation in relations {
        let unknown = relation.keys.filter { known[$0] == nil }
        guard unknown.count == 1, let target = unknown.first, published.masked.contains(target),
          let value = solve(relation, for: target, known: known, bound: bound),
          let actual = truth[target], abs(value - actual) < 0.01
        else { continue }
        known[target] = value
        found.append((target, value))
        progress = true
      }
    }
    return found
  }

  static func tenths(_ value: Double) -> Int { Int((value * 10).rounded()) }

  /// The one value of `target` the relation allows, nil when several do.
  func solve(_ relation: Relation, for target: String, known: [String: Double], bound: Int)
    -> Double?
  {
    func only(_ test: (Double) -> Bool) -> Double? {
      var match: Double?
      for candidate in 0...bound where test(Double(candidate)) {
        if match != nil { return nil }
        match = Double(candidate)
      }
      return match
    }
    func value(_ key: String, _ candidate: Double) -> Double {
      key == target ? candidate : known[key] ?? 0
    }
    switch relation {
    case .sum(let total, let parts):
      let shown = parts.filter { $0 != target }.reduce(0) { $0 + (known[$1] ?? 0) }
      return target == total ? shown : (known[total] ?? 0) - shown
    case .rate(let rate, let part, let whole):
      func computed(_ candidate: Double) -> Double? {
        let w = whole.reduce(0) { $0 + value($1, candidate) }
        return w == 0 ? nil : 100 * part.reduce(0) { $0 + value($1, candidate) } / w
      }
      if target == rate { return computed(0) }
      guard let shown = known[rate] else { return nil }
      return only { computed($0).map(Self.tenths) == Self.tenths(shown) }
    case .mean(let mean, let scores):
      func computed(_ candidate: Double) -> Double? {
        let n = scores.reduce(0) { $0 + value($1, candidate) }
        guard n > 0 else { return nil }
        return zip(1...5, scores).reduce(0) { $0 + Double($1.0) * value($1.1, candidate) } / n
      }
      if target == mean { return computed(0) }
      guard let shown = known[mean] else { return nil }
      return only { computed($0).map(Self.tenths) == Self.tenths(shown) }
    }
  }
}
