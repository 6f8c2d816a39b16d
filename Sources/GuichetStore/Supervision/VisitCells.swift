import GRDB
import GuichetCore

/// Counts of the cells of `visit_cell` over a scope, grouped by the given columns: whole months from the
/// rollup, the other days counted directly, summed. Both sides are the same definition (`SupervisionSchema`).
enum VisitCells {
  /// `columns` are among: dimension, code, site_id, territory_id, synthetic. Returns key → count.
  static func counts(
    _ db: Database, _ scope: SupervisionScope, columns: [String], dimensions: [String]
  ) throws -> [[String]: Int] {
    var result: [[String]: Int] = [:]
    let select = columns.map { "CAST(\($0) AS TEXT)" }.joined(separator: ", ")
    let groupBy = columns.joined(separator: ", ")
    let dimensionList = dimensions.map { "'\($0)'" }.joined(separator: ", ")
    func add(_ rows: [Row]) {
      for row in rows {
        let key = (0..<columns.count).map { (row[$0] as String?) ?? "" }
        let n: Int = row[columns.count]
        if n != 0 { result[key, default: 0] += n }
      }
    }
    let split = scope.split
    if let months = split.months {
      let conditions = scope.rollupConditions()
      var arguments: StatementArguments = [months.lowerBound, months.upperBound]
      _ = arguments.append(contentsOf: conditions.arguments)
      add(
        try Row.fetchAll(
          db,
          sql: """
            SELECT \(select), sum(n) FROM visit_month_stat
            WHERE month BETWEEN ? AND ? AND dimension IN (\(dimensionList)) AND \(conditions.sql)
            GROUP BY \(groupBy)
            """, arguments: arguments))
    }
    for range in split.dayRanges {
      let part = SupervisionScope(
        firstDay: range.lowerBound, lastDay: range.upperBound, filter: scope.filter)
      let direct = scope.filter.isRollupCompatible
      let conditions = direct ? part.rollupConditions() : part.visitsInScope()
      var arguments: StatementArguments = [range.lowerBound, range.upperBound]
      _ = arguments.append(contentsOf: conditions.arguments)
      let restriction =
        direct
        ? conditions.sql
        : "visit_id IN (SELECT v.id FROM visit v WHERE \(conditions.sql))"
      add(
        try Row.fetchAll(
          db,
          sql: """
            SELECT \(select), count(*) FROM visit_cell
            WHERE day BETWEEN ? AND ? AND dimension IN (\(dimensionList)) AND \(restriction)
            GROUP BY \(groupBy)
            """, arguments: arguments))
    }
    return result
  }
}
