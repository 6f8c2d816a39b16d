import Foundation
import GuichetCore

/// The advisor's list of the day (or week) as printed text: the paper for `lp` carries the contacts the store
/// returned to this account, the file written beside the slips never does (a file outlives an erasure, paper
/// goes with the advisor). Both are plain text, one appointment per block, so `lp` prints them as they are.
public struct AgendaPrintout: Equatable, Sendable {
  /// File name without folder: structure and first day, never a person.
  public var fileName: String
  public var paper: String
  public var file: String

  public init(fileName: String, paper: String, file: String) {
    self.fileName = fileName
    self.paper = paper
    self.file = file
  }

  public static func make(
    _ page: AgendaPage, structure: OperatorStructure, advisorName: String, context: AppContext
  ) -> AgendaPrintout {
    let query = page.query
    let first = query.firstDay
    let suffix =
      switch query.mode {
      case .day: ""
      case .week: "-semaine"
      case .backlog: "-a-completer"
      }
    func text(contacts: Bool) -> String {
      var lines = header(page, structure: structure, advisorName: advisorName, context: context)
      if !contacts {
        lines.append("Coordonnées non incluses dans ce fichier : elles restent dans Guichet.")
      }
      lines.append("")
      if page.entries.isEmpty { lines.append("Aucun rendez-vous.") }
      for entry in page.entries {
        lines += block(
          entry, titles: page.occupationTitles, contacts: contacts, week: query.mode != .day,
          timeZone: context.timeZone)
        lines.append("")
      }
      lines.append(
        "Liste imprimée par Guichet pour l'usage du conseiller : à détruire après usage.")
      return lines.joined(separator: "\n") + "\n"
    }
    return AgendaPrintout(
      fileName: "agenda-\(structure.id ?? 0)-\(first)\(suffix).txt",
      paper: text(contacts: true), file: text(contacts: false))
  }

  static func header(
    _ page: AgendaPage, structure: OperatorStructure, advisorName: String, context: AppContext
  ) -> [String] {
    let query = page.query
    let period: String
    switch query.mode {
    case .day:
      period = "\(query.day.weekday.label.capitalized) \(query.day.frenchNumeric)"
    case .week:
      let monday = query.day.startOfWeek
      period = "Semaine du \(monday.frenchNumeric) au \(monday.adding(days: 6).frenchNumeric)"
    case .backlog:
      period = "Rendez-vous passés, résultat non saisi"
    }
    let printed = LocalClock.wallTime(of: context.now, in: context.timeZone)
    return [
      "Agenda — \(structure.name) — \(advisorName)",
      "\(period) · \(page.entries.count) rendez-vous",
      "Imprimé le \(printed.date.frenchNumeric) à \(printed.time)",
    ]
  }

  static func block(
    _ entry: AgendaEntry, titles: [String: String], contacts: Bool, week: Bool,
    timeZone: TimeZone
  ) -> [String] {
    let appointment = entry.appointment
    let start = LocalClock.wallTime(of: appointment.startsAt, in: timeZone)
    let end = LocalClock.wallTime(of: appointment.endsAt, in: timeZone)
    let day = week ? "\(start.date.weekday.label.capitalized) \(start.date.frenchNumeric) " : ""
    var details = AgendaScreen.handoverLines(entry, titles: titles)
    if contacts, entry.contact != nil { details.insert(AgendaScreen.contactLine(entry), at: 0) }
    return [
      "\(day)\(start.time)–\(end.time) · \(entry.advisorName) · \(appointment.place.label) · "
        + "\(appointment.status.label) · \(appointment.reference)"
    ] + details.map { "    " + $0 }
  }
}
