import Foundation
import GuichetCore

/// Drawing and key bar of the availability screen: the week shown in the heading, its slots (scrolled
/// to the highlight), an empty week told apart from « nothing free at all ».
extension AvailabilityScreen {
  /// The key bar: Entrée and the week keys; F2 first, and only then, when nothing at all is free (a move
  /// never closes).
  public static func hints(_ state: State) -> [HintLine] {
    if state.typedDate != nil {
      return [
        HintLine(key: "Entrée", text: "Aller à la date"), HintLine(key: "Échap", text: "Annuler"),
      ]
    }
    var lines = allLines(state)
    // An empty week has nothing to choose: the bar keeps its room for the week keys.
    if state.slots?.isEmpty == true, let choose = lines.firstIndex(where: { $0.binds(.enter) }) {
      lines[choose].inKeyBar = false
    }
    guard let close = lines.firstIndex(where: { $0.binds(.function(2)) }) else { return lines }
    var closing = lines.remove(at: close)
    closing.inKeyBar = state.offersClosing
    return state.offersClosing ? [closing] + lines : lines + [closing]
  }

  /// Every key of the screen for F1 (a move has no F2).
  static func allLines(_ state: State) -> [HintLine] {
    bindings.filter { state.draft.rescheduling == nil || $0.command != .closeNoSlot }
      .map(\.hintLine)
  }

  /// « mar. 03/03/2026 09:30  J+4  Sur place · Claire Martin · Mission locale de Vienne »: the structure last, as it is the longest.
  static func line(_ slot: AvailableSlot, context: AppContext) -> String {
    let start = slot.slot.startsAt
    return
      "\(Format.day(start, context.timeZone)) \(Format.time(start, context.timeZone))  J+\(slot.delayDays)  \(slot.slot.place.label) · \(slot.advisorName) · \(slot.structureLabel)"
  }

  /// What to do about an empty search: have opening hours entered, or tell the person all is booked.
  static func explanation(_ reason: NoSlotReason) -> String {
    switch reason {
    case .noOpeningHours:
      "Aucun conseiller de ces structures servant ce territoire n'a de plages d'ouverture : "
        + "faites-les saisir dans l'administration (O depuis l'accueil)."
    case .fullyBooked(let days):
      "Tous les créneaux des conseillers de ce territoire sont pris dans les \(days) prochains jours."
    case .noOpenDirectory(let kinds):
      "Aucune structure \(kinds.map(\.label).joined(separator: " ni ")) n'est enregistrée pour ce territoire : "
        + "il n'en existe pas d'annuaire ouvert à reprendre. Ajoutez-la avec ses conseillers et plages "
        + "dans l'administration (O depuis l'accueil) ou par fichier : guichet operators import "
        + "(modèle : guichet operators import --example)."
    }
  }

  /// « Semaine du lundi 7 décembre 2026 · 12 créneaux libres »
  static func weekHeading(_ state: State, context: AppContext) -> String? {
    if state.offeredAfterRace { return "Autres créneaux libres de ce conseiller" }
    guard let monday = state.monday else { return nil }
    let current = monday == today(context).startOfWeek ? " (en cours)" : ""
    let free = state.slots?.count ?? 0
    let count = free == 0 ? "" : free == 1 ? " · 1 créneau libre" : " · \(free) créneaux libres"
    return "Semaine du \(monday.frenchLong)\(current)\(count)"
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let inner = area.inset(1)
    var y = inner.y
    let kind = state.draft.operatorKind?.label ?? "Tous les opérateurs"
    let heading =
      state.draft.rescheduling.map {
        "Déplacer \($0) · \(state.draft.structure?.shortLabel ?? kind)"
      } ?? "\(kind) · \(context.territoryName(state.draft.visit.territoryID))"
    canvas.put(heading, x: inner.x, y: y, style: .title, limit: inner.width)
    y += 1
    if let week = weekHeading(state, context: context) {
      canvas.put(week, x: inner.x, y: y, style: .bold, limit: inner.width)
      y += 1
    }
    for message in [state.notice, state.error].compactMap({ $0 }) {
      y += canvas.putMessage(message, x: inner.x, y: y, width: inner.width, style: .error)
    }
    if let typed = state.typedDate {
      let label = "Date (jj/mm/aaaa) :"
      canvas.put(label, x: inner.x, y: y, style: .bold)
      canvas.putPadded(
        " " + typed + "_", x: inner.x + label.count + 1, y: y, width: 13, style: .selected)
      y += 1
    }
    y += 1
    guard let week = state.week else {
      canvas.put("Recherche des créneaux libres…", x: inner.x, y: y)
      return
    }
    if week.slots.isEmpty {
      renderEmpty(week, state, x: inner.x, y: y, width: inner.width, on: &canvas)
      return
    }
    canvas.put(
      "Date et heure          Délai  Lieu · Conseiller · Structure", x: inner.x, y: y,
      style: .muted, limit: inner.width)
    y += 1
    let rows = max(1, inner.y + inner.height - y)
    let first = max(0, min(state.highlight - rows + 1, week.slots.count - rows))
    for index in first..<min(week.slots.count, first + rows) {
      canvas.putPadded(
        " " + line(week.slots[index], context: context), x: inner.x, y: y, width: inner.width,
        style: index == state.highlight ? .selected : .plain)
      y += 1
    }
  }

  /// An empty week: other weeks have slots (say the first), or nothing is free at all (say why, offer F2).
  static func renderEmpty(
    _ week: SlotWeek, _ state: State, x: Int, y start: Int, width: Int, on canvas: inout Canvas
  ) {
    var y = start
    if let first = week.firstFreeDay {
      y += canvas.putMessage(
        "Aucun créneau libre cette semaine. Premier créneau libre : \(first.weekday.label) \(first.frenchNumeric).",
        x: x, y: y, width: width, style: .bold)
      canvas.put(
        "Pg↓ semaine suivante · Pg↑ semaine précédente · D une date", x: x, y: y + 1, style: .muted,
        limit: width)
      return
    }
    canvas.put("Aucun créneau disponible.", x: x, y: y, style: .bold)
    y += 1
    if let reason = week.noSlotReason {
      y += canvas.putMessage(explanation(reason), x: x, y: y, width: width, style: .plain)
    }
    canvas.put(
      state.draft.rescheduling == nil
        ? "F2 : clôturer la visite (pas de rendez-vous, aucun créneau) · Échap : autre opérateur"
        : "Échap : garder le rendez-vous tel qu'il est",
      x: x, y: y + 1, style: .muted, limit: width)
  }
}
