import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// Puts a newcomer in the site queue: waiting, nothing coded yet. Agents only (`Permission.codeVisit`).
  public func registerArrival(
    _ workplace: Workplace, channel: Channel, by caller: Caller, at date: Date
  ) throws -> Visit {
    let visit = Visit(
      siteID: workplace.siteID, deskID: workplace.deskID, channel: channel, arrivedAt: date,
      day: Day.number(of: date))
    return try save(visit, by: caller)
  }

  /// Inserts (id nil) or updates a visit and rewrites its request kinds, in one transaction. A closed visit
  /// must pass the closing rules; `day` and `month` are recomputed from the arrival time. Visits are anonymous,
  /// but they are the statistics: only the agents who receive people code them (`Permission.codeVisit`).
  public func save(_ visit: Visit, by caller: Caller) throws -> Visit {
    try Self.checkSavable(visit)
    return try StoreErrors.run("Enregistrement de la visite") {
      try writer.write { db in try Self.save(db, visit, by: caller) }
    }
  }

  /// Saves the visit the booking hangs on (`save`'s rules) and recommends operator kinds for it as saved,
  /// in one transaction: the recommendations are those of the rules at the moment of the save.
  public func prepareBooking(_ visit: Visit, by caller: Caller) throws -> (
    visit: Visit, recommendations: [Recommendation]
  ) {
    try Self.checkSavable(visit)
    return try StoreErrors.run("Préparation du rendez-vous") {
      try writer.write { db in
        let saved = try Self.save(db, visit, by: caller)
        return (saved, Routing.recommend(RoutingProfile(saved), rules: try Self.routingRules(db)))
      }
    }
  }

  /// The checks a visit passes before the write lock is taken.
  static func checkSavable(_ visit: Visit) throws {
    if visit.closedAt != nil {
      do {
        try visit.validateForClosing()
      } catch {
        throw UserError(error.message)
      }
    }
    try checkTimes(visit)
  }

  static func save(_ db: Database, _ visit: Visit, by caller: Caller) throws -> Visit {
    try caller.require(.codeVisit, in: db)
    var record = VisitRecord(visit)
    if record.ticket == nil {
      record.ticket =
        if let id = record.id {
          // A copy made before the number was given keeps the stored one (it never changes).
          try Int.fetchOne(db, sql: "SELECT ticket FROM visit WHERE id = ?", arguments: [id])
        } else {
          try nextTicket(db, siteID: record.siteID, day: record.day)
        }
    }
    try record.insertOrUpdate(db, missing: VisitRecord.missing)
    guard let id = record.id else { throw UserError("Visite enregistrée sans identifiant.") }
    try db.execute(sql: "DELETE FROM visit_request WHERE visit_id = ?", arguments: [id])
    for kind in Set(visit.requestKinds) {
      try VisitRequestRecord(visitID: id, requestKind: kind.rawValue).insert(db)
    }
    guard let saved = try fetchVisits(db, VisitRecord.filter(key: id)).first else {
      throw UserError("La visite enregistrée est introuvable.")
    }
    return saved
  }

  public func visit(id: Int64) throws -> Visit? {
    try StoreErrors.run("Lecture de la visite") {
      try writer.read { db in try Self.fetchVisits(db, VisitRecord.filter(key: id)).first }
    }
  }

  /// A desk's visits of one day, in arrival order.
  public func visits(deskID: Int64, day: Int) throws -> [Visit] {
    try StoreErrors.run("Lecture des visites") {
      try writer.read { db in
        try Self.fetchVisits(
          db,
          VisitRecord.filter(sql: "desk_id = ? AND day = ?", arguments: [deskID, day])
            .order(sql: "arrived_at, id"))
      }
    }
  }

  /// The site queue: visits waiting or in service, including unclosed ones from earlier days, oldest first.
  public func openVisits(siteID: Int64) throws -> [Visit] {
    try StoreErrors.run("Lecture de la file d'attente") {
      try writer.read { db in try Self.openVisits(db, siteID: siteID) }
    }
  }

  /// The one query of the queue, for the queue screen, the home panel and its counters.
  static func openVisits(_ db: Database, siteID: Int64, upTo day: Int? = nil) throws -> [Visit] {
    try fetchVisits(
      db,
      VisitRecord.filter(
        sql: "site_id = ? AND closed_at IS NULL AND day <= ?",
        arguments: [siteID, day ?? 99_991_231]
      ).order(sql: "arrived_at, id"))
  }

  /// The next number of the site's day: one more than the highest given (the unique index refuses a
  /// duplicate, and the write lock makes two desks take turns).
  static func nextTicket(_ db: Database, siteID: Int64, day: Int) throws -> Int {
    try Int.fetchOne(
      db, sql: "SELECT coalesce(max(ticket), 0) + 1 FROM visit WHERE site_id = ? AND day = ?",
      arguments: [siteID, day]) ?? 1
  }
}
