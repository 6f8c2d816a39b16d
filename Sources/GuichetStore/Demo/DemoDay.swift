import Foundation
import GRDB
import GuichetCore

/// The prepared inserts of a demonstration batch.
struct DemoStatements {
  let visit: Statement
  let request: Statement
  let consultation: Statement
  let consent: Statement
  let appointment: Statement
  let db: Database

  init(_ db: Database) throws {
    self.db = db
    visit = try db.makeStatement(
      sql: """
        INSERT INTO visit (site_id, desk_id, channel, arrived_at, started_at, closed_at, public_category,
          age_band, territory_id, outcome, reason, day, month, hour, satisfaction, synthetic)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
        """)
    request = try db.makeStatement(
      sql: "INSERT INTO visit_request (visit_id, request_kind) VALUES (?, ?)")
    consultation = try db.makeStatement(
      sql: """
        INSERT INTO visit_consultation (visit_id, kind, code, at, day, month) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT DO NOTHING
        """)
    consent = try db.makeStatement(
      sql: """
        INSERT INTO consent (visit_id, text_version, purpose, recipient_structure_id, given_at, desk_id, synthetic)
        VALUES (?, ?, 'appointment', ?, ?, ?, 1)
        """)
    appointment = try db.makeStatement(
      sql: """
        INSERT INTO appointment (reference, advisor_id, starts_at, ends_at, seat, day, place, visit_id,
          consent_id, desk_id, delay_days, status, status_at, cancelled_at, created_at, synthetic)
        VALUES (?, ?, ?, ?, ?, ?, 'on_site', ?, ?, ?, ?, ?, ?, ?, ?, 1)
        """)
  }
}

extension DemoLoader {
  /// One opening day: visits in arrival order, with their requests, consultations, consents and appointments.
  mutating func writeDay(_ day: LocalDate, count: Int, _ s: DemoStatements) throws -> Int {
    let midnight = DemoTime.localMidnight(day)
    let saturday = day.weekday == .saturday
    var minutes = (0..<count).map { _ in DemoProfile.arrivalMinute(&random, saturday: saturday) }
    minutes.sort()
    var appointments = 0
    let weights = sites.map { ($0, $0.weight) }
    for minute in minutes {
      let site = random.pick(weights)
      let desk = site.desks[random.int(0..<site.desks.count)]
      let channel = random.pick(DemoProfile.channels)
      let arrived = midnight + minute * 60 + random.int(0..<60)
      let peak = (minute >= 570 && minute < 660) || (minute >= 840 && minute < 930)
      let wait =
        channel == .walkIn ? Int(random.exponential(mean: peak ? 12 : 5) * 60) : 0
      let started = arrived + wait
      let closed = started + random.int(6..<36) * 60
      let category = random.pick(DemoProfile.publics)
      let age = DemoProfile.ageBand(for: category, &random)
      let territory: Int64? =
        site.territories.isEmpty || random.chance(0.05)
        ? nil : site.territories[random.chance(0.85) ? 0 : site.territories.count - 1]
      let outcome = random.pick(DemoProfile.outcomes)
      let reason = DemoProfile.reason(for: outcome, &random)
      let score: Int? = random.chance(0.4) ? random.pick(DemoProfile.scores) : nil
      try s.visit.execute(arguments: [
        site.id, desk, channel.rawValue, DemoTime.text(arrived), DemoTime.text(started),
        DemoTime.text(closed), category.rawValue, age.rawValue, territory, outcome.rawValue,
        reason?.rawValue, day.number, day.number / 100, minute / 60, score,
      ])
      let visitID = s.db.lastInsertedRowID
      let requests = DemoProfile.requests(for: category, &random)
      for kind in requests {
        try s.request.execute(arguments: [visitID, kind.rawValue])
      }
      try consult(visitID, requests, at: closed, day: day, s)
      if outcome == .appointmentBooked || reason == .noSlot {
        appointments += try book(
          visitID, category: category, age: age, day: day, desk: desk, at: closed,
          withSlot: outcome == .appointmentBooked, s)
      }
    }
    return appointments
  }

  mutating func consult(
    _ visitID: Int64, _ requests: [RequestKind], at instant: Int, day: LocalDate,
    _ s: DemoStatements
  ) throws {
    let asksJobs = requests.contains(.jobInformation) || requests.contains(.careerChange)
    if asksJobs, !occupations.isEmpty, random.chance(0.6) {
      for _ in 0..<random.int(1..<3) {
        // Squared draw: a few métiers come up far more often, as at a real desk.
        let index = Int(random.unit() * random.unit() * Double(occupations.count))
        try s.consultation.execute(arguments: [
          visitID, "occupation", occupations[index], DemoTime.text(instant), day.number,
          day.number / 100,
        ])
      }
    }
    let asksTraining = requests.contains(.training) || requests.contains(.vae)
    if asksTraining, !certifications.isEmpty, random.chance(0.35) {
      let index = Int(random.unit() * random.unit() * Double(certifications.count))
      try s.consultation.execute(arguments: [
        visitID, "certification", certifications[index], DemoTime.text(instant), day.number,
        day.number / 100,
      ])
    }
  }

  /// A consent for the operator matching the public, and (when a slot was found) an appointment.
  mutating func book(
    _ visitID: Int64, category: PublicCategory, age: AgeBand, day: LocalDate, desk: Int64,
    at instant: Int, withSlot: Bool, _ s: DemoStatements
  ) throws -> Int {
    let kind: OperatorKind =
      switch category {
      case .disability: .capEmploi
      case .cadre: .apec
      case .employee: .transitionsPro
      case _ where age == .from16to25 || age == .under16: .missionLocale
      default: .franceTravail
      }
    guard let team = advisors[kind], !team.isEmpty else { return 0 }
    let (advisor, structure) = team[random.int(0..<team.count)]
    try s.consent.execute(arguments: [
      visitID, textVersion, structure, DemoTime.text(instant), desk,
    ])
    guard withSlot else { return 0 }
    let consentID = s.db.lastInsertedRowID
    var date = day.adding(days: 1 + Int(random.exponential(mean: 13)))
    while date.weekday == .saturday || date.weekday == .sunday || PublicHolidays.isHoliday(date) {
      date = date.adding(days: 1)
    }
    let start = DemoTime.localMidnight(date) + (540 + 30 * random.int(0..<14)) * 60
    let seat = seats[advisor, default: [:]][start / 60, default: 0]
    seats[advisor, default: [:]][start / 60] = seat + 1
    let status: AppointmentStatus =
      start < Int(options.now.timeIntervalSince1970) ? random.pick(DemoProfile.attendance) : .booked
    let statusAt: String? =
      status == .booked
      ? nil : DemoTime.text(min(start + 3_600, Int(options.now.timeIntervalSince1970)))
    try s.appointment.execute(arguments: [
      Self.reference(visitID: visitID).value, advisor, DemoTime.text(start),
      DemoTime.text(start + 1_800), seat % 100, date.number, visitID, consentID, desk,
      day.days(until: date), status.rawValue, statusAt,
      status.isCancellation ? statusAt : nil, DemoTime.text(instant),
    ])
    return 1
  }

  /// A real reference (RDV-XXXX-XXXX), so the agenda and the appointment screen open demonstration rows as
  /// they open real ones; drawn from its own generator seeded by the visit, so the day's draws stay the same.
  static func reference(visitID: Int64) -> BookingReference {
    var generator = SeededRandom(state: UInt64(bitPattern: visitID) &* 0x9E37_79B9_7F4A_7C15 | 1)
    return BookingReference.generate(using: &generator)
  }
}

/// Fast conversions for bulk rows: local midnight of a day and GRDB's UTC text form of an instant.
enum DemoTime {
  /// Epoch seconds of 00:00 on the clock of Paris, taken from noon so the night's clock change never shifts the day.
  static func localMidnight(_ day: LocalDate) -> Int {
    let noon = LocalClock.instant(day, TimeOfDay(hour: 12)!) ?? LocalClock.startOfDay(day)
    return Int(noon.timeIntervalSince1970) - 43_200
  }

  /// « 2024-03-12 08:05:09.000 », as GRDB stores a Date.
  static func text(_ seconds: Int) -> String {
    let date = LocalDate(
      daysSinceEpoch: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    let rest = seconds - date.daysSinceEpoch * 86_400
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(date.description) \(two(rest / 3_600)):\(two(rest / 60 % 60)):\(two(rest % 60)).000"
  }
}
