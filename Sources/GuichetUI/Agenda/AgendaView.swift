import Foundation
import GuichetCore

/// Drawing, title, key bar and help of the agenda. The handover shows codes and labels only, never free text;
/// contact data appears only while the consent holds (the store returns none otherwise).
extension AgendaScreen {
  static let detailRows = 7

  public static func title(_ state: State) -> String {
    guard state.structure != nil else { return "Agenda — structure" }
    switch state.mode {
    case .day: return "Agenda du jour"
    case .week: return "Agenda de la semaine"
    case .backlog: return "Rendez-vous à compléter"
    }
  }

  public static func hints(_ state: State) -> [HintLine] {
    if let pending = state.pending {
      let what =
        pending.status.isCancellation ? "Confirmer l'annulation" : "Confirmer la correction"
      return [HintLine(key: "O", text: what), HintLine(key: "Autre", text: "Garder")]
    }
    return (state.structure == nil ? pickBindings : bindings).map(\.hintLine)
  }

  public static func help(_ state: State, title: String) -> HelpScreen.State {
    HelpScreen.State(
      screenTitle: title,
      purpose:
        "Agenda des conseillers d'une structure : jour ou semaine, ou rendez-vous passés à compléter. Chaque rendez-vous montre la note de l'accueil (demandes, public, métiers consultés : des codes, jamais de texte libre) et les coordonnées tant que le consentement tient. Reçu se saisit dès le jour du rendez-vous (la personne arrivée en avance), absent après l'heure ; corriger l'un par l'autre, excusé et annulé se confirment avec O, et excusé et annulé libèrent le créneau. I imprime la liste affichée (le fichier écrit à côté ne contient jamais de coordonnées). Les réservations des autres postes apparaissent d'elles-mêmes.",
      lines: bindings.map(\.hintLine))
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    guard let structure = state.structure else {
      renderPicker(state, in: area, on: &canvas)
      return
    }
    canvas.put(
      " \(structure.shortLabel) — \(state.advisorName)", x: area.x + 1, y: area.y, style: .title,
      limit: area.width - 2)
    canvas.put(
      " " + heading(state, context: context), x: area.x + 1, y: area.y + 1, style: .bold,
      limit: area.width - 2)
    let entries = state.entries
    let listRows = max(1, area.height - 4 - detailRows)
    let week = state.mode != .day
    canvas.putPadded(
      " " + (week ? Text.column("Jour", width: 11) : "") + Text.column("Heure", width: 6)
        + Text.column("Conseiller", width: 16) + Text.column("Lieu", width: 10)
        + Text.column("Statut", width: 11) + "Personne",
      x: area.x + 1, y: area.y + 2, width: area.width - 2, style: .muted)
    if state.page?.query != state.query {
      canvas.put(" Chargement…", x: area.x + 1, y: area.y + 3, style: .muted)
      return
    }
    if entries.isEmpty {
      canvas.put(" " + emptyText(state.mode), x: area.x + 1, y: area.y + 3, style: .muted)
      return
    }
    let first = max(0, min(state.selection - listRows + 1, entries.count - listRows))
    for line in 0..<min(listRows, entries.count - first) {
      let index = first + line
      let entry = entries[index]
      let appointment = entry.appointment
      let wall = LocalClock.wallTime(of: appointment.startsAt, in: context.timeZone)
      let text =
        " "
        + (week
          ? Text.column("\(wall.date.weekday.label.prefix(3)) \(shortDay(wall.date))", width: 11)
          : "")
        + Text.column(wall.time.description, width: 6)
        + Text.column(entry.advisorName, width: 16)
        + Text.column(shortPlace(appointment.place), width: 10)
        + Text.column(shortStatus(appointment.status), width: 11)
        + (entry.contact?.displayName ?? "—")
      let style: Style = index == state.selection ? .selected : statusStyle(appointment.status)
      canvas.putPadded(
        text, x: area.x + 1, y: area.y + 3 + line, width: area.width - 2, style: style)
    }
    if let entry = state.selected {
      renderDetail(
        entry, titles: state.page?.occupationTitles ?? [:], pending: state.pending,
        in: Rect(
          x: area.x, y: area.y + area.height - detailRows, width: area.width, height: detailRows),
        on: &canvas, context: context)
    }
  }

  static func renderPicker(_ state: State, in area: Rect, on canvas: inout Canvas) {
    canvas.put(" Agenda de quelle structure ?", x: area.x + 1, y: area.y, style: .title)
    guard state.structuresLoaded else {
      canvas.put(" Chargement…", x: area.x + 1, y: area.y + 2, style: .muted)
      return
    }
    guard !state.structures.isEmpty else {
      canvas.put(
        state.ownStructureID == nil
          ? " Aucune structure n'a de conseiller : ajoutez-en depuis l'administration (O à l'accueil)."
          : " Votre structure n'a encore aucun conseiller à l'agenda : un administrateur les ajoute.",
        x: area.x + 1,
        y: area.y + 2, style: .muted, limit: area.width - 2)
      return
    }
    let rows = max(1, area.height - 2)
    let first = max(0, min(state.structureIndex - rows + 1, state.structures.count - rows))
    for line in 0..<min(rows, state.structures.count - first) {
      let index = first + line
      let structure = state.structures[index]
      canvas.putPadded(
        " " + Format.structureRow(structure), x: area.x + 1,
        y: area.y + 2 + line, width: area.width - 2,
        style: index == state.structureIndex ? .selected : .plain)
    }
  }

  static func renderDetail(
    _ entry: AgendaEntry, titles: [String: String], pending: AgendaPending?, in area: Rect,
    on canvas: inout Canvas, context: AppContext
  ) {
    let appointment = entry.appointment
    let width = area.width - 2
    canvas.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: .muted)
    canvas.put(String(repeating: "─", count: area.width), x: area.x, y: area.y, style: .muted)
    let start = LocalClock.wallTime(of: appointment.startsAt, in: context.timeZone)
    let end = LocalClock.wallTime(of: appointment.endsAt, in: context.timeZone)
    var lines: [(String, Style)] = [
      (
        "Réf. \(appointment.reference) · \(start.date.frenchNumeric) \(start.time)–\(end.time) · "
          + "\(appointment.place.label) · \(appointment.status.label)", .bold
      )
    ]
    lines.append(
      entry.contact == nil
        ? ("Coordonnées effacées (consentement retiré ou données purgées).", .muted)
        : (contactLine(entry), .plain))
    lines += handoverLines(entry, titles: titles).map { ($0, .plain) }
    if let pending {
      lines.append(
        (pendingText(pending, current: appointment.status), Style(tone: .warning, bold: true)))
    }
    for (index, line) in lines.prefix(area.height - 1).enumerated() {
      canvas.put(
        " " + line.0, x: area.x + 1, y: area.y + 1 + index, style: line.1, limit: width)
    }
  }

  /// The person's name and how to reach them; only called when the store returned the contact.
  static func contactLine(_ entry: AgendaEntry) -> String {
    guard let contact = entry.contact else { return "" }
    let reach = [contact.phone?.description, contact.email?.description].compactMap { $0 }
    return "Personne : " + ([contact.displayName] + reach).joined(separator: " · ")
  }

  /// The first level's handover as the screen and the printed list show it: codes and labels only.
  static func handoverLines(_ entry: AgendaEntry, titles: [String: String]) -> [String] {
    let handover = entry.handover
    // « Accueil du 27/11/2026 : Décrocheur · 16-25 ans · Vienne » fits 80 columns with the longest names.
    let visit = handover.visitDay.map { " du \($0.frenchNumeric)" } ?? ""
    let who =
      [handover.publicCategory.label, handover.ageBand.label]
      + [handover.territoryName].compactMap { $0 }
    let consulted = handover.occupationCodes.map { code in
      titles[code].map { "\(code) \($0)" } ?? code
    }
    return [
      "Accueil\(visit) : " + who.joined(separator: " · "),
      "Demandes : "
        + (handover.requestKinds.isEmpty
          ? "non précisées" : handover.requestKinds.map(\.label).joined(separator: ", ")),
      "Métiers consultés : " + (consulted.isEmpty ? "aucun" : consulted.joined(separator: ", ")),
    ]
  }

  /// What « O » will do: a cancellation frees the slot; a correction replaces the outcome already recorded.
  static func pendingText(_ pending: AgendaPending, current: AppointmentStatus) -> String {
    pending.status.isCancellation
      ? "« \(pending.status.label) » : le créneau sera libéré. Confirmer avec O, autre touche pour garder."
      : "Déjà « \(current.label.lowercased()) » : corriger en « \(pending.status.label.lowercased()) » ? O confirme, autre touche garde."
  }

  static func heading(_ state: State, context: AppContext) -> String {
    let count = state.entries.count
    let counted = "\(count) rendez-vous"
    switch state.mode {
    case .day:
      let today = LocalDate(context.now, in: context.timeZone)
      let relative = state.day == today ? " (aujourd'hui)" : ""
      return
        "\(state.day.weekday.label.capitalized) \(state.day.frenchNumeric)\(relative) · \(counted)"
    case .week:
      let monday = state.day.startOfWeek
      return
        "Semaine du \(monday.frenchNumeric) au \(monday.adding(days: 6).frenchNumeric) · \(counted)"
    case .backlog:
      return "Passés, résultat non saisi · \(counted)"
    }
  }

  static func emptyText(_ mode: AgendaMode) -> String {
    switch mode {
    case .day: "Aucun rendez-vous ce jour. ← → : autre jour, S : semaine."
    case .week: "Aucun rendez-vous cette semaine. ← → : autre semaine."
    case .backlog: "Tous les rendez-vous passés ont leur résultat."
    }
  }

  static func shortDay(_ date: LocalDate) -> String {
    String(date.frenchNumeric.prefix(5))
  }

  static func shortPlace(_ place: AppointmentPlace) -> String {
    switch place {
    case .onSite: "Sur place"
    case .phone: "Téléphone"
    case .video: "Visio"
    }
  }

  /// The status in the list's narrow column, with the same words as the keys (« Excusé », « Annulé »).
  static func shortStatus(_ status: AppointmentStatus) -> String {
    switch status {
    case .excused: "Excusé"
    case .revoked: "Annulé"
    default: status.label
    }
  }

  static func statusStyle(_ status: AppointmentStatus) -> Style {
    switch status {
    case .booked: .plain
    case .seen: Style(tone: .success)
    case .noShow: Style(tone: .warning)
    case .excused, .revoked: .muted
    }
  }
}
