import Foundation
import GRDB
import GuichetCore

/// The `absence` row.
struct AbsenceRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "absence"
  var id: Int64?
  var advisorID: Int64
  var startsAt: Date
  var endsAt: Date
  var reason: String

  enum CodingKeys: String, CodingKey {
    case id
    case advisorID = "advisor_id"
    case startsAt = "starts_at"
    case endsAt = "ends_at"
    case reason
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  init(_ absence: Absence) {
    id = absence.id
    advisorID = absence.advisorID
    startsAt = absence.startsAt
    endsAt = absence.endsAt
    reason = absence.reason.rawValue
  }

  var absence: Absence {
    Absence(
      id: id, advisorID: advisorID, startsAt: startsAt, endsAt: endsAt,
      reason: AbsenceReason(rawValue: reason) ?? .other)
  }
}
