import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  public func openingRules(advisorID: Int64) throws -> [OpeningRule] {
    try StoreErrors.run("Lecture des plages d'ouverture") {
      try writer.read { db in
        try OpeningRuleRecord.fetchAll(
          db,
          sql:
            "SELECT * FROM opening_rule WHERE advisor_id = ? ORDER BY valid_from, start_minute, id",
          arguments: [advisorID]
        ).compactMap(\.rule)
      }
    }
  }

  /// Inserts (id nil) or updates an opening rule. Existing bookings keep their times whatever the new rule says.
  /// Advisors of the structure and administrators (`Permission.publishAvailability`).
  public func saveOpeningRule(_ rule: OpeningRule, by caller: Caller) throws -> OpeningRule {
    try rule.validate()
    return try writeAvailability(
      "Enregistrement de la plage d'ouverture", in: "opening_rule", advisorID: rule.advisorID,
      id: rule.id, by: caller
    ) { db in
      var record = OpeningRuleRecord(rule)
      try record.insertOrUpdate(db, missing: "Cette plage d'ouverture n'existe plus.")
      guard let saved = record.rule else { throw UserError("Plage d'ouverture illisible.") }
      return saved
    }
  }

  public func deleteOpeningRule(id: Int64, by caller: Caller) throws {
    try writeAvailability(
      "Suppression de la plage d'ouverture", in: "opening_rule", id: id, by: caller
    ) { db in _ = try OpeningRuleRecord.deleteOne(db, key: id) }
  }

  /// One write to an advisor's availability (`table`'s row `id`, for `advisorID` on a save), in one
  /// transaction after `AppointmentAccess.requireAvailability`; a save is refused for an advisor gone.
  func writeAvailability<T>(
    _ action: String, in table: String, advisorID: Int64? = nil, id: Int64?, by caller: Caller,
    _ body: (Database) throws -> T
  ) throws -> T {
    try StoreErrors.run(action) {
      try writer.write { db in
        try AppointmentAccess.requireAvailability(
          db, caller, advisorID: advisorID, in: table, id: id)
        if let advisorID {
          try AdvisorRecord.requireExisting(db, key: advisorID, AdvisorRecord.missing)
        }
        return try body(db)
      }
    }
  }

  /// An advisor's absences ending after `from` (all of them when nil), in date order.
  public func absences(advisorID: Int64, from: Date? = nil) throws -> [Absence] {
    try StoreErrors.run("Lecture des absences") {
      try writer.read { db in
        try AbsenceRecord.fetchAll(
          db,
          sql: "SELECT * FROM absence WHERE advisor_id = ? AND ends_at > ? ORDER BY starts_at, id",
          arguments: [advisorID, from ?? Date.distantPast]
        ).map(\.absence)
      }
    }
  }

  /// Records an absence. Appointments already booked in it are not cancelled here: the agenda shows them
  /// and the structure's advisor moves them, since each person must be told (the contact is theirs to see).
  /// Advisors of the structure and administrators (`Permission.publishAvailability`).
  public func saveAbsence(_ absence: Absence, by caller: Caller) throws -> Absence {
    try absence.validate()
    return try writeAvailability(
      "Enregistrement de l'absence", in: "absence", advisorID: absence.advisorID, id: absence.id,
      by: caller
    ) { db in
      var record = AbsenceRecord(absence)
      try record.insertOrUpdate(db, missing: "Cette absence n'existe plus.")
      return record.absence
    }
  }

  public func deleteAbsence(id: Int64, by caller: Caller) throws {
    try writeAvailability("Suppression de l'absence", in: "absence", id: id, by: caller) { db in
      _ = try AbsenceRecord.deleteOne(db, key: id)
    }
  }

  /// Free slots of one advisor in [from, to), never before `now`: computed from the rules, minus holidays,
  /// absences and live bookings, on one consistent read.
  public func freeSlots(advisorID: Int64, from: Date, to: Date, now: Date = Date()) throws -> [Slot]
  {
    try StoreErrors.run("Recherche des créneaux libres") {
      try writer.read { db in
        try Self.freeSlots(db, advisorIDs: [advisorID], from: max(from, now), to: to)
      }
    }
  }

  /// The first `limit` free slots from `from` across every active advisor of the active structures of these
  /// kinds (all kinds when empty) serving the territory (every structure when nil), with the delay in days.
  /// Searches fortnight by fortnight up to `horizonDays`, so a busy year costs only the weeks it reads.
  /// `structureID` keeps one structure only: a move stays with the structure the consent was given for.
  public func nextAvailability(
    territoryID: Int64?, operatorKinds: [OperatorKind], from: Date, limit: Int = 10,
    horizonDays: Int = 180, structureID: Int64? = nil
  ) throws -> [AvailableSlot] {
    try StoreErrors.run("Recherche des prochaines disponibilités") {
      try writer.read { db in
        let offers = try SlotOffers(
          db, territoryID: territoryID, operatorKinds: operatorKinds, structureID: structureID,
          from: from)
        guard limit > 0 else { return [] }
        return try offers.first(
          db, limit, from: from, until: offers.horizonEnd(days: horizonDays))
      }
    }
  }

  /// Why ``nextAvailability(territoryID:operatorKinds:from:limit:horizonDays:structureID:)`` came back
  /// empty: no advisor of these kinds serving the territory has opening hours from that day on, or they
  /// are all taken within the horizon.
  public func noSlotReason(
    territoryID: Int64?, operatorKinds: [OperatorKind], from: Date, horizonDays: Int = 180
  ) throws -> NoSlotReason {
    try StoreErrors.run("Recherche des prochaines disponibilités") {
      try writer.read { db in
        try Self.noSlotReason(
          db, territoryID: territoryID, operatorKinds: operatorKinds, structureID: nil, from: from,
          horizonDays: horizonDays)
      }
    }
  }

  /// The reason above, in the caller's read.
  static func noSlotReason(
    _ db: Database, territoryID: Int64?, operatorKinds: [OperatorKind], structureID: Int64?,
    from: Date, horizonDays: Int
  ) throws -> NoSlotReason {
    var (conditions, arguments) = Self.offerConditions(
      territoryID: territoryID, operatorKinds: operatorKinds, structureID: structureID)
    conditions.append("(r.valid_to IS NULL OR r.valid_to >= ?)")
    arguments.append(LocalDate(from).number)
    let open = try Bool.fetchOne(
      db,
      sql: """
        SELECT EXISTS (SELECT 1 FROM opening_rule r JOIN advisor a ON a.id = r.advisor_id
          JOIN operator_structure s ON s.id = a.structure_id
          WHERE \(conditions.joined(separator: " AND ")))
        """, arguments: StatementArguments(arguments))
    if open == true { return .fullyBooked(horizonDays: horizonDays) }
    let missing = try Self.missingWithoutDirectory(
      db, territoryID: territoryID, operatorKinds: operatorKinds)
    return missing.isEmpty ? .noOpeningHours : .noOpenDirectory(missing)
  }

  /// Of these kinds, the ones no open directory publishes (Cap emploi, the CEP operator: they cannot come
  /// bundled) and of which no active structure serves the territory: a site must add its own.
  static func missingWithoutDirectory(
    _ db: Database, territoryID: Int64?, operatorKinds: [OperatorKind]
  ) throws -> [OperatorKind] {
    var missing: [OperatorKind] = []
    for kind in operatorKinds where OperatorKind.withoutOpenDirectory.contains(kind) {
      var (filters, values) = Self.offerConditions(
        territoryID: territoryID, operatorKinds: [kind], structureID: nil)
      filters.removeAll { $0 == "a.is_active" }
      let exists = try Bool.fetchOne(
        db,
        sql:
          "SELECT EXISTS (SELECT 1 FROM operator_structure s WHERE \(filters.joined(separator: " AND ")))",
        arguments: StatementArguments(values))
      if exists != true { missing.append(kind) }
    }
    return missing
  }

  /// SQL conditions on advisor `a` and structure `s` for the advisors a search may offer.
  static func offerConditions(
    territoryID: Int64?, operatorKinds: [OperatorKind], structureID: Int64?
  ) -> ([String], [any DatabaseValueConvertible]) {
    var conditions = ["s.is_active", "a.is_active"]
    var arguments: [any DatabaseValueConvertible] = []
    if let territoryID {
      conditions.append(
        "s.id IN (SELECT structure_id FROM operator_structure_territory WHERE territory_id = ?)")
      arguments.append(territoryID)
    }
    if let structureID {
      conditions.append("s.id = ?")
      arguments.append(structureID)
    }
    if !operatorKinds.isEmpty {
      conditions.append(
        "s.kind IN (\(Array(repeating: "?", count: operatorKinds.count).joined(separator: ",")))")
      arguments += operatorKinds.map(\.rawValue)
    }
    return (conditions, arguments)
  }

  /// The pure computation fed from one read: rules, absences and live bookings overlapping [from, to).
  static func freeSlots(_ db: Database, advisorIDs: [Int64], from: Date, to: Date) throws -> [Slot]
  {
    guard from < to, !advisorIDs.isEmpty else { return [] }
    let inList = Array(repeating: "?", count: advisorIDs.count).joined(separator: ",")
    let ids = StatementArguments(advisorIDs)
    let rules = try OpeningRuleRecord.fetchAll(
      db,
      sql: """
        SELECT * FROM opening_rule WHERE advisor_id IN (\(inList))
          AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
        """,
      arguments: ids + [LocalDate(to).number, LocalDate(from).number]
    ).compactMap(\.rule)
    guard !rules.isEmpty else { return [] }
    let absences = try AbsenceRecord.fetchAll(
      db,
      sql:
        "SELECT * FROM absence WHERE advisor_id IN (\(inList)) AND starts_at < ? AND ends_at > ?",
      arguments: ids + [to, from]
    ).map(\.absence)
    let bookings = try Self.liveBookings(db, advisorIDs: advisorIDs, from: from, to: to)
    return SlotCalculator.freeSlots(
      rules: rules, absences: absences, bookings: bookings, from: from, to: to)
  }

  /// Live bookings overlapping [from, to). No appointment lasts a day, so the index range starts a day earlier.
  /// Times come back as epoch milliseconds computed by SQLite: parsing thousands of date strings in Swift
  /// cost more than the rest of a four-week availability search.
  static func liveBookings(_ db: Database, advisorIDs: [Int64], from: Date, to: Date) throws
    -> [BookedTime]
  {
    let inList = Array(repeating: "?", count: advisorIDs.count).joined(separator: ",")
    let epochMilliseconds = { (column: String) in
      "CAST(round((julianday(\(column)) - 2440587.5) * 86400000.0) AS INTEGER)"
    }
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT advisor_id, \(epochMilliseconds("starts_at")), \(epochMilliseconds("ends_at"))
        FROM appointment
        WHERE advisor_id IN (\(inList)) AND cancelled_at IS NULL
          AND starts_at >= ? AND starts_at < ? AND ends_at > ?
        """,
      arguments: StatementArguments(advisorIDs) + [from.addingTimeInterval(-86_400), to, from])
    var bookings: [BookedTime] = []
    while let row = try rows.next() {
      bookings.append(
        BookedTime(
          advisorID: row[0],
          startsAt: Date(timeIntervalSince1970: Double(row[1] as Int64) / 1000),
          endsAt: Date(timeIntervalSince1970: Double(row[2] as Int64) / 1000)))
    }
    return bookings
  }
}
