import GuichetCore

extension VisitFormScreen {
  public static func title(_ state: State, context: AppContext) -> String {
    guard let id = state.visit.id else { return "Nouvelle visite" }
    return "Visite n° \(id) — \(state.visit.status.label.lowercased())"
  }

  /// Current value of a field as the agent reads it.
  static func value(of field: Field, _ state: State, context: AppContext) -> String {
    field.shows(state.visit, state.communeName, context)
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let leftWidth = min(48, max(30, area.width / 2))
    let (left, right) = area.splitLeft(leftWidth)
    let arrival = Format.time(state.visit.arrivedAt, context.timeZone)
    canvas.put(
      "Arrivée \(arrival) · \(state.visit.channel.label)", x: left.x + 1, y: left.y, style: .muted,
      limit: left.width - 2)
    var y = left.y + 2
    for field in Field.all {
      let active = state.activeFields.contains(field)
      let focused = field == state.focus
      let labelStyle: Style =
        focused ? Style(tone: .accent, bold: true, reverse: true) : (active ? .bold : .muted)
      canvas.putPadded(" \(field.label)", x: left.x, y: y, width: 16, style: labelStyle)
      let text = active ? value(of: field, state, context: context) : "—"
      canvas.putPadded(
        " " + text, x: left.x + 16, y: y, width: left.width - 17, style: focused ? .bold : .plain)
      y += field.multiple ? 2 : 1
    }
    if let error = state.error {
      canvas.putMessage(
        "⚠ " + error, x: left.x + 1, y: left.maxY - 2, width: area.width - 2, style: .error,
        maxLines: 2, upward: true)
    } else if state.saving {
      canvas.put("Enregistrement…", x: left.x + 1, y: left.maxY - 2, style: .muted)
    }
    if state.confirmingDiscard {
      canvas.putPadded(
        " Abandonner les modifications de cette visite ? (O = oui, autre touche = non)", x: left.x,
        y: left.maxY - 1, width: area.width, style: Style(tone: .warning, bold: true, reverse: true)
      )
    }
    renderPanel(
      state, in: Rect(x: right.x, y: right.y, width: right.width - 1, height: right.height - 2),
      on: &canvas)
  }

  static func renderPanel(_ state: State, in area: Rect, on canvas: inout Canvas) {
    canvas.box(area, title: state.focus.label)
    let inner = area.inset(1)
    if state.focus == .territory {
      renderCommunes(state, in: inner, on: &canvas)
      return
    }
    guard let list = state.lists[state.focus] else { return }
    let multiple = state.focus.multiple
    list.render(
      in: inner, on: &canvas, isSelected: { isSelected($0, state) },
      mark: { selected in multiple ? (selected ? "[x] " : "[ ] ") : (selected ? "● " : "  ") })
  }

  static func isSelected(_ option: Option, _ state: State) -> Bool {
    state.focus.chosen(state.visit).contains(option.code)
  }

  static func renderCommunes(_ state: State, in inner: Rect, on canvas: inout Canvas) {
    let prompt = " Commune : "
    canvas.put(prompt, x: inner.x, y: inner.y, style: .bold)
    let used = canvas.put(
      state.communeQuery, x: inner.x + prompt.count, y: inner.y, style: .underline,
      limit: inner.width - prompt.count - 1)
    canvas.cursor = Point(x: inner.x + prompt.count + used, y: inner.y)
    if state.communeQuery.isEmpty {
      canvas.put(
        " Tapez le nom de la commune de résidence.", x: inner.x, y: inner.y + 2, style: .muted,
        limit: inner.width)
      canvas.put(
        " Entrée : passer (non précisé).", x: inner.x, y: inner.y + 3, style: .muted,
        limit: inner.width)
      return
    }
    if state.communeMatches.isEmpty {
      canvas.put(
        " Aucune commune trouvée.", x: inner.x, y: inner.y + 2, style: .muted, limit: inner.width)
      return
    }
    for (index, match) in state.communeMatches.prefix(max(0, inner.height - 2)).enumerated() {
      let line = " \(match.commune.name) — \(match.territory.name)"
      let style: Style = index == state.communeHighlight ? .selected : .plain
      canvas.putPadded(line, x: inner.x, y: inner.y + 2 + index, width: inner.width, style: style)
    }
  }
}

extension Style {
  public static let underline = Style(underline: true)
}
