import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// The home screen in one read: the day's counters and the site's queue, the counters' waiting and
  /// in-service figures counted on the queue's own rows (so « En attente » is the panel's length).
  public func deskDay(_ workplace: Workplace, day: Int) throws -> DeskDay {
    try StoreErrors.run("Lecture des compteurs") {
      try writer.read { db in
        let queue = try Self.openVisits(db, siteID: workplace.siteID, upTo: day)
        return DeskDay(
          counters: try Self.counters(db, workplace, day: day, queue: queue), queue: queue)
      }
    }
  }

  /// A person who left before anyone took them: closed « parti sans être reçu » now, in one transaction
  /// that also reads the site's queue back. Refused when a desk took them meanwhile or the visit is closed.
  public func markLeftUnseen(visitID: Int64, at date: Date, by caller: Caller) throws -> [Visit] {
    try StoreErrors.run("Départ sans prise en charge") {
      try writer.write { db in
        try caller.require(.codeVisit, in: db)
        guard var record = try VisitRecord.fetchOne(db, key: visitID) else {
          throw UserError(VisitRecord.missing)
        }
        if record.closedAt != nil { throw UserError("Cette visite est déjà clôturée.") }
        if record.startedAt != nil {
          throw UserError(try Self.takenMessage(db, deskID: record.deskID))
        }
        try Self.closeUnseen(db, &record, at: max(date, record.arrivedAt))
        return try Self.openVisits(db, siteID: record.siteID)
      }
    }
  }

  /// Arrivals of a day that is over and that nobody took: closed « parti sans être reçu » at the end of
  /// their day (or `now`, if earlier), at every site, in one transaction. Run at every console start and day
  /// change and by `guichet purge`, so the next morning's queue is empty and no wait of a night is recorded.
  /// Returns how many were closed.
  @discardableResult
  public func closeStaleArrivals(now: Date) throws -> Int {
    try StoreErrors.run("Clôture des arrivées de la veille") {
      try writer.write { db in
        let records = try VisitRecord.filter(
          sql: "closed_at IS NULL AND started_at IS NULL AND day < ?",
          arguments: [Day.number(of: now)]
        ).fetchAll(db)
        for var record in records {
          let end = LocalDate(number: record.day).map {
            LocalClock.startOfDay($0.adding(days: 1)).addingTimeInterval(-1)
          }
          try Self.closeUnseen(db, &record, at: max(record.arrivedAt, min(now, end ?? now)))
        }
        return records.count
      }
    }
  }

  static func closeUnseen(_ db: Database, _ record: inout VisitRecord, at date: Date) throws {
    record.closedAt = date
    record.outcome = Outcome.leftUnseen.rawValue
    record.reason = nil
    try record.update(db, columns: ["closed_at", "outcome", "reason"])
  }
}
