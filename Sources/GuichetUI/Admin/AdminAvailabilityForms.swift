import Foundation
import GuichetCore

/// The opening-rule and absence forms. Rules are checked by `OpeningRule.validate` (the same checks as
/// the schema), so the console and `guichet operators add-rule` refuse the same things.
extension AdminFormScreen {
  static func openingRuleFields(_ rule: OpeningRule?, context: AppContext) -> [FormField] {
    let places = AppointmentPlace.allCases
    let today = LocalDate(context.now, in: context.timeZone)
    return [
      .text(
        "Jours", rule.map { Weekday.listText($0.weekdays) } ?? "lun-ven",
        hint: "lun-ven ou lun,mar,jeu", limit: 60),
      .text("Début", rule?.start.description ?? "09:00", hint: "09:00 ou 9h", limit: 5),
      .text("Fin", rule?.end.description ?? "12:00", hint: "12:00 ou 12h", limit: 5),
      .text(
        "Durée (minutes)", rule.map { String($0.slotMinutes) } ?? "45",
        hint: "d'un rendez-vous, 5 à 480", limit: 3),
      .choice(
        "Lieu", places.map(\.label), selected: rule.flatMap { places.firstIndex(of: $0.place) } ?? 0
      ),
      .text(
        "Places (collectif)", rule?.groupCapacity.map(String.init) ?? "",
        hint: "vide : une personne ; 2 à 100 : séance collective", limit: 3),
      .text(
        "Valable du", (rule?.validFrom ?? today).frenchNumeric, hint: "01/12/2026", limit: 10),
      .text(
        "Jusqu'au", rule?.validTo?.frenchNumeric ?? "", hint: "vide : sans fin", limit: 10),
    ]
  }

  static func parseOpeningRule(_ fields: FormFields, advisorID: Int64, original: OpeningRule?)
    throws(UserError) -> OpeningRule
  {
    let days = try FrenchInput.weekdays(fields.text(0), .field("Jours"))
    let start = try FrenchInput.time(fields.text(1), .field("Début"))
    let end = try FrenchInput.time(fields.text(2), .field("Fin"))
    guard let length = Int(fields.text(3)) else {
      throw UserError("La durée d'un rendez-vous est un nombre de minutes, par exemple 45.")
    }
    let seats = fields.text(5)
    var capacity: Int?
    if !seats.isEmpty {
      guard let value = Int(seats) else {
        throw UserError("Places : un nombre de 2 à 100, ou rien pour une personne à la fois.")
      }
      capacity = value
    }
    let from = try FrenchInput.date(fields.text(6), .field("Valable du"))
    let to =
      fields.text(7).isEmpty ? nil : try FrenchInput.date(fields.text(7), .field("Jusqu'au"))
    let rule = OpeningRule(
      id: original?.id, advisorID: advisorID, weekdays: days, start: start, end: end,
      slotMinutes: length, place: AppointmentPlace.allCases[fields.choice(4)],
      groupCapacity: capacity, validFrom: from, validTo: to)
    try rule.validate()
    return rule
  }

  static func absenceFields(context: AppContext) -> [FormField] {
    let today = LocalDate(context.now, in: context.timeZone).frenchNumeric
    return [
      .text("Du", today, hint: "01/12/2026, ou 01/12/2026 14:00", limit: 16),
      .text("Au", today, hint: "dernier jour inclus, ou date et heure de fin", limit: 16),
      .choice("Motif", AbsenceReason.allCases.map(\.label)),
    ]
  }

  /// Dates alone take whole days (the last one included); with times, the absence is exactly that period.
  static func parseAbsence(_ fields: FormFields, advisorID: Int64, context: AppContext)
    throws(UserError) -> Absence
  {
    let first = try FrenchInput.moment(fields.text(0), .field("Du"))
    let last = try FrenchInput.moment(fields.text(1), .field("Au"))
    let absence = Absence(
      advisorID: advisorID, from: first, to: last,
      reason: AbsenceReason.allCases[fields.choice(2)])
    try absence.validate()
    return absence
  }
}
