import GRDB
import GuichetCore

/// Fills the booking code tables from the Core enums (upsert), as the desk vocabularies are.
enum BookingVocabulary {
  static func seed(_ db: Database) throws {
    try upsert(db, "operator_kind", OperatorKind.self)
    try upsert(db, "appointment_place", AppointmentPlace.self)
    try upsert(db, "appointment_status", AppointmentStatus.self)
    try upsert(db, "absence_reason", AbsenceReason.self)
    try upsert(db, "routing_override", RoutingOverride.self)
    try upsert(db, "consent_purpose", ConsentPurpose.self)
  }

  static func upsert<Value: CodedValue>(_ db: Database, _ table: String, _ type: Value.Type) throws
  {
    for (index, value) in type.allCases.enumerated() {
      try db.execute(
        sql: """
          INSERT INTO \(table) (code, label, position) VALUES (?, ?, ?)
          ON CONFLICT(code) DO UPDATE SET label = excluded.label, position = excluded.position
          """, arguments: [value.rawValue, value.label, index + 1])
    }
  }
}
