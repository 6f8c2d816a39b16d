import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// Parses the French values typed after `guichet operators` options; every refusal says what is expected.
enum OperatorsInput {

  static func identifier(_ text: String, _ option: String) throws(UserError) -> Int64 {
    guard let value = Int64(text.trimmingCharacters(in: .whitespaces)), value > 0 else {
      throw UserError("\(option) attend un numéro (reçu « \(TypedIn.shown(text)) »).")
    }
    return value
  }

  static func number(_ text: String, _ option: String, in range: ClosedRange<Int>) throws(UserError)
    -> Int
  {
    guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
      throw UserError(
        "\(option) attend un nombre de \(range.lowerBound) à \(range.upperBound) (reçu « \(TypedIn.shown(text)) »)."
      )
    }
    return value
  }

  static let kindNames: String = OperatorKind.allCases.map(\.rawValue).joined(separator: ", ")
  /// What the shells offer after `--kind`.
  static let kindCompletion = CompletionKind.list(OperatorKind.allCases.map(\.rawValue))

  static func kind(_ text: String) throws(UserError) -> OperatorKind {
    guard let kind = OperatorKind(setupCode: text) else {
      throw UserError("type de structure inconnu « \(TypedIn.shown(text)) » : \(kindNames).")
    }
    return kind
  }

  static func place(_ text: String) throws(UserError) -> AppointmentPlace {
    guard let place = AppointmentPlace(setupCode: text) else {
      throw UserError("lieu inconnu « \(TypedIn.shown(text)) » : site, telephone ou visio.")
    }
    return place
  }

  static func reason(_ text: String) throws(UserError) -> AbsenceReason {
    guard let reason = AbsenceReason(setupCode: text) else {
      throw UserError(
        "motif inconnu « \(TypedIn.shown(text)) » : conges, formation, reunion, permanence ou autre."
      )
    }
    return reason
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
      "\(unknown) « \(TypedIn.shown(text)) »"
        + (items.isEmpty ? " : \(none)." : " ; \(listed) : \(names.joined(separator: ", ")).")
    )
  }

}
