import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// Books a slot: every check and the insert run in ONE write transaction (GRDB's `write` is
  /// IMMEDIATE, so no other desk writes in between), backed by the unique index on live seats.
  /// - A reference already booked for this visit returns that booking: a retry after a crash books nothing twice.
  /// - The loser of a race gets `SlotTakenError` with the advisor's next free slots; nothing is written.
  /// - Everything else (past slot, slot outside the rules, advisor removed, consent withdrawn) is a French `UserError`.
  /// The desk is the one the consent was taken at; the visit's outcome becomes « rendez-vous pris ».
  /// Only the agent who took the consent (or the command line) books under it; the booking is audited.
  /// The person's contact is written in the same transaction, after the appointment: a refusal, a lost race
  /// or a crash leaves neither (the schema refuses a contact no appointment hangs on).
  public func book(
    reference: BookingReference, slot: Slot, visitID: Int64, consentID: Int64,
    contact: Contact? = nil, override: RoutingOverride? = nil, by caller: Caller, now: Date = Date()
  ) throws -> Appointment {
    try BookingErrors.run("Réservation du créneau") {
      try offeringNextFree(after: slot, now: now) {
        try writer.write { db in
          try caller.require(.book, in: db)
          // The account row was just read; the contact only adds a role check.
          if contact != nil { try caller.require(.writeContact) }
          guard try ContactAccess.mayWrite(db, caller, consentID: consentID) else {
            throw UserError(
              "Accès refusé : ce consentement a été recueilli par un autre agent d'accueil.")
          }
          if let existing = try Self.appointmentRecord(db, reference: reference) {
            guard existing.visitID == visitID else {
              throw UserError(
                "La référence \(reference) est déjà celle d'un autre rendez-vous : recommencez la réservation."
              )
            }
            return try Self.appointment(db, existing)
          }
          let context = try Self.bookingContext(
            db, slot: slot, visitID: visitID, consentID: consentID, now: now)
          let seat = try Self.freeSeat(db, slot: slot, excluding: nil, now: now)
          var record = AppointmentRecord(
            id: nil, reference: reference.value, advisorID: slot.advisorID, startsAt: slot.startsAt,
            endsAt: slot.endsAt, seat: seat, day: slot.date.number, place: slot.place.rawValue,
            visitID: visitID, consentID: consentID, deskID: context.deskID,
            delayDays: context.visitDay.days(until: slot.date), routingOverride: override?.rawValue,
            status: AppointmentStatus.booked.rawValue, statusAt: nil, cancelledAt: nil,
            createdAt: now, sequence: 0
          )
          try Self.insertOrSlotTaken(db, &record, slot: slot, now: now)
          // The consent (live, the caller's) was checked above by `mayWrite` and `bookingContext`.
          if let contact {
            _ = try Self.storeContact(db, contact, consentID: consentID, by: caller, at: now)
          }
          try db.execute(
            sql: "UPDATE visit SET outcome = ?, reason = ? WHERE id = ?",
            arguments: [Visit.bookedOutcome.rawValue, Visit.bookedReason?.rawValue, visitID])
          try AuditLog.append(
            db, by: caller, action: .appointmentBooked, subject: "appointment",
            subjectID: record.id, at: now)
          return try Self.appointment(db, record)
        }
      }
    }
  }

  /// « Est-ce que c'est passé ? »: the booking with this reference, if it was committed and the caller may
  /// read it (an advisor's own structure's only: another structure's reads as unknown).
  public func appointment(reference: BookingReference, by caller: Caller) throws -> Appointment? {
    try appointments(where: "a.reference = ?", [reference.value], by: caller).first
  }

  /// Appointments booked from a visit, oldest first, among those the caller may read.
  public func appointments(visitID: Int64, by caller: Caller) throws -> [Appointment] {
    try appointments(where: "a.visit_id = ?", [visitID], by: caller)
  }

  func appointments(where condition: String, _ arguments: StatementArguments, by caller: Caller)
    throws -> [Appointment]
  {
    try StoreErrors.run("Lecture des rendez-vous") {
      try writer.read { db in
        try Self.readableRecords(db, where: condition, arguments, by: caller)
          .map { try Self.appointment(db, $0) }
      }
    }
  }

  /// The appointment rows matching `condition` the caller may read (`AppointmentAccess`), oldest first;
  /// `Permission.readAgenda` is checked here, in the caller's transaction.
  static func readableRecords(
    _ db: Database, where condition: String, _ arguments: StatementArguments, by caller: Caller
  ) throws -> [AppointmentRecord] {
    try caller.require(.readAgenda, in: db)
    let (readable, readableArguments) = AppointmentAccess.readable(caller)
    return try AppointmentRecord.fetchAll(
      db,
      sql: """
        SELECT a.* FROM appointment a JOIN advisor ad ON ad.id = a.advisor_id
        WHERE \(condition) AND \(readable) ORDER BY a.id
        """, arguments: arguments + readableArguments)
  }

  /// Moves a booked appointment to another slot, keeping its reference, in one transaction. The new slot
  /// may be with another advisor of the structure the consent was given for. Losing a race leaves it where it was.
  /// The agent who booked it or an advisor of its structure may; the move is audited.
  public func reschedule(
    reference: BookingReference, to slot: Slot, by caller: Caller, now: Date = Date()
  ) throws -> Appointment {
    try reschedule(reference: reference, to: slot, by: caller, now: now, then: Self.appointment)
  }

  /// The move, then `read` of the row as it stands, in the same transaction.
  func reschedule<T>(
    reference: BookingReference, to slot: Slot, by caller: Caller, now: Date,
    then read: (Database, AppointmentRecord) throws -> T
  ) throws -> T {
    try BookingErrors.run("Déplacement du rendez-vous") {
      try offeringNextFree(after: slot, now: now) {
        try writer.write { db in
          var record = try Self.changeableRecord(
            db, reference: reference, by: caller, .changeAppointment)
          guard record.status == AppointmentStatus.booked.rawValue else {
            let status =
              AppointmentStatus(rawValue: record.status)?.label.lowercased() ?? record.status
            throw UserError("Ce rendez-vous ne peut plus être déplacé : il est « \(status) ».")
          }
          if record.advisorID == slot.advisorID && record.startsAt == slot.startsAt
            && record.endsAt == slot.endsAt
          {
            return try read(db, record)
          }
          let context = try Self.bookingContext(
            db, slot: slot, visitID: record.visitID, consentID: record.consentID, now: now)
          let seat = try Self.freeSeat(db, slot: slot, excluding: record.id, now: now)
          record.advisorID = slot.advisorID
          record.startsAt = slot.startsAt
          record.endsAt = slot.endsAt
          record.seat = seat
          record.day = slot.date.number
          record.place = slot.place.rawValue
          record.delayDays = context.visitDay.days(until: slot.date)
          record.sequence += 1
          do {
            try record.update(db)
          } catch let error as DatabaseError where BookingErrors.isSlotConflict(error) {
            throw SlotTakenError(nextFree: [])
          }
          try AuditLog.append(
            db, by: caller, action: .appointmentMoved, subject: "appointment",
            subjectID: record.id, at: now)
          return try read(db, record)
        }
      }
    }
  }

  /// Cancels a booked appointment: `.excused` when the person cancels, `.revoked` when the service does.
  /// The slot is free again at once (the unique index only covers live bookings). Cancelling twice the same way is a no-op.
  /// The agent who booked it or an advisor of its structure may; the cancellation is audited.
  public func cancel(
    reference: BookingReference, as status: AppointmentStatus, by caller: Caller,
    now: Date = Date()
  ) throws -> Appointment {
    try Self.requireCancellation(status)
    return try setStatus(
      reference: reference, to: status, by: caller, .changeAppointment, now: now,
      then: Self.appointment)
  }

  static func requireCancellation(_ status: AppointmentStatus) throws {
    guard status.isCancellation else {
      throw UserError("Une annulation est « annulé par la personne » ou « annulé par le service ».")
    }
  }

  /// The advisor records what happened: seen from the appointment's day on (a person may arrive early),
  /// no-show once its time has come.
  /// A status can be corrected between seen and no-show; a cancelled appointment stays cancelled.
  /// Advisors of the appointment's structure only; the mark is audited.
  public func recordAttendance(
    reference: BookingReference, as status: AppointmentStatus, by caller: Caller,
    now: Date = Date()
  ) throws -> Appointment {
    guard status.isAttendance else {
      throw UserError("Indiquez si la personne a été reçue ou était absente.")
    }
    return try setStatus(
      reference: reference, to: status, by: caller, .recordAttendance, now: now,
      then: Self.appointment)
  }

  /// The status change, then `read` of the row as it stands, in the same transaction.
  func setStatus<T>(
    reference: BookingReference, to status: AppointmentStatus, by caller: Caller,
    _ permission: Permission, now: Date, then read: (Database, AppointmentRecord) throws -> T
  ) throws -> T {
    try BookingErrors.run("Mise à jour du rendez-vous") {
      try writer.write { db in
        var record = try Self.changeableRecord(db, reference: reference, by: caller, permission)
        let current = AppointmentStatus(rawValue: record.status) ?? .booked
        if current == status { return try read(db, record) }
        if current.isCancellation {
          throw UserError("Ce rendez-vous est déjà annulé (\(current.label.lowercased())).")
        }
        if status.isCancellation && current != .booked {
          throw UserError("Ce rendez-vous a déjà eu lieu : il ne peut plus être annulé.")
        }
        // A person who arrives early is received before the time; absent waits for the time itself.
        if status == .seen && record.day > LocalDate(now).number {
          throw UserError(
            "Ce rendez-vous est un autre jour : la personne se marque arrivée le jour même.")
        }
        if status == .noShow && record.startsAt > now {
          throw UserError(
            "Ce rendez-vous n'a pas encore eu lieu : l'absence se note après l'heure.")
        }
        record.status = status.rawValue
        record.statusAt = now
        record.cancelledAt = status.isCancellation ? now : nil
        // A cancellation is a revision the person's calendar must take over the entry it holds.
        if status.isCancellation { record.sequence += 1 }
        try record.update(db)
        try AuditLog.append(
          db, by: caller,
          action: status.isCancellation ? .appointmentCancelled : .attendanceRecorded,
          subject: "appointment", subjectID: record.id, at: now)
        return try read(db, record)
      }
    }
  }

  /// The visit's desk and day, after checking the slot can be booked under this consent.
  struct BookingContext {
    var deskID: Int64
    var visitDay: LocalDate
  }

  static func bookingContext(
    _ db: Database, slot: Slot, visitID: Int64, consentID: Int64, now: Date
  ) throws -> BookingContext {
    if slot.startsAt < now {
      throw UserError("Ce créneau est déjà passé : choisissez-en un autre.")
    }
    guard let advisor = try AdvisorRecord.fetchOne(db, key: slot.advisorID), advisor.isActive
    else {
      throw UserError(
        "Ce conseiller n'est plus disponible (il a été retiré) : choisissez un autre créneau.")
    }
    guard
      let structureActive = try Bool.fetchOne(
        db, sql: "SELECT is_active FROM operator_structure WHERE id = ?",
        arguments: [advisor.structureID]),
      structureActive
    else { throw UserError("Cette structure n'accueille plus de rendez-vous.") }
    guard
      let visitDay = try Int.fetchOne(
        db, sql: "SELECT day FROM visit WHERE id = ?", arguments: [visitID])
    else { throw UserError("Cette visite n'existe plus : le rendez-vous ne peut pas être pris.") }
    guard let consent = try ConsentRecord.fetchOne(db, key: consentID), consent.visitID == visitID
    else {
      throw UserError("Sans consentement de la personne, aucun rendez-vous ne peut être pris.")
    }
    guard consent.withdrawnAt == nil else {
      throw UserError(
        "La personne a retiré son consentement : le rendez-vous ne peut pas être pris.")
    }
    guard consent.recipientStructureID == advisor.structureID else {
      throw UserError(
        "Le consentement a été donné pour une autre structure : recueillez-le pour celle-ci.")
    }
    return BookingContext(
      deskID: consent.deskID, visitDay: LocalDate(number: visitDay) ?? slot.date)
  }

  /// The lowest free seat of a slot the rules open, or the reason it cannot be booked.
  static func freeSeat(_ db: Database, slot: Slot, excluding appointmentID: Int64?, now: Date)
    throws -> Int
  {
    let rules = try OpeningRuleRecord.fetchAll(
      db, sql: "SELECT * FROM opening_rule WHERE advisor_id = ?", arguments: [slot.advisorID]
    ).compactMap(\.rule)
    let absences = try AbsenceRecord.fetchAll(
      db, sql: "SELECT * FROM absence WHERE advisor_id = ? AND starts_at < ? AND ends_at > ?",
      arguments: [slot.advisorID, slot.endsAt, slot.startsAt]
    ).map(\.absence)
    let open = SlotCalculator.openSlots(
      rules: rules, absences: absences, from: slot.startsAt, to: slot.startsAt.addingTimeInterval(1)
    )
    guard let opened = open.first(where: { $0.sameTime(as: slot) }) else {
      throw UserError(
        "Ce créneau ne correspond plus aux plages d'ouverture du conseiller (plage modifiée, absence ou jour férié) : choisissez-en un autre."
      )
    }
    var others = try AppointmentRecord.fetchAll(
      db,
      sql: """
        SELECT * FROM appointment WHERE advisor_id = ? AND cancelled_at IS NULL
          AND starts_at >= ? AND starts_at < ? AND ends_at > ?
        """,
      arguments: [
        slot.advisorID, slot.startsAt.addingTimeInterval(-86_400), slot.endsAt, slot.startsAt,
      ])
    others.removeAll { $0.id != nil && $0.id == appointmentID }
    let booked = others.map {
      BookedTime(advisorID: $0.advisorID, startsAt: $0.startsAt, endsAt: $0.endsAt)
    }
    guard !SlotCalculator.subtract(booked, from: [opened]).isEmpty else {
      throw SlotTakenError(nextFree: [])
    }
    let taken = Set(others.filter { $0.startsAt == slot.startsAt }.map(\.seat))
    return (0..<opened.capacity).first { !taken.contains($0) } ?? 0
  }

  /// Inserts, turning the unique index's refusal into the race loser's message.
  static func insertOrSlotTaken(
    _ db: Database, _ record: inout AppointmentRecord, slot: Slot, now: Date
  )
    throws
  {
    do {
      try record.insert(db)
    } catch let error as DatabaseError where BookingErrors.isSlotConflict(error) {
      throw SlotTakenError(nextFree: [])
    }
  }

  /// Runs a booking write; if the slot was lost, offers the advisor's next free slots from the wanted time,
  /// read AFTER the write transaction has ended. Computed inside it, they held every other desk's booking
  /// behind weeks of slot arithmetic: with 16 desks racing, half the attempts lose, and throughput collapsed.
  func offeringNextFree<T>(after slot: Slot, now: Date, _ write: () throws -> T) throws -> T {
    do {
      return try write()
    } catch is SlotTakenError {
      let next = try writer.read { db in
        try Self.nextFree(db, advisorID: slot.advisorID, from: max(now, slot.startsAt))
      }
      throw SlotTakenError(nextFree: next)
    }
  }

  /// The advisor's next free slots within four weeks. Looks one day ahead, then a week, then four: the
  /// slots usually sit within the day, and four weeks of a busy agenda are costly to compute.
  static func nextFree(_ db: Database, advisorID: Int64, from: Date, limit: Int = 5) throws
    -> [Slot]
  {
    var found: [Slot] = []
    for days in [1, 7, 28] {
      let to = from.addingTimeInterval(Double(days) * 86_400)
      found = Array(try freeSlots(db, advisorIDs: [advisorID], from: from, to: to).prefix(limit))
      if found.count == limit { break }
    }
    return found
  }

  /// The appointment with this reference, if the caller may change it (`permission`, checked here in the
  /// writing transaction): unknown and out-of-reach read the same to an advisor of another structure, who
  /// may not even learn it exists.
  static func changeableRecord(
    _ db: Database, reference: BookingReference, by caller: Caller, _ permission: Permission
  ) throws -> AppointmentRecord {
    try caller.require(permission, in: db)
    guard let record = try appointmentRecord(db, reference: reference), let id = record.id else {
      throw UserError("Aucun rendez-vous ne porte la référence \(reference).")
    }
    guard try AppointmentAccess.mayChange(db, caller, appointmentID: id) else {
      throw UserError(
        caller.role == .advisor
          ? "Aucun rendez-vous ne porte la référence \(reference)." : AppointmentAccess.refused)
    }
    return record
  }

  static func appointmentRecord(_ db: Database, reference: BookingReference) throws
    -> AppointmentRecord?
  {
    try AppointmentRecord.fetchOne(
      db, sql: "SELECT * FROM appointment WHERE reference = ?", arguments: [reference.value])
  }

  static func appointment(_ db: Database, _ record: AppointmentRecord) throws -> Appointment {
    let structureID =
      try Int64.fetchOne(
        db, sql: "SELECT structure_id FROM advisor WHERE id = ?", arguments: [record.advisorID])
      ?? 0
    guard let appointment = record.appointment(structureID: structureID) else {
      throw UserError("Rendez-vous illisible (référence \(record.reference)).")
    }
    return appointment
  }
}
