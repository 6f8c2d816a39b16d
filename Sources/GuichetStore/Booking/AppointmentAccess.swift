import GRDB
import GuichetCore

/// The row-level part of `Permission` for appointments, as SQL conditions on the appointment's advisor (`ad`)
/// and consent (`cs`), so an advisor's query never returns another structure's appointment and a change
/// never reaches a row the caller may not touch.
enum AppointmentAccess {
  /// Appointments the caller may read (without their contact, which `ContactAccess` filters on its own):
  /// an advisor their structure's only. The caller has passed `require(.readAgenda, in:)` in the same
  /// transaction before.
  static func readable(_ caller: Caller, advisor alias: String = "ad") -> (
    String, StatementArguments
  ) {
    caller.role == .advisor && !caller.isCommandLine
      ? ownStructure(caller, advisor: alias) : ("1", [])
  }

  /// Appointments the caller may cancel, move, or mark (`permission` is `.changeAppointment` or
  /// `.recordAttendance`, already required in the same transaction): an agent those booked under a consent
  /// they took, an advisor their structure's.
  static func changeable(_ caller: Caller, advisor: String = "ad", consent: String = "cs") -> (
    String, StatementArguments
  ) {
    if caller.isCommandLine { return ("1", []) }
    return rows(caller, advisor: advisor, consent: consent)
  }

  static func rows(_ caller: Caller, advisor: String, consent: String) -> (
    String, StatementArguments
  ) {
    switch caller.role {
    case .agent:
      guard let account = caller.accountID else { return ("0", []) }
      return ("\(consent).account_id = ?", [account])
    case .advisor:
      return ownStructure(caller, advisor: advisor)
    case .supervisor, .administrator:
      return ("0", [])
    }
  }

  static func ownStructure(_ caller: Caller, advisor alias: String) -> (String, StatementArguments)
  {
    guard let structure = caller.structureID else { return ("0", []) }
    return ("\(alias).structure_id = ?", [structure])
  }

  /// `Permission.publishAvailability` for an opening rule or absence (`table`), checked once in the writing
  /// transaction: an advisor may only change those of their own structure's advisors, both the advisor the
  /// row is for (`advisorID`, on a save) and the one an existing row (`id`) belongs to.
  static func requireAvailability(
    _ db: Database, _ caller: Caller, advisorID: Int64? = nil, in table: String, id: Int64?
  ) throws {
    try caller.require(.publishAvailability, in: db)
    guard caller.role == .advisor && !caller.isCommandLine else { return }
    var advisors = advisorID.map { [$0] } ?? []
    if let id {
      advisors.append(
        contentsOf: try Int64.fetchAll(
          db, sql: "SELECT advisor_id FROM \(table) WHERE id = ?", arguments: [id]))
    }
    for advisor in advisors {
      let structure = try Int64.fetchOne(
        db, sql: "SELECT structure_id FROM advisor WHERE id = ?", arguments: [advisor])
      guard let own = caller.structureID, structure == own else {
        throw UserError(
          "Accès refusé : un conseiller ne modifie que les plages et absences de sa structure.")
      }
    }
  }

  /// The refusal of a row the caller's role may change in general but not this one.
  static let refused =
    "Accès refusé : ce rendez-vous a été pris par un autre agent d'accueil ou relève d'une autre structure."

  /// Whether `caller` may change this appointment, in the caller's transaction.
  static func mayChange(_ db: Database, _ caller: Caller, appointmentID: Int64) throws -> Bool {
    let (condition, arguments) = changeable(caller)
    return try Bool.fetchOne(
      db,
      sql: """
        SELECT 1 FROM appointment a JOIN advisor ad ON ad.id = a.advisor_id
        JOIN consent cs ON cs.id = a.consent_id
        WHERE a.id = ? AND \(condition)
        """, arguments: [appointmentID] + arguments) ?? false
  }
}
