/// French public holidays (jours fériés, Code du travail L3133-1), on which no slot is offered.
/// Alsace-Moselle's two extra days are left out: the scheme covers Rhône-Alpes.
public enum PublicHolidays {
  /// Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
  public static func easterSunday(year: Int) -> LocalDate {
    let a = year % 19
    let b = year / 100
    let c = year % 100
    let d = b / 4
    let e = b % 4
    let f = (b + 8) / 25
    let g = (b - f + 1) / 3
    let h = (19 * a + b - d - g + 15) % 30
    let i = c / 4
    let k = c % 4
    let l = (32 + 2 * e + 2 * i - h - k) % 7
    let m = (a + 11 * h + 22 * l) / 451
    let month = (h + l - 7 * m + 114) / 31
    let day = (h + l - 7 * m + 114) % 31 + 1
    return LocalDate(year: year, month: month, day: day)!
  }

  /// The eleven holidays of a year with their French names, in date order.
  public static func holidays(year: Int) -> [(date: LocalDate, name: String)] {
    let easter = easterSunday(year: year)
    let fixed: [(Int, Int, String)] = [
      (1, 1, "Jour de l'an"), (5, 1, "Fête du travail"), (5, 8, "Victoire 1945"),
      (7, 14, "Fête nationale"), (8, 15, "Assomption"), (11, 1, "Toussaint"),
      (11, 11, "Armistice 1918"), (12, 25, "Noël"),
    ]
    var result = fixed.compactMap { month, day, name in
      LocalDate(year: year, month: month, day: day).map { ($0, name) }
    }
    result += [
      (easter.adding(days: 1), "Lundi de Pâques"),
      (easter.adding(days: 39), "Ascension"),
      (easter.adding(days: 50), "Lundi de Pentecôte"),
    ]
    return result.sorted { $0.0 < $1.0 }
  }

  /// The holiday's name, or nil on a working day.
  public static func name(of date: LocalDate) -> String? {
    holidays(year: date.year).first { $0.date == date }?.name
  }

  public static func isHoliday(_ date: LocalDate) -> Bool { name(of: date) != nil }
}
