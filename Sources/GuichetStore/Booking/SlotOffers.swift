import Foundation
import GRDB
import GuichetCore

/// The advisors a slot search may offer (active advisors of the active structures of these kinds serving
/// the territory, or of one structure), read once in the caller's transaction and used for every window of
/// that search, with how to describe their slots.
struct SlotOffers {
  struct Offer {
    var advisorName: String
    var structureID: Int64
    var structureName: String
    var kind: OperatorKind
    var city: String?
  }

  var offers: [Int64: Offer] = [:]
  /// The Paris day delays are counted from (J+0).
  var firstDay: LocalDate

  init(
    _ db: Database, territoryID: Int64?, operatorKinds: [OperatorKind], structureID: Int64?,
    from: Date
  ) throws {
    firstDay = LocalDate(from)
    let (conditions, arguments) = AppDatabase.offerConditions(
      territoryID: territoryID, operatorKinds: operatorKinds, structureID: structureID)
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT a.id AS advisor_id, a.display_name, s.id AS structure_id, s.name, s.kind, s.city
        FROM advisor a JOIN operator_structure s ON s.id = a.structure_id
        WHERE \(conditions.joined(separator: " AND "))
        """, arguments: StatementArguments(arguments))
    for row in rows {
      offers[row["advisor_id"]] = Offer(
        advisorName: row["display_name"], structureID: row["structure_id"],
        structureName: row["name"], kind: OperatorKind(rawValue: row["kind"]) ?? .other,
        city: row["city"])
    }
  }

  /// The end of a search `days` after its first day.
  func horizonEnd(days: Int) -> Date { LocalClock.startOfDay(firstDay.adding(days: days + 1)) }

  /// Free slots in [from, to), described.
  func slots(_ db: Database, from: Date, to: Date) throws -> [AvailableSlot] {
    guard !offers.isEmpty else { return [] }
    return try AppDatabase.freeSlots(db, advisorIDs: Array(offers.keys), from: from, to: to)
      .compactMap(describe)
  }

  /// The first `limit` free slots in [from, until), read fortnight by fortnight, so a busy year costs only
  /// the weeks it reads.
  func first(_ db: Database, _ limit: Int, from: Date, until end: Date) throws -> [AvailableSlot] {
    guard !offers.isEmpty else { return [] }
    var windowStart = from
    var found: [AvailableSlot] = []
    while windowStart < end && found.count < limit {
      let windowEnd = min(end, LocalClock.startOfDay(LocalDate(windowStart).adding(days: 14)))
      found += try slots(db, from: windowStart, to: windowEnd)
      windowStart = windowEnd
    }
    return Array(found.prefix(limit))
  }

  func describe(_ slot: Slot) -> AvailableSlot? {
    guard let offer = offers[slot.advisorID] else { return nil }
    return AvailableSlot(
      slot: slot, advisorName: offer.advisorName, structureID: offer.structureID,
      structureName: offer.structureName, operatorKind: offer.kind,
      delayDays: firstDay.days(until: slot.date), structureCity: offer.city)
  }
}
