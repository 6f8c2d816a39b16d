import GRDB
import GuichetCore

/// Volumes: visits of the period, how many are synthetic, their breakdown by every dimension, and per day.
enum Volumes {
  static let cellDimensions: [SupervisionDimension: String] = [
    .desk: "desk", .channel: "channel", .publicCategory: "public_category", .ageBand: "age_band",
    .outcome: "outcome", .hour: "hour", .requestKind: "request_kind",
  ]

  static func fill(_ figures: inout SupervisionFigures, _ db: Database, _ scope: SupervisionScope)
    throws
  {
    let cells = try VisitCells.counts(
      db, scope, columns: ["dimension", "code"],
      dimensions: ["total"] + cellDimensions.values.sorted())
    figures.visits = cells[["total", ""]] ?? 0
    for (dimension, name) in cellDimensions {
      figures.breakdowns[dimension] = cells.compactMap { key, count in
        key[0] == name ? CodeCount(code: key[1], count: count) : nil
      }
    }
    let places = try VisitCells.counts(
      db, scope, columns: ["site_id", "territory_id", "synthetic"], dimensions: ["total"])
    func totals(at index: Int) -> [CodeCount] {
      Dictionary(grouping: places, by: { $0.key[index] })
        .map { CodeCount(code: $0.key, count: $0.value.reduce(0) { $0 + $1.value }) }
        .filter { $0.count != 0 }
    }
    figures.breakdowns[.site] = totals(at: 0)
    figures.breakdowns[.territory] = totals(at: 1)
    figures.syntheticVisits = totals(at: 2).first { $0.code == "1" }?.count ?? 0
    figures.daily = try daily(db, scope)
  }

  /// Visits per day, every day of the period listed (zero included).
  static func daily(_ db: Database, _ scope: SupervisionScope) throws -> [CodeCount] {
    var counts: [Int: Int] = [:]
    let rows: [Row]
    if scope.filter.isRollupCompatible {
      let conditions = scope.rollupConditions()
      var arguments: StatementArguments = [scope.firstDay, scope.lastDay]
      _ = arguments.append(contentsOf: conditions.arguments)
      rows = try Row.fetchAll(
        db,
        sql: """
          SELECT day, sum(n) FROM visit_day_stat
          WHERE day BETWEEN ? AND ? AND \(conditions.sql) GROUP BY day
          """, arguments: arguments)
    } else {
      let conditions = scope.visitsInScope()
      rows = try Row.fetchAll(
        db, sql: "SELECT v.day, count(*) FROM visit v WHERE \(conditions.sql) GROUP BY v.day",
        arguments: conditions.arguments)
    }
    for row in rows { counts[row[0]] = row[1] }
    guard let first = LocalDate(number: scope.firstDay), let last = LocalDate(number: scope.lastDay)
    else { return [] }
    return SupervisionPeriod(from: first, to: last).days.map {
      CodeCount(code: $0.description, count: counts[$0.number] ?? 0)
    }
  }
}
