import GRDB
import GuichetCore

/// The `opening_rule` row: weekdays as a bit mask, times as minutes since midnight, days as `yyyymmdd`.
struct OpeningRuleRecord: Codable, Sendable, StoredRecord {
  static let databaseTableName = "opening_rule"
  var id: Int64?
  var advisorID: Int64
  var weekdays: Int
  var startMinute: Int
  var endMinute: Int
  var slotMinutes: Int
  var place: String
  var groupCapacity: Int?
  var validFrom: Int
  var validTo: Int?

  init(_ rule: OpeningRule) {
    id = rule.id
    advisorID = rule.advisorID
    weekdays = Weekday.mask(rule.weekdays)
    startMinute = rule.start.minutes
    endMinute = rule.end.minutes
    slotMinutes = rule.slotMinutes
    place = rule.place.rawValue
    groupCapacity = rule.groupCapacity
    validFrom = rule.validFrom.number
    validTo = rule.validTo?.number
  }

  /// nil for a row this version cannot read (the schema's checks make it unlikely).
  var rule: OpeningRule? {
    guard let start = TimeOfDay(minutes: startMinute), let end = TimeOfDay(minutes: endMinute),
      let from = LocalDate(number: validFrom)
    else { return nil }
    return OpeningRule(
      id: id, advisorID: advisorID, weekdays: Weekday.set(mask: weekdays), start: start, end: end,
      slotMinutes: slotMinutes, place: AppointmentPlace(rawValue: place) ?? .onSite,
      groupCapacity: groupCapacity, validFrom: from,
      validTo: validTo.flatMap(LocalDate.init(number:)))
  }
}
