import Foundation
import GRDB
import GuichetCore

/// The `appointment` row. `day` (Paris, `yyyymmdd`) and `delay_days` are computed at write time for agendas and reports.
struct AppointmentRecord: Codable, Sendable, StoredRecord {
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
  var sequence: Int

  func appointment(structureID: Int64) -> Appointment? {
    guard let reference = try? BookingReference(parsing: reference) else { return nil }
    return Appointment(
      id: id, reference: reference, advisorID: advisorID, structureID: structureID,
      startsAt: startsAt, endsAt: endsAt, place: AppointmentPlace(rawValue: place) ?? .onSite,
      seat: seat, visitID: visitID, consentID: consentID, deskID: deskID, delayDays: delayDays,
      routingOverride: routingOverride.flatMap(RoutingOverride.init(rawValue:)),
      status: AppointmentStatus(rawValue: status) ?? .booked, statusAt: statusAt,
      cancelledAt: cancelledAt, createdAt: createdAt, sequence: sequence)
  }
}
