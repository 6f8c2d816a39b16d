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
        "motif inconnu « \(TypedIn.shown(text)) » : conges, formation, reunion, permanence ou autre.")
    }
    return reason
  }

  /// A territory by number or by name (without accents or case).
  static func territory(_ text: String, in territories: [Territory]) throws(UserError) -> Territory
  {
    if let id = Int64(text), let found = territories.first(where: { $0.id == id }) { return found }
    let key = SearchText.normalize(text)
    if let found = territories.first(where: { SearchText.normalize($0.name) == key }) {
      return found
    }
    let names = territories.prefix(8).map { "\($0.id) \($0.name)" }.joined(separator: ", ")
    throw UserError(
      "territoire inconnu « \(TypedIn.shown(text)) »"
        + (territories.isEmpty ? " : aucun territoire n'est défini." : " ; par exemple : \(names).")
    )
  }
}
