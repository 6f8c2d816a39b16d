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

  /// One reader and one wording for a console field and a command-line option.
  @Test func refusalsNameTheFieldOrTheOptionAndEchoWhatWasTyped() throws {
    #expect(throws: UserError("Début : une heure comme 09:00 ou 14h30 (reçu « 25h »).")) {
      try FrenchInput.time("25h", .field("Début"))
    }
    #expect(throws: UserError("--from attend une heure comme 09:00 ou 14h30 (reçu « 25h »).")) {
      try FrenchInput.time("25h", .option("--from"))
    }
    #expect(
      throws: UserError("--days attend des jours comme lun,mar,jeu ou lun-ven (reçu « xyz »).")
    ) { try FrenchInput.weekdays("xyz", .option("--days")) }
    #expect(
      throws: UserError("Du : une date comme 01/12/2026 ou 2026-12-01 (reçu « 32/13/2026 »).")
    ) { try FrenchInput.moment("32/13/2026 9h", .field("Du")) }
    #expect(throws: UserError.self) { try FrenchInput.moment("01/12/2026 9h 10h", .field("Du")) }
    #expect(throws: UserError.self) { try FrenchInput.moment("01/12/2026 midi", .option("--to")) }
    #expect(
      try FrenchInput.moment("01/12/2026 14h30", .option("--from")).1
        == TimeOfDay(hour: 14, minute: 30))
    #expect(
      try FrenchInput.date("2026-12-01", .field("Valable du"))
        == LocalDate(year: 2026, month: 12, day: 1))
    #expect(
      try FrenchInput.weekdays("lun-mer", .field("Jours")) == [.monday, .tuesday, .wednesday])
  }
}
