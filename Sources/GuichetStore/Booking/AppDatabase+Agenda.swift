import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// A structure's appointments over `days` Paris days from `first` (1 for a day, 7 for a week from its Monday),
  /// in time order, with the handover note, and the contact (while consent holds) only where the caller may see
  /// it. Cancelled ones only when asked. An advisor opens their own structure's agenda only; a supervisor none.
  public func agenda(
    structureID: Int64, from first: LocalDate, days: Int = 1, includeCancelled: Bool = false,
    by caller: Caller, at date: Date = Date()
  ) throws -> [AgendaEntry] {
    try StoreErrors.run("Lecture de l'agenda") {
      try writer.write { db in
        try Self.requireAgenda(db, caller, structureID: structureID)
        return try Self.agendaEntries(
          db,
          where: """
            ad.structure_id = ? AND a.day >= ? AND a.day < ? \(includeCancelled ? "" : "AND a.cancelled_at IS NULL")
            """,
          arguments: [structureID, first.number, first.adding(days: max(days, 1)).number],
          by: caller, at: date)
      }
    }
  }

  /// One advisor's appointments of one Paris day, under the same rules.
  public func agenda(
    advisorID: Int64, day: LocalDate, includeCancelled: Bool = false, by caller: Caller,
    at date: Date = Date()
  ) throws -> [AgendaEntry] {
    try StoreErrors.run("Lecture de l'agenda") {
      try writer.write { db in
        let structureID = try Int64.fetchOne(
          db, sql: "SELECT structure_id FROM advisor WHERE id = ?", arguments: [advisorID])
        try Self.requireAgenda(db, caller, structureID: structureID)
        return try Self.agendaEntries(
          db,
          where:
            "a.advisor_id = ? AND a.day = ? \(includeCancelled ? "" : "AND a.cancelled_at IS NULL")",
          arguments: [advisorID, day.number], by: caller, at: date)
      }
    }
  }

  /// One page of the agenda screen in one transaction: the day, the week or the backlog of `query`'s
  /// structure (cancelled ones included, as the screen shows them), of its advisor only when it names one
  /// (filtered in SQL), each handover note completed with the métiers consulted during the visit, and their
  /// titles. The rules are those of `agenda(structureID:…)` and `unfilledAppointments`.
  public func agendaPage(_ query: AgendaQuery, by caller: Caller, at now: Date = Date()) throws
    -> AgendaPage
  {
    var condition: String
    var arguments: StatementArguments
    switch query.mode {
    case .day, .week:
      condition = "ad.structure_id = ? AND a.day >= ? AND a.day < ?"
      arguments = [
        query.structureID, query.firstDay.number,
        query.firstDay.adding(days: query.mode == .week ? 7 : 1).number,
      ]
    case .backlog:
      condition = "ad.structure_id = ? AND a.status = 'booked' AND a.ends_at <= ?"
      arguments = [query.structureID, now]
    }
    if let advisorID = query.advisorID {
      condition += " AND a.advisor_id = ?"
      arguments += [advisorID]
    }
    return try StoreErrors.run("Lecture de l'agenda") {
      try writer.write { db in
        try Self.requireAgenda(db, caller, structureID: query.structureID)
        var entries = try Self.agendaEntries(
          db, where: condition, arguments: arguments, by: caller, at: now)
        let consulted = try Self.consultedOccupations(
          db, visitIDs: Array(Set(entries.map(\.appointment.visitID))))
        var titles: [String: String] = [:]
        for index in entries.indices {
          let found = consulted[entries[index].appointment.visitID] ?? []
          entries[index].handover.occupationCodes = found.map(\.code)
          for item in found { titles[item.code] = item.title }
        }
        return AgendaPage(query: query, entries: entries, occupationTitles: titles)
      }
    }
  }

  /// Past appointments whose status was never filled in (still « prévu » after their end), oldest first;
  /// one structure's, or every structure's when nil (an advisor's own structure's for an advisor).
  public func unfilledAppointments(
    structureID: Int64? = nil, now: Date = Date(), by caller: Caller
  ) throws -> [AgendaEntry] {
    let structureID = caller.role == .advisor ? (structureID ?? caller.structureID) : structureID
    return try StoreErrors.run("Lecture des rendez-vous à compléter") {
      try writer.write { db in
        try Self.requireAgenda(db, caller, structureID: structureID)
        return try Self.agendaEntries(
          db,
          where: "a.status = 'booked' AND a.ends_at <= ? AND (? IS NULL OR ad.structure_id = ?)",
          arguments: [now, structureID, structureID], by: caller, at: now)
      }
    }
  }

  /// `Permission.readAgenda`: supervisors see aggregates, never an agenda; advisors their own structure's only.
  static func requireAgenda(_ db: Database, _ caller: Caller, structureID: Int64?) throws {
    try caller.require(.readAgenda, in: db)
    if caller.role == .advisor && !caller.isCommandLine {
      guard let own = caller.structureID, structureID == own else {
        throw UserError("Accès refusé : un conseiller ne consulte que l'agenda de sa structure.")
      }
    }
  }

  /// The rows are only those `AppointmentAccess` lets the caller read, whatever `condition` asks, and the
  /// contact columns are joined only where `ContactAccess` lets the caller see them; each contact returned
  /// is audited. The caller passed `requireAgenda` in this transaction.
  static func agendaEntries(
    _ db: Database, where condition: String, arguments: StatementArguments, by caller: Caller,
    at date: Date
  ) throws -> [AgendaEntry] {
    let (readable, readableArguments) = AppointmentAccess.readable(caller)
    let (visible, visibleArguments) = ContactAccess.condition(caller, consent: "cs")
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT a.*, ad.display_name AS advisor_name, ad.structure_id AS structure_id,
          s.name AS structure_name, v.public_category AS v_public, v.age_band AS v_age, v.day AS v_day,
          t.name AS v_territory,
          c.id AS c_id, c.first_name AS c_first, c.last_name AS c_last, c.phone AS c_phone, c.email AS c_email
        FROM appointment a
        JOIN advisor ad ON ad.id = a.advisor_id
        JOIN operator_structure s ON s.id = ad.structure_id
        JOIN visit v ON v.id = a.visit_id
        LEFT JOIN territory t ON t.id = v.territory_id
        JOIN consent cs ON cs.id = a.consent_id
        LEFT JOIN contact c ON c.consent_id = a.consent_id AND \(visible)
        WHERE (\(condition)) AND \(readable)
        ORDER BY a.starts_at, ad.display_name COLLATE french, a.seat
        """, arguments: visibleArguments + arguments + readableArguments)
    for id in rows.compactMap({ $0["c_id"] as Int64? }) {
      try AuditLog.appendContactRead(db, by: caller, contactID: id, at: date)
    }
    return try rows.compactMap { row -> AgendaEntry? in
      let record = try AppointmentRecord(row: row)
      guard let appointment = record.appointment(structureID: row["structure_id"]) else {
        return nil
      }
      let requests = try String.fetchAll(
        db, sql: "SELECT request_kind FROM visit_request WHERE visit_id = ? ORDER BY request_kind",
        arguments: [record.visitID]
      ).compactMap(RequestKind.init(rawValue:))
      let contact: Contact? =
        (row["c_id"] as Int64?).map { id in
          Contact(
            id: id, consentID: record.consentID, firstName: row["c_first"], lastName: row["c_last"],
            phone: (row["c_phone"] as String?).flatMap { try? PhoneNumber(parsing: $0) },
            email: (row["c_email"] as String?).flatMap { try? EmailAddress(parsing: $0) })
        }
      return AgendaEntry(
        appointment: appointment, advisorName: row["advisor_name"],
        structureName: row["structure_name"], contact: contact,
        handover: Handover(
          publicCategory: PublicCategory(rawValue: row["v_public"]) ?? .notSaid,
          ageBand: AgeBand(rawValue: row["v_age"]) ?? .notSaid, requestKinds: requests,
          visitDay: LocalDate(number: row["v_day"]), territoryName: row["v_territory"]))
    }
  }
}
