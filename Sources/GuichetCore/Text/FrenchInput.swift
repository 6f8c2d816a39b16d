import Foundation

/// Readers for what an administrator types, shared by `guichet operators` and the console's administration
/// screens, so both accept the same spellings. Each returns nil; the caller says in French what it expected.
extension Weekday {
  /// « lun », « lundi », « mer » (accents optional, three letters at least).
  public static func named(_ word: String) -> Weekday? {
    let folded = word.trimmingCharacters(in: .whitespaces).lowercased()
      .folding(options: .diacriticInsensitive, locale: nil)
    return allCases.first { folded.count >= 3 && $0.label.hasPrefix(folded) }
  }

  /// « lun,mar,jeu », full names, or ranges such as « lun-ven ».
  public static func parseList(_ text: String) -> Set<Weekday>? {
    var days: Set<Weekday> = []
    for part in text.lowercased().split(separator: ",") {
      let parsed = part.split(separator: "-").map { named(String($0)) }
      guard (1...2).contains(parsed.count), let first = parsed.first ?? nil,
        let last = parsed.last ?? nil, first <= last
      else { return nil }
      days.formUnion(allCases.filter { $0 >= first && $0 <= last })
    }
    return days.isEmpty ? nil : days
  }

  /// The short form read back by `parseList`: « lun-ven », « lun,mer,ven ».
  public static func listText(_ days: Set<Weekday>) -> String {
    let sorted = days.sorted()
    guard let first = sorted.first, let last = sorted.last else { return "" }
    if sorted.count > 2 && last.rawValue - first.rawValue + 1 == sorted.count {
      return "\(first.label.prefix(3))-\(last.label.prefix(3))"
    }
    return sorted.map { String($0.label.prefix(3)) }.joined(separator: ",")
  }
}

extension LocalDate {
  /// « 01/12/2026 » or « 2026-12-01 », years 2000 to 2200.
  public init?(parsing text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let iso = trimmed.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    let french = trimmed.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
    let parsed: LocalDate?
    if iso.count == 3, let year = iso[0], let month = iso[1], let day = iso[2] {
      parsed = LocalDate(year: year, month: month, day: day)
    } else if french.count == 3, let day = french[0], let month = french[1], let year = french[2] {
      parsed = LocalDate(year: year, month: month, day: day)
    } else {
      parsed = nil
    }
    guard let parsed, (2000...2200).contains(parsed.year) else { return nil }
    self = parsed
  }

  /// A date, optionally followed by a time: « 01/12/2026 » or « 01/12/2026 14:00 ».
  public static func moment(parsing text: String) -> (LocalDate, TimeOfDay?)? {
    let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard (1...2).contains(words.count), let date = LocalDate(parsing: words[0]) else { return nil }
    guard words.count == 2 else { return (date, nil) }
    guard let time = TimeOfDay(parsing: words[1]) else { return nil }
    return (date, time)
  }
}

/// Where a typed value comes from, so its refusal reads right: a console form's field (« Début : une heure
/// comme 09:00 ou 14h30 (reçu « 25h ») ») or a command-line option (« --from attend une heure… »).
public enum TypedIn: Sendable {
  case field(String)
  case option(String)

  /// What was typed, echoed back in a message: printable and short.
  public static func shown(_ text: String) -> String { SafeText.clean(String(text.prefix(40))) }

  func refusal(_ expected: String, typed text: String) -> UserError {
    let received = " (reçu « \(Self.shown(text)) »)."
    return switch self {
    case .field(let label): UserError("\(label) : \(expected)\(received)")
    case .option(let option): UserError("\(option) attend \(expected)\(received)")
    }
  }
}

/// The readers above with their French refusals, one wording for the console forms and `guichet operators`.
public enum FrenchInput {
  /// « lun,mar,jeu », full names, or « lun-ven ».
  public static func weekdays(_ text: String, _ place: TypedIn) throws(UserError) -> Set<Weekday> {
    guard let days = Weekday.parseList(text) else {
      throw place.refusal("des jours comme lun,mar,jeu ou lun-ven", typed: text)
    }
    return days
  }

  /// « 09:00 », « 9h », « 14h30 ».
  public static func time(_ text: String, _ place: TypedIn) throws(UserError) -> TimeOfDay {
    guard let time = TimeOfDay(parsing: text) else {
      throw place.refusal("une heure comme 09:00 ou 14h30", typed: text)
    }
    return time
  }

  /// « 01/12/2026 » or « 2026-12-01 ».
  public static func date(_ text: String, _ place: TypedIn) throws(UserError) -> LocalDate {
    guard let date = LocalDate(parsing: text) else {
      throw place.refusal("une date comme 01/12/2026 ou 2026-12-01", typed: text)
    }
    return date
  }

  /// A date, optionally followed by a time: « 01/12/2026 » or « 01/12/2026 14:00 ».
  public static func moment(_ text: String, _ place: TypedIn) throws(UserError) -> (
    LocalDate, TimeOfDay?
  ) {
    let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard (1...2).contains(words.count) else {
      throw place.refusal(
        "une date, éventuellement suivie d'une heure : 01/12/2026 14:00", typed: text)
    }
    return (try date(words[0], place), words.count == 2 ? try time(words[1], place) : nil)
  }
}
