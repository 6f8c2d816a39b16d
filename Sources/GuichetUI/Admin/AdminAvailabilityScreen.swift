import GuichetCore

/// Administration: one advisor's opening rules (weekdays, hours, length, place, group seats) and absences.
/// Free slots are computed from them, so a change shows at once in « prochains créneaux ».
public enum AdminAvailabilityScreen {
  public enum Command: Equatable, Sendable { case addRule, editRule, addAbsence, delete, up, down }

  public struct State: Equatable, Sendable {
    public var advisor: Advisor
    public var rules: [OpeningRule] = []
    public var absences: [Absence] = []
    public var loaded = false
    /// Over the rules first, then the absences.
    public var selection = 0
    public var confirming = false

    public init(advisor: Advisor) { self.advisor = advisor }

    var count: Int { rules.count + absences.count }

    public var selectedRule: OpeningRule? {
      rules.indices.contains(selection) ? rules[selection] : nil
    }

    public var selectedAbsence: Absence? {
      let index = selection - rules.count
      return absences.indices.contains(index) ? absences[index] : nil
    }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    /// A write went through: on top, this list says so and reloads; below, it only keeps the focus.
    case written(AdminWrite, message: String, onTop: Bool)
    case loaded(advisorID: Int64, [OpeningRule], [Absence])
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding([.char("p")], "Nouvelle plage", help: "Ajouter une plage d'ouverture", .addRule),
    KeyBinding([.char("m")], "Modifier", help: "Modifier la plage sélectionnée", .editRule),
    KeyBinding([.char("a")], "Absence", help: "Ajouter une absence ou des congés", .addAbsence),
    KeyBinding(
      [.char("s")], "Supprimer", help: "Supprimer la plage ou l'absence (confirmation O)", .delete),
    KeyBinding([.up], "Précédente", .up, inKeyBar: false),
    KeyBinding([.down], "Suivante", .down, inKeyBar: false),
  ]

  public static func loadEffect(_ state: State) -> Effect {
    guard let id = state.advisor.id else { return .none }
    return .admin(.loadAvailability(advisorID: id))
  }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .written(_, let message, let onTop):
      return onTop ? .navigate(.status(StatusMessage(message))) + loadEffect(state) : .none
    case .loaded(let advisorID, let rules, let absences):
      guard advisorID == state.advisor.id else { return .none }
      state.rules = rules
      state.absences = absences
      state.loaded = true
      state.selection = min(state.selection, max(0, state.count - 1))
    case .key(let key):
      if state.confirming {
        state.confirming = false
        guard key.isYes else { return .none }
        if let rule = state.selectedRule { return .admin(.write(.deleteOpeningRule(rule))) }
        if let absence = state.selectedAbsence { return .admin(.write(.deleteAbsence(absence))) }
        return .none
      }
      guard let command: Command = bindings.command(for: key), let id = state.advisor.id else {
        return .none
      }
      switch command {
      case .up: state.selection = max(0, state.selection - 1)
      case .down: state.selection = min(max(0, state.count - 1), state.selection + 1)
      case .addRule: return .navigate(.push(.admin(.form(.openingRule(advisorID: id, nil)))))
      case .editRule:
        guard let rule = state.selectedRule else { return .none }
        return .navigate(.push(.admin(.form(.openingRule(advisorID: id, rule)))))
      case .addAbsence: return .navigate(.push(.admin(.form(.absence(advisorID: id)))))
      case .delete: state.confirming = state.count > 0
      }
    }
    return .none
  }

  /// « lun-ven 09:00–12:00 · 45 min · Sur place · 8 places · du 01/12/2026 »
  static func line(_ rule: OpeningRule) -> String {
    let seats = rule.groupCapacity.map { " · \($0) places" } ?? ""
    let until = rule.validTo.map { " au \($0.frenchNumeric)" } ?? ""
    return
      "\(Weekday.listText(rule.weekdays)) \(rule.start)–\(rule.end) · \(rule.slotMinutes) min · \(rule.place.label)\(seats) · du \(rule.validFrom.frenchNumeric)\(until)"
  }

  /// Whole days read « du 04/12/2026 au 05/12/2026 » (last day included), otherwise with the times.
  static func line(_ absence: Absence, context: AppContext) -> String {
    let zone = context.timeZone
    let first = LocalDate(absence.startsAt, in: zone)
    let last = LocalDate(absence.endsAt, in: zone).adding(days: -1)
    if absence.startsAt == LocalClock.startOfDay(first)
      && absence.endsAt == LocalClock.startOfDay(last.adding(days: 1)) && first <= last
    {
      return "\(absence.reason.label) : du \(first.frenchNumeric) au \(last.frenchNumeric) inclus"
    }
    return
      "\(absence.reason.label) : du \(Format.day(absence.startsAt, zone)) \(Format.time(absence.startsAt, zone)) au \(Format.day(absence.endsAt, zone)) \(Format.time(absence.endsAt, zone))"
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let inner = area.inset(1)
    canvas.put(state.advisor.displayName, x: inner.x, y: inner.y, style: .title, limit: inner.width)
    guard state.loaded else {
      canvas.put("Chargement…", x: inner.x, y: inner.y + 2, style: .muted)
      return
    }
    var lines: [(String, Style, Int?)] = [("Plages d'ouverture", .bold, nil)]
    if state.rules.isEmpty {
      lines.append(("  Aucune plage : P pour en ajouter une.", .muted, nil))
    }
    for (index, rule) in state.rules.enumerated() {
      lines.append((" " + line(rule), .plain, index))
    }
    lines.append(("", .plain, nil))
    lines.append(("Absences à venir", .bold, nil))
    if state.absences.isEmpty { lines.append(("  Aucune absence.", .muted, nil)) }
    for (index, absence) in state.absences.enumerated() {
      lines.append((" " + line(absence, context: context), .plain, state.rules.count + index))
    }
    let rows = inner.height - 3
    let selectedLine = lines.firstIndex { $0.2 == state.selection } ?? 0
    let first = max(0, min(selectedLine - rows + 1, lines.count - rows))
    for (offset, line) in lines.dropFirst(first).prefix(rows).enumerated() {
      let selected = line.2 != nil && line.2 == state.selection
      canvas.putPadded(
        line.0, x: inner.x, y: inner.y + 2 + offset, width: inner.width,
        style: selected ? .selected : line.1)
    }
    if state.confirming {
      canvas.putMessage(
        "Supprimer la ligne sélectionnée ? Les rendez-vous déjà pris restent. O pour confirmer.",
        x: inner.x, y: inner.y + inner.height - 1, width: inner.width,
        style: Style(tone: .warning, bold: true), maxLines: 2, upward: true, padded: true)
    }
  }
}
