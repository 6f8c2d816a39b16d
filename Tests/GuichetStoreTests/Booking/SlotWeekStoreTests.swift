import Foundation
import GuichetCore
import Testing

@testable import GuichetStore

/// One week of free slots per store call: the week of the first free slot on opening, any later week by its
/// Monday, an empty week that says the first free day, and « nothing free » with its reason, under the same
/// territory, kinds and structure rules as the next availability.
@Suite struct SlotWeekStoreTests {
  static let june8 = LocalDate(year: 2026, month: 6, day: 8)!

  func week(
    _ setup: BookingSetup, _ window: SlotWindow, kinds: [OperatorKind] = [.missionLocale],
    territoryID: Int64? = nil
  ) throws -> SlotWeek {
    try setup.database.slotWeek(
      territoryID: territoryID ?? setup.territoryID, operatorKinds: kinds, window: window,
      now: BookingSetup.now)
  }

  /// Keeps the advisor away from `first` for `days` days.
  func away(_ setup: BookingSetup, from first: LocalDate, days: Int) throws {
    _ = try setup.database.saveAbsence(
      Absence(
        advisorID: setup.advisorID, startsAt: LocalClock.startOfDay(first),
        endsAt: LocalClock.startOfDay(first.adding(days: days)), reason: .leave),
      by: .commandLine)
  }

  @Test func openingShowsTheWeekOfTheFirstFreeSlot() throws {
    let setup = try BookingSetup.make()
    let current = try week(setup, .firstFree)
    #expect(current.monday == BookingSetup.monday)
    #expect(current.slots.count == 30, "Monday to Friday, 9:00–12:00 in 30-minute slots")
    #expect(current.slots.allSatisfy { $0.slot.date < Self.june8 })
    #expect(current.slots.first?.delayDays == 0 && current.slots.last?.delayDays == 4)
    #expect(current.firstFreeDay == nil && current.noSlotReason == nil)
    try away(setup, from: BookingSetup.monday, days: 7)
    let later = try week(setup, .firstFree)
    #expect(later.monday == Self.june8)
    #expect(later.slots.count == 30)
  }

  @Test func aLaterWeekIsAskedByAnyOfItsDays() throws {
    let setup = try BookingSetup.make()
    let shown = try week(setup, .week(LocalDate(year: 2026, month: 6, day: 10)!))
    #expect(shown.monday == Self.june8)
    #expect(shown.slots.count == 30)
    #expect(
      shown.slots.map(\.slot.date).allSatisfy {
        $0 >= Self.june8 && $0 < Self.june8.adding(days: 7)
      })
    #expect(shown.slots.first?.delayDays == 7)
    #expect(shown.slots == shown.slots.sorted { $0.slot < $1.slot })
  }

  @Test func theCurrentWeekStartsNowNotOnMonday() throws {
    let setup = try BookingSetup.make()
    let wednesdayNoon = LocalClock.instant(
      BookingSetup.monday.adding(days: 2), TimeOfDay(hour: 10)!)!
    let current = try setup.database.slotWeek(
      territoryID: setup.territoryID, operatorKinds: [], window: .week(BookingSetup.monday),
      now: wednesdayNoon)
    #expect(current.slots.count == 4 + 12, "Wednesday from 10:00, then Thursday and Friday")
    #expect(current.slots.allSatisfy { $0.slot.startsAt >= wednesdayNoon })
  }

  @Test func anEmptyWeekNamesTheFirstFreeDay() throws {
    let setup = try BookingSetup.make()
    try away(setup, from: Self.june8, days: 9)
    let empty = try week(setup, .week(Self.june8))
    #expect(empty.slots.isEmpty)
    #expect(empty.firstFreeDay == BookingSetup.monday, "this week still has free slots")
    #expect(!empty.nothingFree && empty.noSlotReason == nil)
    try away(setup, from: BookingSetup.monday, days: 7)
    #expect(
      try week(setup, .week(Self.june8)).firstFreeDay == LocalDate(year: 2026, month: 6, day: 17))
  }

  @Test func nothingFreeSaysWhy() throws {
    let setup = try BookingSetup.make()
    try away(setup, from: BookingSetup.monday, days: 200)
    let full = try week(setup, .firstFree)
    #expect(full.monday == BookingSetup.monday && full.nothingFree)
    #expect(full.noSlotReason == .fullyBooked(horizonDays: 180))
    let none = try week(setup, .firstFree, kinds: [.franceTravail])
    #expect(none.nothingFree && none.noSlotReason == .noOpeningHours)
  }

  @Test func aMoveSeesItsStructureOnly() throws {
    let setup = try BookingSetup.make()
    let other = try setup.database.saveOperatorStructure(
      OperatorStructure(
        kind: .missionLocale, name: "Mission locale de Givors", phone: "04 72 00 00 00",
        territoryIDs: [setup.territoryID]),
      by: .commandLine)
    _ = try setup.database.openAdvisor(
      "Paul Roux", at: other.id, weekdays: [.monday], start: TimeOfDay(hour: 14)!,
      end: TimeOfDay(hour: 15)!, validFrom: BookingSetup.monday)
    #expect(try week(setup, .firstFree).slots.count == 32)
    let own = try setup.database.slotWeek(
      territoryID: nil, operatorKinds: [], window: .firstFree, now: BookingSetup.now,
      structureID: setup.structure.id)
    #expect(own.slots.count == 30)
    #expect(own.slots.allSatisfy { $0.structureID == setup.structure.id })
  }
}
