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

  /// A territory by number, or by part of a commune, bassin or territory name as the console picks one
  /// (`AppDatabase.territories(matching:limit:)`): taken when the whole name matches one territory only,
  /// else refused with the best matches first.
  static func territory(_ text: String, in database: AppDatabase) throws -> Territory {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let number = Int64(trimmed),
      let found = try database.territories().first(where: { $0.id == number })
    {
      return found
    }
    let matches = try database.territories(matching: trimmed, limit: 6)
    if let found = matches.unambiguous { return found.territory }
    throw UserError(
      "territoire inconnu « \(TypedIn.shown(text)) »"
        + (matches.isEmpty
          ? " : voyez guichet territories list."
          : " ; vouliez-vous dire : "
            + matches.map { "\($0.territory.id) \($0.label)" }.joined(separator: ", ") + " ?"))
  }
}
