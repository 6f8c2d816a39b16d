import Foundation
import Testing

@testable import GuichetCore

/// Local days, wall-clock conversion around the 2026 DST changes, and French public holidays.
@Suite struct CalendarTests {
  static func utc(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    return formatter.date(from: text)!
  }

  @Test func dayNumbersAndWeekdays() {
    let date = LocalDate(year: 2026, month: 3, day: 29)!
    #expect(date.weekday == .sunday)
    #expect(LocalDate(number: 20_260_329) == date)
    #expect(LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date)
    #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
    #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
    #expect(LocalDate(daysSinceEpoch: 0).description == "1970-01-01")
    #expect(date.startOfWeek == LocalDate(year: 2026, month: 3, day: 23)!)
    #expect(date.adding(days: 3).description == "2026-04-01")
  }

  @Test func springForwardHasNoTwoThirty() {
    let day = LocalDate(year: 2026, month: 3, day: 29)!
    #expect(LocalClock.instant(day, TimeOfDay(hour: 2, minute: 30)!) == nil)
    #expect(
      LocalClock.instant(day, TimeOfDay(hour: 1, minute: 30)!) == Self.utc("2026-03-29T00:30:00Z"))
    #expect(LocalClock.instant(day, TimeOfDay(hour: 3)!) == Self.utc("2026-03-29T01:00:00Z"))
    #expect(LocalClock.instant(day, TimeOfDay(hour: 9)!) == Self.utc("2026-03-29T07:00:00Z"))
    let before = LocalDate(year: 2026, month: 3, day: 28)!
    #expect(LocalClock.instant(before, TimeOfDay(hour: 9)!) == Self.utc("2026-03-28T08:00:00Z"))
  }

  @Test func fallBackTakesTheFirstTwoThirty() {
    let day = LocalDate(year: 2026, month: 10, day: 25)!
    #expect(
      LocalClock.instant(day, TimeOfDay(hour: 2, minute: 30)!) == Self.utc("2026-10-25T00:30:00Z"))
    #expect(LocalClock.instant(day, TimeOfDay(hour: 9)!) == Self.utc("2026-10-25T08:00:00Z"))
    let wall = LocalClock.wallTime(of: Self.utc("2026-10-25T01:30:00Z"))
    #expect(wall.date == day && wall.time == TimeOfDay(hour: 2, minute: 30)!)
    #expect(LocalDate(Self.utc("2026-10-24T22:30:00Z")) == day)
  }

  @Test func easterAndMovableHolidays() {
    #expect(PublicHolidays.easterSunday(year: 2024).description == "2024-03-31")
    #expect(PublicHolidays.easterSunday(year: 2025).description == "2025-04-20")
    #expect(PublicHolidays.easterSunday(year: 2026).description == "2026-04-05")
    #expect(PublicHolidays.easterSunday(year: 2027).description == "2027-03-28")
    #expect(PublicHolidays.easterSunday(year: 2038).description == "2038-04-25")
    #expect(PublicHolidays.name(of: LocalDate(number: 20_260_406)!) == "Lundi de Pâques")
    #expect(PublicHolidays.name(of: LocalDate(number: 20_260_514)!) == "Ascension")
    #expect(PublicHolidays.name(of: LocalDate(number: 20_260_525)!) == "Lundi de Pentecôte")
    #expect(PublicHolidays.name(of: LocalDate(number: 20_261_111)!) == "Armistice 1918")
    #expect(!PublicHolidays.isHoliday(LocalDate(number: 20_260_407)!))
    #expect(PublicHolidays.holidays(year: 2026).count == 11)
  }

  @Test func timesOfDayParse() {
    #expect(TimeOfDay(parsing: "9:30") == TimeOfDay(hour: 9, minute: 30))
    #expect(TimeOfDay(parsing: "14h") == TimeOfDay(hour: 14))
    #expect(TimeOfDay(parsing: "09h05")?.description == "09:05")
    #expect(TimeOfDay(parsing: "25:00") == nil)
    #expect(TimeOfDay(parsing: "midi") == nil)
    #expect(Weekday.set(mask: Weekday.mask([.monday, .friday])) == [.monday, .friday])
  }

  /// The per-day shortcut must give exactly the instants of the general rule, clock changes included.
  @Test func dayShortcutMatchesTheGeneralRuleOverTwoYears() {
    let times = stride(from: 0, to: 1_440, by: 10).map { TimeOfDay(minutes: $0)! }
    var date = LocalDate(year: 2026, month: 1, day: 1)!
    var compared = 0
    while date < LocalDate(year: 2028, month: 1, day: 1)! {
      let midnight = date.daysSinceEpoch * 86_400
      let general = times.map {
        LocalClock.transitionInstant(wall: midnight + $0.minutes * 60, in: Day.parisTimeZone)
      }
      #expect(LocalClock.instants(date, times) == general, "\(date)")
      #expect(LocalClock.instant(date, times[57]) == general[57], "\(date)")
      compared += times.count
      date = date.adding(days: 1)
    }
    #expect(compared == 730 * 144)
  }
}
