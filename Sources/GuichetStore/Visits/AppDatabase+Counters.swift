import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// Today's counts for the desk and the site (`deskDay` without its queue).
  public func counters(for workplace: Workplace, day: Int) throws -> DayCounters {
    try deskDay(workplace, day: day).counters
  }

  /// The day's closed visits and departures unseen, grouped on the stored `day` column (indexed, no date
  /// functions per row), with the waiting and in-service counts of `queue`; the median wait is computed from
  /// the site's served visits of that day (a person who left unseen has no start, so no wait).
  static func counters(_ db: Database, _ workplace: Workplace, day: Int, queue: [Visit]) throws
    -> DayCounters
  {
    var desk = try Self.counts(db, column: "desk_id", id: workplace.deskID, day: day)
    var site = try Self.counts(db, column: "site_id", id: workplace.siteID, day: day)
    for visit in queue {
      let waiting = visit.status == .waiting
      if waiting { site.waiting += 1 } else { site.inService += 1 }
      guard visit.deskID == workplace.deskID else { continue }
      if waiting { desk.waiting += 1 } else { desk.inService += 1 }
    }
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

  /// Closed visits and departures unseen of the day; what is still open comes from the queue.
  static func counts(_ db: Database, column: String, id: Int64, day: Int) throws -> VisitCounts {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT ifnull(outcome, '') = ? AS unseen, count(*) AS n
        FROM visit WHERE \(column) = ? AND day = ? AND closed_at IS NOT NULL
        GROUP BY 1
        """, arguments: [Outcome.leftUnseen.rawValue, id, day])
    var counts = VisitCounts()
    for row in rows {
      let n: Int = row["n"]
      if row["unseen"] as Bool { counts.leftUnseen += n } else { counts.closed += n }
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
