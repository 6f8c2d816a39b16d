import Foundation
import GRDB
import GuichetCore

/// The `appointment` row. `day` (Paris, `yyyymmdd`) and `delay_days` are computed at write time for agendas and reports.
struct AppointmentRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "appointment"
  var id: Int64?
  var reference: String
  var advisorID: Int64
  var startsAt: Date
  var endsAt: Date
  var seat: Int
  var day: Int
  var place: String
  var visitID: Int64
  var consentID: Int64
  var deskID: Int64
  var delayDays: Int
  var routingOverride: String?
  var status: String
  var statusAt: Date?
  var cancelledAt: Date?
  var createdAt: Date

  enum CodingKeys: String, CodingKey {
    case id, reference
    case advisorID = "advisor_id"
    case startsAt = "starts_at"
    case endsAt = "ends_at"
    case seat, day, place
    case visitID = "visit_id"
    case consentID = "consent_id"
    case deskID = "desk_id"
    case delayDays = "delay_days"
    case routingOverride = "routing_override"
    case status
    case statusAt = "status_at"
    case cancelledAt = "cancelled_at"
    case createdAt = "created_at"
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  func appointment(structureID: Int64) -> Appointment? {
    guard let reference = try? BookingReference(parsing: reference) else { return nil }
    return Appointment(
      id: id, reference: reference, advisorID: advisorID, structureID: structureID,
      startsAt: startsAt, endsAt: endsAt, place: AppointmentPlace(rawValue: place) ?? .onSite,
      seat: seat, visitID: visitID, consentID: consentID, deskID: deskID, delayDays: delayDays,
      routingOverride: routingOverride.flatMap(RoutingOverride.init(rawValue:)),
      status: AppointmentStatus(rawValue: status) ?? .booked, statusAt: statusAt,
      cancelledAt: cancelledAt, createdAt: createdAt)
  }
}
