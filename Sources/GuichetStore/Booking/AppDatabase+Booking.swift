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
  public func book(
    reference: BookingReference, slot: Slot, visitID: Int64, consentID: Int64,
    override: RoutingOverride? = nil, now: Date = Date()
  ) throws -> Appointment {
    try BookingErrors.run("Réservation du créneau") {
      try offeringNextFree(after: slot, now: now) {
        try writer.write { db in
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
            createdAt: now
          )
          try Self.insertOrSlotTaken(db, &record, slot: slot, now: now)
          try db.execute(
            sql: "UPDATE visit SET outcome = ?, reason = NULL WHERE id = ?",
            arguments: [Outcome.appointmentBooked.rawValue, visitID])
          return try Self.appointment(db, record)
        }
      }
    }
  }

  /// « Est-ce que c'est passé ? »: the booking with this reference, if it was committed.
  public func appointment(reference: BookingReference) throws -> Appointment? {
    try StoreErrors.run("Lecture du rendez-vous") {
      try writer.read { db in
        try Self.appointmentRecord(db, reference: reference).map { try Self.appointment(db, $0) }
      }
    }
  }

  /// Appointments booked from a visit, oldest first.
  public func appointments(visitID: Int64) throws -> [Appointment] {
    try StoreErrors.run("Lecture des rendez-vous") {
      try writer.read { db in
        try AppointmentRecord.fetchAll(
          db, sql: "SELECT * FROM appointment WHERE visit_id = ? ORDER BY id", arguments: [visitID]
        ).map { try Self.appointment(db, $0) }
      }
    }
  }

  /// Moves a booked appointment to another slot, keeping its reference, in one transaction. The new slot
  /// may be with another advisor of the structure the consent was given for. Losing a race leaves it where it was.
  public func reschedule(reference: BookingReference, to slot: Slot, now: Date = Date()) throws
    -> Appointment
  {
    try BookingErrors.run("Déplacement du rendez-vous") {
      try offeringNextFree(after: slot, now: now) {
        try writer.write { db in
          guard var record = try Self.appointmentRecord(db, reference: reference) else {
            throw UserError("Aucun rendez-vous ne porte la référence \(reference).")
          }
          guard record.status == AppointmentStatus.booked.rawValue else {
            let status =
              AppointmentStatus(rawValue: record.status)?.label.lowercased() ?? record.status
            throw UserError("Ce rendez-vous ne peut plus être déplacé : il est « \(status) ».")
          }
          if record.advisorID == slot.advisorID && record.startsAt == slot.startsAt
            && record.endsAt == slot.endsAt
          {
            return try Self.appointment(db, record)
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
          do {
            try record.update(db)
          } catch let error as DatabaseError where BookingErrors.isSlotConflict(error) {
            throw SlotTakenError(nextFree: [])
          }
          return try Self.appointment(db, record)
        }
      }
    }
  }

  /// Cancels a booked appointment: `.excused` when the person cancels, `.revoked` when the service does.
  /// The slot is free again at once (the unique index only covers live bookings). Cancelling twice the same way is a no-op.
  public func cancel(reference: BookingReference, as status: AppointmentStatus, now: Date = Date())
    throws -> Appointment
  {
    guard status.isCancellation else {
      throw UserError("Une annulation est « annulé par la personne » ou « annulé par le service ».")
    }
    return try setStatus(reference: reference, to: status, now: now)
  }

  /// The advisor records what happened: seen or no-show, once the appointment time has come.
  /// A status can be corrected between seen and no-show; a cancelled appointment stays cancelled.
  public func recordAttendance(
    reference: BookingReference, as status: AppointmentStatus, now: Date = Date()
  ) throws -> Appointment {
    guard status.isAttendance else {
      throw UserError("Indiquez si la personne a été reçue ou était absente.")
    }
    return try setStatus(reference: reference, to: status, now: now)
  }

  func setStatus(reference: BookingReference, to status: AppointmentStatus, now: Date) throws
    -> Appointment
  {
    try BookingErrors.run("Mise à jour du rendez-vous") {
      try writer.write { db in
        guard var record = try Self.appointmentRecord(db, reference: reference) else {
          throw UserError("Aucun rendez-vous ne porte la référence \(reference).")
        }
        let current = AppointmentStatus(rawValue: record.status) ?? .booked
        if current == status { return try Self.appointment(db, record) }
        if current.isCancellation {
          throw UserError("Ce rendez-vous est déjà annulé (\(current.label.lowercased())).")
        }
        if status.isCancellation && current != .booked {
          throw UserError("Ce rendez-vous a déjà eu lieu : il ne peut plus être annulé.")
        }
        if status.isAttendance && record.startsAt > now {
          throw UserError(
            "Ce rendez-vous n'a pas encore eu lieu : reçu ou absent se note après l'heure.")
        }
        record.status = status.rawValue
        record.statusAt = now
        record.cancelledAt = status.isCancellation ? now : nil
        try record.update(db)
        return try Self.appointment(db, record)
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
