import GRDB
import GuichetCore

/// Continuity from the first to the second level, over the visits of the period: the funnel (referred,
/// consent, booked, seen), the delay to the appointment against the territory target, and no-shows.
/// Consents and appointments are read through the range of visit ids of the period (visits are numbered in
/// arrival order, so the range is tight), then checked against the period and the filter.
enum Continuity {
  static let referredOutcomes = ["referral", "appointment_booked", "no_booking"]
  /// Target of visits that gave no territory.
  static let defaultTargetDays = 30

  static func fill(_ figures: inout SupervisionFigures, _ db: Database, _ scope: SupervisionScope)
    throws
  {
    let outcomes = try VisitCells.counts(
      db, scope, columns: ["dimension", "code"], dimensions: ["total", "outcome"])
    figures.funnel.visits = outcomes[["total", ""]] ?? 0
    let referredByOutcome = referredOutcomes.reduce(0) { $0 + (outcomes[["outcome", $1]] ?? 0) }
    guard let range = try idRange(db, scope) else {
      figures.funnel.referred = referredByOutcome
      return
    }
    let visits = scope.visitsInScope()
    var arguments: StatementArguments = [range.lowerBound, range.upperBound]
    _ = arguments.append(contentsOf: visits.arguments)
    let outcomeList = referredOutcomes.map { "'\($0)'" }.joined(separator: ", ")
    let consent = try Row.fetchOne(
      db,
      sql: """
        SELECT count(*), ifnull(sum(ifnull(v.outcome, '') NOT IN (\(outcomeList))), 0) FROM visit v
        WHERE v.id IN (SELECT visit_id FROM consent WHERE visit_id BETWEEN ? AND ?) AND \(visits.sql)
        """, arguments: arguments)
    figures.funnel.consented = consent?[0] ?? 0
    figures.funnel.referred = referredByOutcome + (consent?[1] ?? 0)
    let booked = try Row.fetchOne(
      db,
      sql: """
        SELECT count(DISTINCT a.visit_id),
          count(DISTINCT CASE WHEN a.status = 'seen' THEN a.visit_id END),
          ifnull(sum(a.status = 'seen'), 0), ifnull(sum(a.status = 'no_show'), 0)
        FROM appointment a JOIN visit v ON v.id = a.visit_id
        WHERE a.visit_id BETWEEN ? AND ? AND \(visits.sql)
        """, arguments: arguments)
    figures.funnel.booked = booked?[0] ?? 0
    figures.funnel.seen = booked?[1] ?? 0
    figures.noShow.seen = booked?[2] ?? 0
    figures.noShow.noShow = booked?[3] ?? 0
    figures.delay = try delay(
      db, arguments: arguments, visits: visits.sql,
      territoryID: scope.filter.values[.territory].flatMap { Int64($0) })
  }

  /// Each visit's first live appointment (earliest start, cancellations excluded): its delay in days, and
  /// whether it is within the target of the visit's territory, or of the territory filtered on (a ZTEF's
  /// target holds for the visits of its bassins).
  static func delay(
    _ db: Database, arguments: StatementArguments, visits: String, territoryID: Int64?
  ) throws -> DelayFigures {
    let target =
      try territoryID.flatMap {
        try Int.fetchOne(
          db, sql: "SELECT target_delay_days FROM territory WHERE id = ?", arguments: [$0])
      }.map(String.init) ?? "ifnull(t.target_delay_days, \(defaultTargetDays))"
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT first.delay_days, first.delay_days <= \(target),
          count(*)
        FROM (
          SELECT a.visit_id, a.delay_days, min(a.starts_at) FROM appointment a
          WHERE a.visit_id BETWEEN ? AND ? AND a.status NOT IN ('excused', 'revoked')
          GROUP BY a.visit_id
        ) AS first
        JOIN visit v ON v.id = first.visit_id
        LEFT JOIN territory t ON t.id = v.territory_id
        WHERE \(visits)
        GROUP BY 1, 2
        """, arguments: arguments)
    var figures = DelayFigures()
    var days: [Int: Int] = [:]
    for row in rows {
      let n: Int = row[2]
      days[row[0], default: 0] += n
      if row[1] as Bool { figures.withinTarget += n }
    }
    figures.days = Histogram(days)
    return figures
  }

  /// Lowest and highest visit id of the period (nil when it has no visit).
  static func idRange(_ db: Database, _ scope: SupervisionScope) throws -> ClosedRange<Int64>? {
    let row = try Row.fetchOne(
      db, sql: "SELECT min(id), max(id) FROM visit WHERE day BETWEEN ? AND ?",
      arguments: [scope.firstDay, scope.lastDay])
    guard let low: Int64 = row?[0], let high: Int64 = row?[1] else { return nil }
    return low...high
  }
}
