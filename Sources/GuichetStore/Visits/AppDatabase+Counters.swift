import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// Today's counts for the desk and the site, grouped on the stored `day` column (indexed, no date
  /// functions per row); the median wait is computed from the site's served visits of that day.
  public func counters(for workplace: Workplace, day: Int) throws -> DayCounters {
    try StoreErrors.run("Lecture des compteurs") {
      try writer.read { db in
        let desk = try Self.counts(db, column: "desk_id", id: workplace.deskID, day: day)
        let site = try Self.counts(db, column: "site_id", id: workplace.siteID, day: day)
        let waits = try Row.fetchAll(
          db,
          sql: """
            SELECT arrived_at, started_at FROM visit
            WHERE site_id = ? AND day = ? AND started_at IS NOT NULL
            """, arguments: [workplace.siteID, day]
        ).map { row -> Int in
          let arrived: Date = row["arrived_at"]
          let started: Date = row["started_at"]
          return max(0, Int(started.timeIntervalSince(arrived).rounded()))
        }
        return DayCounters(desk: desk, site: site, medianWaitSeconds: Self.median(waits))
      }
    }
  }

  static func counts(_ db: Database, column: String, id: Int64, day: Int) throws -> VisitCounts {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT closed_at IS NOT NULL AS closed, started_at IS NOT NULL AS started, count(*) AS n
        FROM visit WHERE \(column) = ? AND day = ?
        GROUP BY 1, 2
        """, arguments: [id, day])
    var counts = VisitCounts()
    for row in rows {
      let n: Int = row["n"]
      if row["closed"] as Bool {
        counts.closed += n
      } else if row["started"] as Bool {
        counts.inService += n
      } else {
        counts.waiting += n
      }
    }
    return counts
  }

  /// Middle value; the mean of the two middle values (rounded down) for an even count.
  static func median(_ values: [Int]) -> Int? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
