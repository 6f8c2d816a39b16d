import Foundation
import GuichetCore
import Testing

/// Free slots = rules − holidays − absences − live bookings, in Paris wall-clock time.
@Suite struct SlotCalculatorTests {
  static let utc = CalendarTests.utc
  static func day(_ number: Int) -> LocalDate { LocalDate(number: number)! }
  static func time(_ hour: Int, _ minute: Int = 0) -> TimeOfDay {
    TimeOfDay(hour: hour, minute: minute)!
  }

  static func rule(
    _ days: Set<Weekday>, _ start: TimeOfDay, _ end: TimeOfDay, minutes: Int = 30,
    capacity: Int? = nil, from: Int = 20_260_101, to: Int? = nil, advisor: Int64 = 1
  ) -> OpeningRule {
    OpeningRule(
      advisorID: advisor, weekdays: days, start: start, end: end, slotMinutes: minutes,
      groupCapacity: capacity, validFrom: day(from), validTo: to.map(day))
  }

  static func slots(
    _ rules: [OpeningRule], absences: [Absence] = [], bookings: [BookedTime] = [],
    from: Int, through: Int
  ) -> [Slot] {
    SlotCalculator.freeSlots(
      rules: rules, absences: absences, bookings: bookings,
      from: LocalClock.startOfDay(day(from)),
      to: LocalClock.startOfDay(day(through).adding(days: 1)))
  }

  @Test func mondayMorningsKeepTheirWallClockAcrossTheSpringChange() {
    let rule = Self.rule([.monday], Self.time(9), Self.time(12), minutes: 60)
    let found = Self.slots([rule], from: 20_260_323, through: 20_260_331)
    #expect(
      found.map(\.startsAt) == [
        Self.utc("2026-03-23T08:00:00Z"), Self.utc("2026-03-23T09:00:00Z"),
        Self.utc("2026-03-23T10:00:00Z"), Self.utc("2026-03-30T07:00:00Z"),
        Self.utc("2026-03-30T08:00:00Z"), Self.utc("2026-03-30T09:00:00Z"),
      ])
    #expect(found.allSatisfy { $0.endsAt.timeIntervalSince($0.startsAt) == 3600 })
  }

  @Test func theSkippedHourHasNoSlot() {
    let rule = Self.rule([.sunday], Self.time(1), Self.time(4))
    let found = Self.slots([rule], from: 20_260_329, through: 20_260_329)
    #expect(
      found.map { LocalClock.wallTime(of: $0.startsAt).time.description } == [
        "01:00", "01:30", "03:00", "03:30",
      ])
  }

  @Test func theRepeatedHourIsOfferedOnce() {
    let rule = Self.rule([.sunday], Self.time(1), Self.time(4))
    let found = Self.slots([rule], from: 20_261_025, through: 20_261_025)
    #expect(found.count == 6)
    #expect(Set(found.map(\.startsAt)).count == 6)
    #expect(zip(found, found.dropFirst()).allSatisfy { $0.endsAt <= $1.startsAt })
    #expect(found[3].startsAt == Self.utc("2026-10-25T00:30:00Z"))
    #expect(found[4].startsAt == Self.utc("2026-10-25T02:00:00Z"))
  }

  @Test func autumnMondayIsAnHourLaterInUTC() {
    let rule = Self.rule([.monday], Self.time(9), Self.time(10), minutes: 60)
    let found = Self.slots([rule], from: 20_261_019, through: 20_261_026)
    #expect(
      found.map(\.startsAt) == [Self.utc("2026-10-19T07:00:00Z"), Self.utc("2026-10-26T08:00:00Z")])
  }

  @Test func publicHolidaysAreClosed() {
    let rule = Self.rule([.monday, .thursday], Self.time(9), Self.time(10), minutes: 60)
    // Easter Monday 6 April, Ascension Thursday 14 May, Whit Monday 25 May 2026.
    let april = Self.slots([rule], from: 20_260_406, through: 20_260_409)
    #expect(april.map(\.date.number) == [20_260_409])
    let may = Self.slots([rule], from: 20_260_514, through: 20_260_525)
    #expect(may.map(\.date.number) == [20_260_518, 20_260_521])
  }

  @Test func absencesRemoveOverlappingSlots() {
    let rule = Self.rule([.tuesday], Self.time(9), Self.time(12))
    let away = Absence(
      advisorID: 1, startsAt: Self.utc("2026-06-02T08:15:00Z"),
      endsAt: Self.utc("2026-06-02T09:00:00Z"), reason: .meeting)
    let found = Self.slots([rule], absences: [away], from: 20_260_602, through: 20_260_602)
    #expect(
      found.map { LocalClock.wallTime(of: $0.startsAt).time.description } == [
        "09:00", "09:30", "11:00", "11:30",
      ])
    let otherAdvisor = Absence(
      advisorID: 2, from: Self.day(20_260_602), through: Self.day(20_260_602))
    #expect(
      Self.slots([rule], absences: [otherAdvisor], from: 20_260_602, through: 20_260_602).count == 6
    )
    let leave = Absence(advisorID: 1, from: Self.day(20_260_601), through: Self.day(20_260_605))
    #expect(
      Self.slots([rule], absences: [leave], from: 20_260_601, through: 20_260_610).map(
        \.date.number)
        == Array(repeating: 20_260_609, count: 6))
  }

  @Test func bookingsTakeSlotsAndSeats() {
    let individual = Self.rule([.wednesday], Self.time(14), Self.time(15))
    let group = Self.rule([.wednesday], Self.time(16), Self.time(18), minutes: 120, capacity: 3)
    let start = Self.utc("2026-06-03T12:00:00Z")
    let groupStart = Self.utc("2026-06-03T14:00:00Z")
    func booked(_ date: Date, minutes: Double) -> BookedTime {
      BookedTime(advisorID: 1, startsAt: date, endsAt: date.addingTimeInterval(minutes * 60))
    }
    let twoSeats = [
      booked(start, minutes: 30), booked(groupStart, minutes: 120),
      booked(groupStart, minutes: 120),
    ]
    let found = Self.slots(
      [individual, group], bookings: twoSeats, from: 20_260_603, through: 20_260_603)
    #expect(found.count == 2)
    #expect(found[0].startsAt == start.addingTimeInterval(1800))
    #expect(found[1].startsAt == groupStart && found[1].capacity == 3 && found[1].seatsLeft == 1)
    let full = twoSeats + [booked(groupStart, minutes: 120)]
    #expect(
      Self.slots([individual, group], bookings: full, from: 20_260_603, through: 20_260_603).count
        == 1)
    // A 45-minute booking made under an older rule blocks both 30-minute slots it overlaps.
    let older = [booked(start, minutes: 45)]
    #expect(
      Self.slots([individual], bookings: older, from: 20_260_603, through: 20_260_603).isEmpty)
  }

  @Test func validityAndRangeBoundaries() {
    let rule = Self.rule(
      [.friday], Self.time(9), Self.time(10), minutes: 60, from: 20_260_605, to: 20_260_612)
    let found = Self.slots([rule], from: 20_260_529, through: 20_260_626)
    #expect(found.map(\.date.number) == [20_260_605, 20_260_612])
    let afterNine = SlotCalculator.freeSlots(
      rules: [rule], absences: [], bookings: [], from: Self.utc("2026-06-05T07:00:01Z"),
      to: Self.utc("2026-06-13T00:00:00Z"))
    #expect(afterNine.map(\.date.number) == [20_260_612])
  }

  @Test func overlappingRulesNeverGiveOverlappingSlots() {
    let a = Self.rule([.monday], Self.time(9), Self.time(11), minutes: 60)
    let b = Self.rule([.monday], Self.time(9, 30), Self.time(11, 30), minutes: 30)
    let found = Self.slots([a, b], from: 20_260_601, through: 20_260_601)
    #expect(zip(found, found.dropFirst()).allSatisfy { $0.endsAt <= $1.startsAt })
    #expect(
      found.map { LocalClock.wallTime(of: $0.startsAt).time.description } == [
        "09:00", "10:00", "11:00",
      ])
  }

  @Test func ruleValidationSpeaksFrench() {
    var rule = Self.rule([.monday], Self.time(9), Self.time(9, 20))
    #expect(
      throws: UserError("La plage 09:00–09:20 est plus courte qu'un rendez-vous de 30 minutes.")
    ) {
      try rule.validate()
    }
    rule.weekdays = []
    #expect(throws: UserError("Choisissez au moins un jour de la semaine.")) { try rule.validate() }
  }
}
