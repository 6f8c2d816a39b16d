import Foundation
import Testing

@testable import GuichetCore

@Suite struct DayTests {
  @Test func dayIsTheParisCalendarDay() {
    // 2026-11-29 23:30 UTC is already 30 November in Paris (UTC+1).
    #expect(Day.number(of: Date(timeIntervalSince1970: 1_795_995_000)) == 20_261_130)
    #expect(
      Day.number(of: Date(timeIntervalSince1970: 1_795_995_000), in: TimeZone(identifier: "UTC")!)
        == 20_261_129)
  }

  @Test func summerTimeIsHandled() {
    // 2026-07-14 22:30 UTC is 15 July 00:30 in Paris (UTC+2).
    #expect(Day.number(of: Date(timeIntervalSince1970: 1_784_068_200)) == 20_260_715)
  }

  @Test func monthOfDay() {
    #expect(Day.month(of: 20_261_130) == 202_611)
  }

  @Test func frenchDates() {
    #expect(Day.french(20_240_601) == "01/06/2024")
    #expect(Day.french(20_261_231) == "31/12/2026")
    #expect(Day.french(iso: "2024-06-01") == "01/06/2024")
    #expect(Day.french(iso: "non daté") == "non daté")
  }
}
