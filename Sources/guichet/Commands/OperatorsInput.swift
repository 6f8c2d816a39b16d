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
    let key = text.lowercased().replacingOccurrences(of: "-", with: "_")
    guard let kind = OperatorKind(rawValue: key) else {
      throw UserError("type de structure inconnu « \(TypedIn.shown(text)) » : \(kindNames).")
    }
    return kind
  }

  static func place(_ text: String) throws(UserError) -> AppointmentPlace {
    switch text.lowercased() {
    case "site", "sur-place", "sur_place", "on_site": return .onSite
    case "telephone", "téléphone", "tel", "phone": return .phone
    case "visio", "video", "vidéo": return .video
    default: throw UserError("lieu inconnu « \(TypedIn.shown(text)) » : site, telephone ou visio.")
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
        "motif inconnu « \(TypedIn.shown(text)) » : conges, formation, reunion, permanence ou autre.")
    }
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
