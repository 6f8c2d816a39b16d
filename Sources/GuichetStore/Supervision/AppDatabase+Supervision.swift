import Foundation
import GRDB
import GuichetCore

/// What supervisors read: every indicator over a period and filter, in one read transaction so the figures
/// agree with each other. Returns aggregates and names of places only, never a person.
extension AppDatabase {
  /// Supervisors and administrators only (`Permission.readSupervision`).
  public func supervisionFigures(
    period: SupervisionPeriod, filter: SupervisionFilter = .init(), by caller: Caller
  ) throws -> SupervisionFigures {
    try StoreErrors.run("Lecture des indicateurs") {
      try writer.read { db in
        try caller.require(.readSupervision, in: db)
        let scope = SupervisionScope(period, filter)
        var figures = SupervisionFigures(
          period: period, filter: filter, names: try Self.supervisionNames(db))
        try Volumes.fill(&figures, db, scope)
        try Continuity.fill(&figures, db, scope)
        try DeskWait.fill(&figures, db, scope)
        try Satisfaction.fill(&figures, db, scope)
        try UnmetDemand.fill(&figures, db, scope)
        try TopConsulted.fill(&figures, db, scope)
        return figures
      }
    }
  }

  public func supervisionNames(by caller: Caller) throws -> SupervisionNames {
    try StoreErrors.run("Lecture des sites et territoires") {
      try writer.read { db in
        try caller.require(.readSupervision, in: db)
        return try Self.supervisionNames(db)
      }
    }
  }

  static func supervisionNames(_ db: Database) throws -> SupervisionNames {
    func names(_ sql: String) throws -> [String: String] {
      Dictionary(
        try Row.fetchAll(db, sql: sql).map { ($0[0] as String, $0[1] as String) },
        uniquingKeysWith: { a, _ in a })
    }
    return SupervisionNames(
      sites: try names("SELECT CAST(id AS TEXT), name FROM site"),
      desks: try names(
        "SELECT CAST(desk.id AS TEXT), site.name || ' · ' || desk.name FROM desk JOIN site ON site.id = desk.site_id"
      ),
      territories: try names("SELECT CAST(id AS TEXT), name FROM territory"),
      deskSites: try names("SELECT CAST(id AS TEXT), CAST(site_id AS TEXT) FROM desk"))
  }

  /// Records the optional 1–5 satisfaction score of a closed visit (nil erases it): part of the visit's coding.
  public func recordSatisfaction(_ score: Int?, visitID: Int64, by caller: Caller) throws {
    if let score, !(1...5).contains(score) {
      throw UserError("La note de satisfaction va de 1 à 5.")
    }
    try StoreErrors.run("Enregistrement de la satisfaction") {
      try writer.write { db in
        try caller.require(.codeVisit, in: db)
        try db.execute(
          sql: "UPDATE visit SET satisfaction = ? WHERE id = ? AND closed_at IS NOT NULL",
          arguments: [score, visitID])
        guard db.changesCount == 1 else {
          throw UserError("La satisfaction se note sur une visite clôturée.")
        }
      }
    }
  }

  /// Sets the delay within which a territory aims to give an appointment (days).
  public func setTargetDelay(
    days: Int, territoryID: Int64, by caller: Caller, at now: Date = Date()
  ) throws {
    try setSupervisionTarget(
      "UPDATE territory SET target_delay_days = ? WHERE id = ?", by: caller, value: days,
      range: SupervisionTargetRange.targetDelayDays,
      id: territoryID, outOfRange: "Le délai cible va de 1 à 365 jours.",
      unknown: "Territoire inconnu.", audit: .targetDelaySet, subject: "territory", at: now)
  }

  /// Sets the wait a site announces to the people who arrive (minutes).
  public func setAnnouncedWait(
    minutes: Int, siteID: Int64, by caller: Caller, at now: Date = Date()
  ) throws {
    try setSupervisionTarget(
      "UPDATE site SET announced_wait_minutes = ? WHERE id = ?", by: caller, value: minutes,
      range: SupervisionTargetRange.announcedWaitMinutes,
      id: siteID, outOfRange: "L'attente annoncée va de 1 à 240 minutes.", unknown: "Site inconnu.",
      audit: .announcedWaitSet, subject: "site", at: now)
  }

  /// Supervisors and administrators (`Permission.setSupervisionTargets`).
  func setSupervisionTarget(
    _ sql: String, by caller: Caller, value: Int, range: ClosedRange<Int>, id: Int64,
    outOfRange: String, unknown: String, audit: AuditAction, subject: String, at now: Date
  ) throws {
    guard range.contains(value) else { throw UserError(outOfRange) }
    try StoreErrors.run("Enregistrement de l'objectif") {
      try writer.write { db in
        try caller.require(.setSupervisionTargets, in: db)
        try db.execute(sql: sql, arguments: [value, id])
        guard db.changesCount == 1 else { throw UserError(unknown) }
        try AuditLog.append(
          db, by: caller, action: audit, subject: subject, subjectID: id, count: value, at: now)
      }
    }
  }
}
