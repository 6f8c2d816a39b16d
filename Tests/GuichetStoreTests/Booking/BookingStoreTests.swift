import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// Booking through the store API: free slots computed from rules minus bookings, idempotent references,
/// the race loser's error, cancellation and rescheduling, consent withdrawal, agenda and backlog.
@Suite struct BookingStoreTests {
  static let tuesday = BookingSetup.monday.adding(days: 1)

  @Test func bookingTakesTheSlotAndCancellingFreesIt() throws {
    let setup = try BookingSetup.make()
    #expect(try setup.slots(on: Self.tuesday).count == 6)
    let slot = try setup.slot(Self.tuesday, 10)
    let booked = try setup.book(slot)
    #expect(booked.status == .booked && booked.delayDays == 1 && booked.seat == 0)
    #expect(booked.structureID == setup.structure.id && booked.deskID == setup.workplace.deskID)
    #expect(try setup.slots(on: Self.tuesday).count == 5)
    #expect(try !setup.slots(on: Self.tuesday).contains { $0.startsAt == slot.startsAt })
    #expect(try setup.database.visit(id: setup.visitID)?.outcome == .appointmentBooked)
    let cancelled = try setup.database.cancel(
      reference: booked.reference, as: .excused, by: .commandLine, now: BookingSetup.now)
    #expect(cancelled.status == .excused && cancelled.cancelledAt != nil)
    #expect(try setup.slots(on: Self.tuesday).count == 6)
    let again = try setup.book(slot)
    #expect(again.reference != booked.reference)
    #expect(try setup.count("appointment") == 2)
  }

  @Test func anEmptySearchTellsMissingOpeningHoursFromAFullAgenda() throws {
    let setup = try BookingSetup.make()
    let search = { (kinds: [OperatorKind]) in
      try setup.database.noSlotReason(
        territoryID: setup.territoryID, operatorKinds: kinds, from: BookingSetup.now, horizonDays: 7
      )
    }
    #expect(try search([.missionLocale]) == .fullyBooked(horizonDays: 7))
    // No Cap emploi structure serves the territory, and no open directory exists to bundle one.
    #expect(try search([.capEmploi]) == .noOpenDirectory([.capEmploi]))
    let rules = try setup.database.openingRules(advisorID: setup.advisorID)
    for rule in rules {
      try setup.database.deleteOpeningRule(id: try #require(rule.id), by: .commandLine)
    }
    #expect(try search([.missionLocale]) == .noOpeningHours)
    #expect(try search([]) == .noOpeningHours)
  }

  @Test func aContactIsWrittenOnlyWithItsBooking() throws {
    let setup = try BookingSetup.make()
    let contact = try Contact.validate(
      firstName: "Léa", lastName: "Durand", phone: "0612345678", email: "")
    // Another desk takes the slot: the lost attempt writes neither the appointment nor the contact.
    let slot = try setup.slot(Self.tuesday, 9)
    let rival = try setup.database.recordConsent(
      visitID: setup.visitID, textVersion: setup.database.consentText().version,
      recipientStructureID: try #require(setup.structure.id), deskID: setup.workplace.deskID,
      by: .commandLine, at: BookingSetup.now)
    try setup.book(slot, consentID: rival.id)
    #expect(throws: SlotTakenError.self) { try setup.book(slot, contact: contact) }
    #expect(try setup.count("contact") == 0)
    // A refusal for good (a slot in the past) leaves nothing either.
    let past = try setup.slot(BookingSetup.monday.adding(days: -7), 9)
    #expect(throws: UserError.self) { try setup.book(past, contact: contact) }
    #expect(try setup.count("contact") == 0)
    // Without a booking under its consent, a contact cannot be saved at all.
    #expect(throws: UserError.self) {
      try setup.database.saveContact(contact, consentID: setup.consentID, by: .commandLine)
    }
    // The booking writes it, in the same transaction; correcting it afterwards replaces it.
    let booked = try setup.book(try setup.slot(Self.tuesday, 10), contact: contact)
    #expect(try setup.count("contact") == 1)
    #expect(
      try setup.database.contact(consentID: setup.consentID, by: .commandLine)?.lastName
        == "Durand")
    let corrected = try Contact.validate(
      firstName: "Léa", lastName: "Durand-Roux", phone: "0612345678", email: "")
    _ = try setup.database.saveContact(corrected, consentID: setup.consentID, by: .commandLine)
    #expect(try setup.count("contact") == 1)
    #expect(booked.consentID == setup.consentID)
  }

  @Test func aReferenceBooksOnceWhateverTheRetries() throws {
    let setup = try BookingSetup.make()
    let reference = BookingReference.generate()
    let first = try setup.book(try setup.slot(Self.tuesday, 9), reference: reference)
    let retry = try setup.book(try setup.slot(Self.tuesday, 9), reference: reference)
    let otherSlot = try setup.book(try setup.slot(Self.tuesday, 11), reference: reference)
    #expect(retry == first && otherSlot == first)
    #expect(try setup.count("appointment") == 1)
    #expect(try setup.database.appointment(reference: reference, by: .commandLine) == first)
    #expect(try setup.database.appointment(reference: .generate(), by: .commandLine) == nil)
  }

  @Test func theLoserOfARaceIsToldAndNothingChanges() throws {
    let setup = try BookingSetup.make()
    let slot = try setup.slot(Self.tuesday, 9, 30)
    try setup.book(slot)
    let loser = BookingReference.generate()
    do {
      try setup.book(slot, reference: loser)
      Issue.record("the second booking of a slot must fail")
    } catch let error as SlotTakenError {
      #expect(error.message.hasPrefix("Ce créneau vient d'être pris"))
      #expect(error.nextFree.count == 5)
      #expect(!error.nextFree.contains { $0.startsAt == slot.startsAt })
      #expect(error.nextFree.allSatisfy { $0.startsAt > slot.startsAt })
      #expect(error.nextFree == error.nextFree.sorted())
    }
    #expect(try setup.database.appointment(reference: loser, by: .commandLine) == nil)
    #expect(try setup.count("appointment") == 1)
  }

  @Test func slotsThatCannotBeBookedSayWhyInFrench() throws {
    let setup = try BookingSetup.make()
    let past = try setup.slot(BookingSetup.monday.adding(days: -7), 9)
    #expect(throws: UserError("Ce créneau est déjà passé : choisissez-en un autre.")) {
      try setup.book(past)
    }
    let outside = try setup.slot(Self.tuesday, 12, 15)
    #expect(throws: UserError.self) { try setup.book(outside) }
    let saturday = try setup.slot(BookingSetup.monday.adding(days: 5), 9)
    #expect(throws: UserError.self) { try setup.book(saturday) }
    // Ascension, Thursday 14 May 2027 is far; Whit Monday 2026 is 25 May, before now: use 14 July.
    let bastilleDay = try setup.slot(LocalDate(year: 2026, month: 7, day: 14)!, 9)
    #expect(throws: UserError.self) { try setup.book(bastilleDay) }
    _ = try setup.database.saveAbsence(
      Absence(advisorID: setup.advisorID, from: Self.tuesday, through: Self.tuesday),
      by: .commandLine)
    #expect(throws: UserError.self) { try setup.book(try setup.slot(Self.tuesday, 9)) }
    #expect(try setup.count("appointment") == 0)
    #expect(try setup.database.visit(id: setup.visitID)?.outcome == nil)
  }

  @Test func aRemovedAdvisorOrAWithdrawnConsentBooksNothing() throws {
    let setup = try BookingSetup.make()
    let slot = try setup.slot(Self.tuesday, 9)
    try setup.database.withdrawConsent(id: setup.consentID, by: .commandLine, at: BookingSetup.now)
    #expect(
      throws: UserError(
        "La personne a retiré son consentement : le rendez-vous ne peut pas être pris.")
    ) { try setup.book(slot) }
    let second = try BookingSetup.make(database: setup.database)
    try second.database.removeAdvisor(id: second.advisorID, by: .commandLine, now: BookingSetup.now)
    #expect(throws: UserError.self) { try second.book(try second.slot(Self.tuesday, 9)) }
    #expect(try setup.count("appointment") == 0)
  }

  @Test func anAdvisorWithComingAppointmentsCannotBeRemoved() throws {
    let setup = try BookingSetup.make()
    try setup.book(try setup.slot(Self.tuesday, 9))
    #expect(throws: UserError.self) {
      try setup.database.removeAdvisor(id: setup.advisorID, by: .commandLine, now: BookingSetup.now)
    }
    #expect(try setup.database.advisor(id: setup.advisorID)?.isActive == true)
  }

  @Test func withdrawingConsentErasesTheContactAndRevokesTheAppointment() throws {
    let setup = try BookingSetup.make()
    let contact = try Contact.validate(
      firstName: "Marie", lastName: "Dupont", phone: "06 12 34 56 78", email: "")
    let slot = try setup.slot(Self.tuesday, 10)
    let booked = try setup.book(slot, contact: contact)
    let saved = try #require(
      try setup.database.contact(consentID: setup.consentID, by: .commandLine))
    #expect(saved.phone?.digits == "0612345678" && saved.consentID == setup.consentID)
    try setup.database.withdrawConsent(
      id: setup.consentID, by: .commandLine, at: BookingSetup.now.addingTimeInterval(60))
    #expect(try setup.database.contact(consentID: setup.consentID, by: .commandLine) == nil)
    #expect(try setup.count("contact") == 0)
    let revoked = try #require(
      try setup.database.appointment(reference: booked.reference, by: .commandLine))
    #expect(revoked.status == .revoked && revoked.cancelledAt != nil)
    #expect(try setup.slots(on: Self.tuesday).contains { $0.startsAt == slot.startsAt })
    #expect(try setup.database.consent(id: setup.consentID)?.isWithdrawn == true)
    #expect(throws: UserError.self) {
      try setup.database.saveContact(contact, consentID: setup.consentID, by: .commandLine)
    }
  }

  @Test func duplicatesAreFoundByPhoneOrEmail() throws {
    let setup = try BookingSetup.make()
    let first = try Contact.validate(
      firstName: "Marie", lastName: "Dupont", phone: "0612345678", email: "marie@exemple.fr")
    try setup.book(try setup.slot(Self.tuesday, 9), contact: first)
    let later = try BookingSetup.make(database: setup.database)
    let typed = try Contact.validate(
      firstName: "M", lastName: "Dupont", phone: "+33 6 12 34 56 78", email: "")
    let found = try later.database.possibleDuplicates(
      of: typed, excludingConsentID: later.consentID, by: .commandLine)
    #expect(found.map(\.firstName) == ["Marie"])
    let byEmail = try Contact.validate(
      firstName: "M", lastName: "D", phone: "", email: "MARIE@exemple.fr")
    #expect(try later.database.possibleDuplicates(of: byEmail, by: .commandLine).count == 1)
    #expect(
      try later.database.possibleDuplicates(
        of: first, excludingConsentID: setup.consentID, by: .commandLine
      ).isEmpty)
  }

  @Test func rescheduleKeepsTheReferenceAndFreesTheOldSlot() throws {
    let setup = try BookingSetup.make()
    let from = try setup.slot(Self.tuesday, 9)
    let to = try setup.slot(Self.tuesday.adding(days: 1), 11)
    let booked = try setup.book(from)
    let moved = try setup.database.reschedule(
      reference: booked.reference, to: to, by: .commandLine, now: BookingSetup.now)
    #expect(moved.reference == booked.reference && moved.startsAt == to.startsAt)
    #expect(moved.delayDays == 2)
    #expect(try setup.slots(on: Self.tuesday).count == 6)
    #expect(try setup.slots(on: Self.tuesday.adding(days: 1)).count == 5)
    let taken = try setup.book(from)
    #expect(throws: SlotTakenError.self) {
      try setup.database.reschedule(
        reference: moved.reference, to: from, by: .commandLine, now: BookingSetup.now)
    }
    #expect(
      try setup.database.appointment(reference: moved.reference, by: .commandLine)?.startsAt
        == to.startsAt)
    _ = try setup.database.cancel(
      reference: taken.reference, as: .revoked, by: .commandLine, now: BookingSetup.now)
    #expect(throws: UserError.self) {
      try setup.database.reschedule(
        reference: taken.reference, to: from, by: .commandLine, now: BookingSetup.now)
    }
  }

  /// The calendar file's SEQUENCE: 0 when booked, one more for each move and for the cancellation; a move
  /// to the same slot, a refused move and a second identical cancellation change nothing.
  @Test func eachMoveAndTheCancellationIsANewRevision() throws {
    let setup = try BookingSetup.make()
    let nine = try setup.slot(Self.tuesday, 9)
    let eleven = try setup.slot(Self.tuesday, 11)
    let booked = try setup.book(nine)
    #expect(booked.sequence == 0)
    let reference = booked.reference
    func move(_ slot: Slot) throws -> Appointment {
      try setup.database.reschedule(
        reference: reference, to: slot, by: .commandLine, now: BookingSetup.now)
    }
    #expect(try move(eleven).sequence == 1)
    #expect(try move(eleven).sequence == 1, "the same slot again is no revision")
    #expect(try move(nine).sequence == 2)
    _ = try setup.book(eleven)
    #expect(throws: SlotTakenError.self) { try move(eleven) }
    let cancelled = try setup.database.cancel(
      reference: reference, as: .excused, by: .commandLine, now: BookingSetup.now)
    #expect(cancelled.sequence == 3)
    let again = try setup.database.cancel(
      reference: reference, as: .excused, by: .commandLine, now: BookingSetup.now)
    #expect(again.sequence == 3)
    #expect(
      try setup.database.appointment(reference: reference, by: .commandLine)?.sequence == 3)
  }

  @Test func attendanceIsRecordedAfterTheTimeAndTheBacklogListsTheRest() throws {
    let setup = try BookingSetup.make()
    let nine = try setup.book(try setup.slot(Self.tuesday, 9))
    let ten = try setup.book(try setup.slot(Self.tuesday, 10))
    #expect(throws: UserError.self) {
      try setup.database.recordAttendance(
        reference: nine.reference, as: .seen, by: .commandLine, now: BookingSetup.now)
    }
    let evening = LocalClock.instant(Self.tuesday, TimeOfDay(hour: 18)!)!
    let backlog = try setup.database.unfilledAppointments(
      structureID: setup.structure.id, now: evening, by: .commandLine)
    #expect(backlog.map(\.appointment.reference) == [nine.reference, ten.reference])
    let seen = try setup.database.recordAttendance(
      reference: nine.reference, as: .seen, by: .commandLine, now: evening)
    #expect(seen.status == .seen && seen.statusAt == evening)
    let corrected = try setup.database.recordAttendance(
      reference: nine.reference, as: .noShow, by: .commandLine, now: evening)
    #expect(corrected.status == .noShow)
    #expect(throws: UserError.self) {
      try setup.database.cancel(
        reference: nine.reference, as: .excused, by: .commandLine, now: evening)
    }
    #expect(
      try setup.database.unfilledAppointments(now: evening, by: .commandLine).map(
        \.appointment.reference) == [
          ten.reference
        ])
  }

  @Test func aPersonWhoArrivesEarlyIsReceivedButNotMarkedAbsentBeforeTheTime() throws {
    let setup = try BookingSetup.make()
    let ten = try setup.book(try setup.slot(Self.tuesday, 10))
    let early = LocalClock.instant(Self.tuesday, TimeOfDay(hour: 9, minute: 40)!)!
    #expect(throws: UserError.self, "absent waits for the time") {
      try setup.database.recordAttendance(
        reference: ten.reference, as: .noShow, by: .commandLine, now: early)
    }
    let arrived = try setup.database.recordAttendance(
      reference: ten.reference, as: .seen, by: .commandLine, now: early)
    #expect(arrived.status == .seen && arrived.statusAt == early)
    let dayBefore = LocalClock.instant(Self.tuesday.adding(days: -1), TimeOfDay(hour: 17)!)!
    let other = try setup.book(try setup.slot(Self.tuesday, 11))
    #expect(throws: UserError.self, "not the day before") {
      try setup.database.recordAttendance(
        reference: other.reference, as: .seen, by: .commandLine, now: dayBefore)
    }
  }

  @Test func agendaShowsContactAndHandoverCodesOnly() throws {
    let setup = try BookingSetup.make()
    try setup.book(
      try setup.slot(Self.tuesday, 11),
      contact: try Contact.validate(
        firstName: "Marie", lastName: "Dupont", phone: "0612345678", email: ""))
    try setup.book(try setup.slot(Self.tuesday, 9))
    let day = try setup.database.agenda(
      advisorID: setup.advisorID, day: Self.tuesday, by: .commandLine)
    #expect(
      day.map { LocalClock.wallTime(of: $0.appointment.startsAt).time.description } == [
        "09:00", "11:00",
      ])
    #expect(day[0].contact?.displayName == "Marie DUPONT")
    #expect(day[0].handover.requestKinds == [.jobSearch, .training])
    #expect(day[0].handover.publicCategory == .earlySchoolLeaver)
    #expect(day[0].handover.visitDay == BookingSetup.monday)
    let territory = try setup.database.territories().first { $0.id == setup.territoryID }
    #expect(day[0].handover.territoryName == territory?.name && territory?.name != nil)
    #expect(
      day[0].advisorName == "Claire Martin" && day[0].structureName == "Mission locale de Vienne")
    let week = try setup.database.agenda(
      structureID: setup.structure.id!, from: Self.tuesday.startOfWeek, days: 7, by: .commandLine)
    #expect(week.count == 2)
    #expect(
      try setup.database.agenda(
        structureID: setup.structure.id!, from: Self.tuesday.adding(days: 7), days: 7,
        by: .commandLine
      ).isEmpty)
  }

  @Test func groupSessionsFillSeatByseat() throws {
    let setup = try BookingSetup.make()
    let thursday = BookingSetup.monday.adding(days: 3)
    _ = try setup.database.saveOpeningRule(
      OpeningRule(
        advisorID: setup.advisorID, weekdays: [.thursday], start: TimeOfDay(hour: 14)!,
        end: TimeOfDay(hour: 16)!, slotMinutes: 120, groupCapacity: 3,
        validFrom: BookingSetup.monday), by: .commandLine)
    let start = LocalClock.instant(thursday, TimeOfDay(hour: 14)!)!
    let session = Slot(
      advisorID: setup.advisorID, startsAt: start, endsAt: start.addingTimeInterval(7200))
    let seats = try (0..<3).map { _ in try setup.book(session).seat }
    #expect(seats == [0, 1, 2])
    #expect(throws: SlotTakenError.self) { try setup.book(session) }
    #expect(try !setup.slots(on: thursday).contains { $0.startsAt == start })
  }

  @Test func nextAvailabilitySearchesEveryOperatorOfTheTerritory() throws {
    let setup = try BookingSetup.make()
    let other = try setup.database.saveOperatorStructure(
      OperatorStructure(
        kind: .franceTravail, name: "France Travail Vienne", phone: "04 74 11 22 33",
        territoryIDs: [setup.territoryID]),
      by: .commandLine)
    _ = try setup.database.openAdvisor(
      "Paul Roux", at: other.id, weekdays: [.monday], start: TimeOfDay(hour: 8, minute: 30)!,
      end: TimeOfDay(hour: 9)!, place: .phone,
      validFrom: BookingSetup.monday)
    let found = try setup.database.nextAvailability(
      territoryID: setup.territoryID, operatorKinds: [], from: BookingSetup.now, limit: 4)
    #expect(
      found.map(\.structureName) == [
        "France Travail Vienne", "Mission locale de Vienne", "Mission locale de Vienne",
        "Mission locale de Vienne",
      ])
    #expect(found.map(\.delayDays) == [0, 0, 0, 0])
    #expect(found[0].slot.place == .phone && found[0].operatorKind == .franceTravail)
    let onlyML = try setup.database.nextAvailability(
      territoryID: setup.territoryID, operatorKinds: [.missionLocale], from: BookingSetup.now,
      limit: 10)
    #expect(onlyML.count == 10 && onlyML.allSatisfy { $0.operatorKind == .missionLocale })
    #expect(onlyML.last?.delayDays == 1)
    let elsewhere = try setup.database.territories().first { $0.id != setup.territoryID }!.id
    #expect(
      try setup.database.nextAvailability(
        territoryID: elsewhere, operatorKinds: [], from: BookingSetup.now
      ).isEmpty)
  }

  @Test func recommendationComesFromTheEditableTable() throws {
    let setup = try BookingSetup.make()
    let first = try setup.database.recommend(for: setup.visit)
    #expect(first.map(\.operatorKind) == [.missionLocale])
    let local = try setup.database.saveRoutingRule(
      RoutingRule(
        position: 1, publicCategory: .earlySchoolLeaver, territoryID: setup.territoryID,
        operatorKind: .regionAccredited, reason: "Plateforme décrochage du territoire."),
      by: .commandLine)
    #expect(
      try setup.database.recommend(for: setup.visit).map(\.operatorKind) == [
        .regionAccredited, .missionLocale,
      ])
    try setup.database.deleteRoutingRule(id: local.id!, by: .commandLine)
    #expect(try setup.database.recommend(for: setup.visit) == first)
  }

  @Test func consentNeedsTheLatestTextAndContactsArePurgedAfterRetention() throws {
    let setup = try BookingSetup.make()
    let booked = try setup.book(
      try setup.slot(Self.tuesday, 9),
      contact: try Contact.validate(
        firstName: "Marie", lastName: "Dupont", phone: "0612345678", email: ""))
    let newer = try setup.database.publishConsentText(
      body: "Vos coordonnées iront à {structure} pendant {duree} jours.", retentionDays: 30,
      by: .commandLine)
    #expect(newer.version == 2)
    #expect(throws: UserError.self) {
      try setup.database.recordConsent(
        visitID: setup.visitID, textVersion: 1, recipientStructureID: setup.structure.id!,
        deskID: setup.workplace.deskID, by: .commandLine)
    }
    #expect(try setup.database.consentText(version: 1).retentionDays == 90)
    let soon = booked.endsAt.addingTimeInterval(89 * 86_400)
    #expect(try setup.database.purgeExpiredContacts(now: soon).isEmpty)
    let late = booked.endsAt.addingTimeInterval(91 * 86_400)
    #expect(try setup.database.purgeExpiredContacts(now: late).count == 1)
    #expect(try setup.count("contact") == 0)
    #expect(try setup.count("appointment") == 1)
  }

  @Test func structuresAreSeededFromTheDirectoryWhereTheTypeMatches() throws {
    let database = try AppDatabase.inMemory()
    try database.writer.write { db in
      for (id, tag, city) in [
        ("mission_locale-01053-01", "mission_locale", "Bourg-en-Bresse"),
        ("cio-38185-01", "cio", "Grenoble Cedex 1"), ("cij-01034-01", "cij", "Belley"),
      ] {
        try db.execute(
          sql: """
            INSERT INTO orientation_structure (id, name, type_tag, address, postcode, city, phone)
            VALUES (?, ?, ?, '1 rue de la Paix', '01000', ?, '04 74 00 00 00')
            """, arguments: [id, "Structure \(city)", tag, city])
      }
    }
    #expect(try database.seedOperatorStructuresFromDirectory(by: .commandLine) == 2)
    #expect(try database.seedOperatorStructuresFromDirectory(by: .commandLine) == 0)
    let structures = try database.operatorStructures()
    #expect(Set(structures.map(\.kind)) == [.missionLocale, .cio])
    #expect(structures.allSatisfy { !$0.territoryIDs.isEmpty })
    let bourg = try #require(structures.first { $0.kind == .missionLocale })
    #expect(try database.operatorStructures(territoryID: bourg.territoryIDs[0]).contains(bourg))
  }
}
