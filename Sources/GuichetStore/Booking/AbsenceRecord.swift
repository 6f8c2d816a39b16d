import Foundation
import GRDB
import GuichetCore

/// The `absence` row.
struct AbsenceRecord: Codable, Sendable, StoredRecord {
  static let databaseTableName = "absence"
  var id: Int64?
  var advisorID: Int64
  var startsAt: Date
  var endsAt: Date
  var reason: String

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
