import GRDB
import GuichetCore

/// Which visits a supervision query reads, as SQL over the `visit` table (alias `v`): the days of the period
/// and the filter. The only columns it may touch are the coded, anonymous ones: this API has no way to reach
/// the contact table, and returns counts only.
struct SupervisionScope {
  var firstDay: Int
  var lastDay: Int
  var filter: SupervisionFilter

  init(_ period: SupervisionPeriod, _ filter: SupervisionFilter) {
    self.init(firstDay: period.first.number, lastDay: period.last.number, filter: filter)
  }

  init(firstDay: Int, lastDay: Int, filter: SupervisionFilter) {
    self.firstDay = firstDay
    self.lastDay = lastDay
    self.filter = filter
  }

  /// Conditions on `v` for the filter (the days are added by the caller).
  func visitConditions(alias v: String = "v") -> (sql: String, arguments: StatementArguments) {
    var parts: [String] = []
    var arguments: StatementArguments = []
    for (dimension, code) in filter.values.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      switch dimension {
      case .site: parts.append("\(v).site_id = ?")
      case .desk: parts.append("\(v).desk_id = ?")
      case .territory: parts.append("ifnull(\(v).territory_id, 0) IN \(Self.territoryScope)")
      case .channel: parts.append("\(v).channel = ?")
      case .publicCategory: parts.append("\(v).public_category = ?")
      case .ageBand: parts.append("\(v).age_band = ?")
      case .outcome: parts.append("ifnull(\(v).outcome, '') = ?")
      case .hour: parts.append("\(v).hour = ?")
      case .requestKind:
        parts.append(
          "EXISTS (SELECT 1 FROM visit_request r WHERE r.visit_id = \(v).id AND r.request_kind = ?)"
        )
      }
      _ = arguments.append(contentsOf: Self.arguments(dimension, code))
    }
    if let synthetic = syntheticValue { parts.append("\(v).synthetic = \(synthetic)") }
    return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), arguments)
  }

  /// The visits of the period that pass the filter, as a condition on `v`.
  func visitsInScope(alias v: String = "v") -> (sql: String, arguments: StatementArguments) {
    let conditions = visitConditions(alias: v)
    var arguments: StatementArguments = [firstDay, lastDay]
    _ = arguments.append(contentsOf: conditions.arguments)
    return ("\(v).day BETWEEN ? AND ? AND \(conditions.sql)", arguments)
  }

  var syntheticValue: Int? {
    switch filter.synthetic {
    case .include: nil
    case .exclude: 0
    case .only: 1
    }
  }

  /// The territories a territory filter covers (two arguments, the territory's id twice): the territory
  /// itself and every territory all of whose bassins are in it. A visit records the territory of its
  /// commune (one bassin's), so a ZTEF made later of three bassins covers the visits of those bassins.
  static let territoryScope = """
    (SELECT ? UNION SELECT t.id FROM territory t
     WHERE EXISTS (SELECT 1 FROM territory_bassin x WHERE x.territory_id = t.id)
       AND NOT EXISTS (
         SELECT 1 FROM territory_bassin x WHERE x.territory_id = t.id AND x.bassin_code NOT IN (
           SELECT bassin_code FROM territory_bassin WHERE territory_id = ?)))
    """

  /// The arguments of one filter condition (the territory's scope takes its id twice).
  static func arguments(_ dimension: SupervisionDimension, _ code: String) -> StatementArguments {
    let value = Self.value(dimension, code)
    return dimension == .territory ? [value, value] : [value]
  }

  /// Integer dimensions compare as integers so the indexes stay usable.
  static func value(_ dimension: SupervisionDimension, _ code: String) -> DatabaseValue {
    switch dimension {
    case .site, .desk, .territory, .hour: (Int64(code) ?? -1).databaseValue
    default: code.databaseValue
    }
  }

  /// Conditions on a rollup table (site, territory and synthetic are its columns).
  func rollupConditions() -> (sql: String, arguments: StatementArguments) {
    var parts: [String] = []
    var arguments: StatementArguments = []
    if let site = filter.values[.site] {
      parts.append("site_id = ?")
      _ = arguments.append(contentsOf: [Self.value(.site, site)])
    }
    if let territory = filter.values[.territory] {
      parts.append("territory_id IN \(Self.territoryScope)")
      _ = arguments.append(contentsOf: Self.arguments(.territory, territory))
    }
    if let synthetic = syntheticValue { parts.append("synthetic = \(synthetic)") }
    return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), arguments)
  }

  /// The period split into whole months (read from the rollup) and the days around them (counted directly).
  /// A filter the rollup cannot answer counts every day directly.
  var split: (months: ClosedRange<Int>?, dayRanges: [ClosedRange<Int>]) {
    guard filter.isRollupCompatible, let first = LocalDate(number: firstDay),
      let last = LocalDate(number: lastDay)
    else { return (nil, [firstDay...lastDay]) }
    func index(_ date: LocalDate) -> Int { date.year * 12 + date.month - 1 }
    func month(_ index: Int) -> Int { (index / 12) * 100 + index % 12 + 1 }
    let firstMonth = index(first) + (first.day == 1 ? 0 : 1)
    let lastMonth = index(last) - (last == SupervisionPeriod(.month, containing: last).last ? 0 : 1)
    guard firstMonth <= lastMonth else { return (nil, [firstDay...lastDay]) }
    var ranges: [ClosedRange<Int>] = []
    let rollupFirstDay = month(firstMonth) * 100 + 1
    let rollupLastDay = month(lastMonth) * 100 + 31
    if firstDay < rollupFirstDay { ranges.append(firstDay...(rollupFirstDay - 1)) }
    if lastDay > rollupLastDay { ranges.append((rollupLastDay + 1)...lastDay) }
    return (month(firstMonth)...month(lastMonth), ranges)
  }
}
