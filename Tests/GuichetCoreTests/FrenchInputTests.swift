import GuichetCore
import Testing

/// What an administrator types in the console forms and after `guichet operators` options.
@Suite struct FrenchInputTests {
  @Test func weekdaysReadListsRangesAndFullNames() {
    #expect(Weekday.parseList("lun-ven") == [.monday, .tuesday, .wednesday, .thursday, .friday])
    #expect(Weekday.parseList("lun,Mercredi, ven") == [.monday, .wednesday, .friday])
    #expect(Weekday.parseList("sam-dim") == [.saturday, .sunday])
    #expect(Weekday.parseList("ven-lun") == nil)
    #expect(Weekday.parseList("lu") == nil)
    #expect(Weekday.parseList("") == nil)
  }

  @Test func weekdaysAreWrittenBackShort() {
    for text in ["lun-ven", "lun,mer,ven", "sam,dim", "lun-dim", "jeu"] {
      let days = Weekday.parseList(text)!
      #expect(Weekday.listText(days) == text)
    }
  }

  @Test func datesReadFrenchAndISO() {
    #expect(LocalDate(parsing: "01/12/2026") == LocalDate(year: 2026, month: 12, day: 1))
    #expect(LocalDate(parsing: " 2026-12-01 ") == LocalDate(year: 2026, month: 12, day: 1))
    #expect(LocalDate(parsing: "32/13/2026") == nil)
    #expect(LocalDate(parsing: "01/12/1999") == nil)
    #expect(LocalDate(parsing: "01/12") == nil)
    #expect(LocalDate.moment(parsing: "04/12/2026 14h30")?.1 == TimeOfDay(hour: 14, minute: 30))
    #expect(LocalDate.moment(parsing: "04/12/2026")?.1 == nil)
    #expect(LocalDate.moment(parsing: "04/12/2026 midi") == nil)
  }
}
