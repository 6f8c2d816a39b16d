import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// The detail of the appointment with this reference, read whole in one transaction (appointment,
  /// structure, advisor, visit, consent and contact never from two moments), if the caller may read it.
  /// The contact shows only to a caller `ContactAccess` lets see it, and is audited when it does; a withdrawn
  /// consent reads as erased. It is a write transaction for that audit entry.
  public func appointmentDetail(
    reference: BookingReference, by caller: Caller, at date: Date = Date()
  ) throws -> AppointmentDetail? {
    try StoreErrors.run("Lecture du rendez-vous") {
      try writer.write { db in
        try Self.appointmentDetails(
          db, where: "a.reference = ?", [reference.value], by: caller, at: date
        ).first
      }
    }
  }

  /// The details of the appointments booked from a visit, oldest first, among those the caller may read,
  /// under the same rules and in one transaction.
  public func appointmentDetails(visitID: Int64, by caller: Caller, at date: Date = Date()) throws
    -> [AppointmentDetail]
  {
    try StoreErrors.run("Lecture des rendez-vous") {
      try writer.write { db in
        try Self.appointmentDetails(db, where: "a.visit_id = ?", [visitID], by: caller, at: date)
      }
    }
  }

  /// Cancels (`cancel(reference:as:by:now:)`'s rules) and returns the detail as the write left it, read in
  /// the same transaction.
  public func cancelledDetail(
    reference: BookingReference, as status: AppointmentStatus, by caller: Caller,
    now: Date = Date()
  ) throws -> AppointmentDetail {
    try Self.requireCancellation(status)
    return try setStatus(reference: reference, to: status, by: caller, .changeAppointment, now: now)
    {
      db, record in try Self.readBack(db, record, by: caller, at: now)
    }
  }

  /// Moves (`reschedule(reference:to:by:now:)`'s rules, the lost race's next free slots included) and
  /// returns the detail at its new time, read in the same transaction.
  public func rescheduledDetail(
    reference: BookingReference, to slot: Slot, by caller: Caller, now: Date = Date()
  ) throws -> AppointmentDetail {
    try reschedule(reference: reference, to: slot, by: caller, now: now) { db, record in
      try Self.readBack(db, record, by: caller, at: now)
    }
  }

  /// Withdraws the consent (`withdrawConsent(id:by:at:)`'s rules) and returns the detail of the appointment
  /// shown, read in the same transaction: revoked, its contact erased.
  public func withdrawnDetail(
    consentID: Int64, reference: BookingReference, by caller: Caller, at date: Date = Date()
  ) throws -> AppointmentDetail {
    try withdrawConsent(id: consentID, by: caller, at: date) { db in
      guard let record = try Self.appointmentRecord(db, reference: reference) else {
        throw UserError("Aucun rendez-vous ne porte la référence \(reference).")
      }
      return try Self.readBack(db, record, by: caller, at: date)
    }
  }

  /// The detail of a row just written, under the reading rules: a caller who may change it but not read it
  /// gets the refusal, and the write goes back with it.
  static func readBack(
    _ db: Database, _ record: AppointmentRecord, by caller: Caller, at date: Date
  )
    throws -> AppointmentDetail
  {
    guard
      let detail = try appointmentDetails(
        db, where: "a.id = ?", [record.id], by: caller, at: date
      ).first
    else { throw UserError("Aucun rendez-vous ne porte la référence \(record.reference).") }
    return detail
  }

  /// The appointments matching `condition` the caller may read, each with its parts, in the caller's transaction.
  static func appointmentDetails(
    _ db: Database, where condition: String, _ arguments: StatementArguments, by caller: Caller,
    at date: Date
  ) throws -> [AppointmentDetail] {
    try readableRecords(db, where: condition, arguments, by: caller)
      .map { try detail(db, $0, by: caller, at: date) }
  }

  static func detail(_ db: Database, _ record: AppointmentRecord, by caller: Caller, at date: Date)
    throws -> AppointmentDetail
  {
    let appointment = try appointment(db, record)
    guard
      let structure = try OperatorStructureRecord.fetchOne(db, key: appointment.structureID),
      let visit = try fetchVisits(db, VisitRecord.filter(key: record.visitID)).first,
      let consent = try ConsentRecord.fetchOne(db, key: record.consentID)?.consent
    else { throw UserError("Rendez-vous \(appointment.reference) incomplet dans la base.") }
    let contact: VisibleContact =
      if consent.isWithdrawn {
        .erased
      } else if try ContactAccess.mayRead(db, caller, consentID: record.consentID) {
        try auditedContact(db, consentID: record.consentID, by: caller, at: date)
          .map(VisibleContact.shown) ?? .erased
      } else {
        .hidden
      }
    return AppointmentDetail(
      appointment: appointment,
      structure: structure.structure(territoryIDs: try territoryIDs(db, structure.id)),
      advisorName: try AdvisorRecord.fetchOne(db, key: record.advisorID)?.displayName ?? "—",
      visit: visit, consent: consent, contact: contact.contact, contactHidden: contact == .hidden)
  }
}
