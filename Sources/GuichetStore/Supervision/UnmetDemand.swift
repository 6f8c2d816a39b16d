import GRDB
import GuichetCore

/// Unmet demand: visits closed with no answer or no booking, by reason; and searches that found nothing
/// (seen at least 3 times, site and desk filters only: a miss is not tied to a visit).
enum UnmetDemand {
  static func fill(_ figures: inout SupervisionFigures, _ db: Database, _ scope: SupervisionScope)
    throws
  {
    let cells = try VisitCells.counts(db, scope, columns: ["code"], dimensions: ["reason"])
    figures.unmet = cells.compactMap { key, count in
      let parts = key[0].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      guard let outcome = Outcome(rawValue: parts[0]) else { return nil }
      return UnmetCount(
        outcome: outcome, reason: parts.count > 1 ? NoAnswerReason(rawValue: parts[1]) : nil,
        count: count)
    }
    .sorted {
      $0.count != $1.count
        ? $0.count > $1.count
        : ($0.outcome.rawValue, $0.reason?.rawValue ?? "") < (
          $1.outcome.rawValue, $1.reason?.rawValue ?? ""
        )
    }
    figures.searchMisses = try misses(db, scope)
  }

  static func misses(_ db: Database, _ scope: SupervisionScope) throws -> [UnmetSearch] {
    // Search misses are not synthetic; showing only demonstration rows leaves none.
    if scope.filter.synthetic == .only { return [] }
    var conditions = ["day BETWEEN ? AND ?"]
    var arguments: StatementArguments = [scope.firstDay, scope.lastDay]
    for dimension in [SupervisionDimension.site, .desk] {
      guard let code = scope.filter.values[dimension] else { continue }
      conditions.append("\(dimension == .site ? "site_id" : "desk_id") = ?")
      _ = arguments.append(contentsOf: [SupervisionScope.value(dimension, code)])
    }
    return try Row.fetchAll(
      db,
      sql: """
        SELECT query_normalized, count(*) AS n FROM search_miss
        WHERE \(conditions.joined(separator: " AND "))
        GROUP BY query_normalized HAVING n >= 3 ORDER BY n DESC, query_normalized LIMIT 20
        """, arguments: arguments
    ).map { UnmetSearch(query: $0[0], count: $0[1]) }
  }
}
