import Foundation
import GuichetCore
import GuichetStore

/// Parses the French values typed after `guichet operators` options; every refusal says what is expected.
enum OperatorsInput {
  /// A typed value echoed back in a message: printable and short.
  static func shown(_ text: String) -> String { SafeText.clean(String(text.prefix(40))) }

  static func identifier(_ text: String, _ option: String) throws(UserError) -> Int64 {
    guard let value = Int64(text.trimmingCharacters(in: .whitespaces)), value > 0 else {
      throw UserError("\(option) attend un numéro (reçu « \(shown(text)) »).")
    }
    return value
  }

  static func number(_ text: String, _ option: String, in range: ClosedRange<Int>) throws(UserError)
    -> Int
  {
    guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
      throw UserError(
        "\(option) attend un nombre de \(range.lowerBound) à \(range.upperBound) (reçu « \(shown(text)) »)."
      )
    }
    return value
  }

  static let kindNames: String = OperatorKind.allCases.map(\.rawValue).joined(separator: ", ")

  static func kind(_ text: String) throws(UserError) -> OperatorKind {
    let key = text.lowercased().replacingOccurrences(of: "-", with: "_")
    guard let kind = OperatorKind(rawValue: key) else {
      throw UserError("type de structure inconnu « \(shown(text)) » : \(kindNames).")
    }
    return kind
  }

  static func place(_ text: String) throws(UserError) -> AppointmentPlace {
    switch text.lowercased() {
    case "site", "sur-place", "sur_place", "on_site": return .onSite
    case "telephone", "téléphone", "tel", "phone": return .phone
    case "visio", "video", "vidéo": return .video
    default: throw UserError("lieu inconnu « \(shown(text)) » : site, telephone ou visio.")
    }
  }

  static func reason(_ text: String) throws(UserError) -> AbsenceReason {
    switch text.lowercased() {
    case "conges", "congés", "leave": return .leave
    case "formation", "training": return .training
    case "reunion", "réunion", "meeting": return .meeting
    case "permanence", "outreach": return .outreach
    case "autre", "other": return .other
    default:
      throw UserError(
        "motif inconnu « \(shown(text)) » : conges, formation, reunion, permanence ou autre.")
    }
  }

  /// « lun,mar,jeu », full names, or « lun-ven ».
  static func weekdays(_ text: String) throws(UserError) -> Set<Weekday> {
    guard let days = Weekday.parseList(text) else {
      throw UserError(
        "jours non reconnus « \(shown(text)) » : par exemple lun,mar,jeu ou lun-ven.")
    }
    return days
  }

  static func time(_ text: String, _ option: String) throws(UserError) -> TimeOfDay {
    guard let time = TimeOfDay(parsing: text) else {
      throw UserError("\(option) attend une heure comme 09:00 ou 14h30 (reçu « \(shown(text)) »).")
    }
    return time
  }

  /// « 2026-12-01 » or « 01/12/2026 ».
  static func date(_ text: String, _ option: String) throws(UserError) -> LocalDate {
    guard let parsed = LocalDate(parsing: text) else {
      throw UserError(
        "\(option) attend une date comme 01/12/2026 ou 2026-12-01 (reçu « \(shown(text)) »).")
    }
    return parsed
  }

  /// A date, optionally followed by a time: « 01/12/2026 » or « 01/12/2026 14:00 ».
  static func moment(_ text: String, _ option: String) throws(UserError) -> (LocalDate, TimeOfDay?)
  {
    let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard (1...2).contains(words.count) else {
      throw UserError(
        "\(option) attend une date, éventuellement suivie d'une heure : « 01/12/2026 14:00 ».")
    }
    return (try date(words[0], option), words.count == 2 ? try time(words[1], option) : nil)
  }

  /// A territory by number or by name (without accents or case).
  static func territory(_ text: String, in territories: [Territory]) throws(UserError) -> Territory
  {
    try pick(
      text, in: territories, id: \.id, name: \.name, unknown: "territoire inconnu",
      none: "aucun territoire n'est défini", listed: "par exemple")
  }

  /// An item named on the command line by its number, or by its name with accents and case aside; the
  /// refusal lists a few of them.
  static func pick<Item>(
    _ text: String, in items: [Item], id: KeyPath<Item, Int64>, name: KeyPath<Item, String>,
    unknown: String, none: String, listed: String
  ) throws(UserError) -> Item {
    if let number = Int64(text), let found = items.first(where: { $0[keyPath: id] == number }) {
      return found
    }
    let key = SearchText.normalize(text)
    if let found = items.first(where: { SearchText.normalize($0[keyPath: name]) == key }) {
      return found
    }
    let names = items.prefix(8).map { "\($0[keyPath: id]) \($0[keyPath: name])" }
    throw UserError(
      "\(unknown) « \(shown(text)) »"
        + (items.isEmpty ? " : \(none)." : " ; \(listed) : \(names.joined(separator: ", ")).")
    )
  }

}
