import GuichetCore

/// Drawing of the contact form: the slot reminder, the four fields with a visible cursor, the known person
/// offered for reuse, and the next free slots after a lost race.
extension ContactScreen {
  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let inner = area.inset(1)
    var y = inner.y
    if let slot = state.draft.slot {
      // Wrapped, not cut: the structure's town comes last and tells neighbouring structures apart.
      y +=
        canvas.putMessage(
          AvailabilityScreen.line(slot, context: context), x: inner.x, y: y, width: inner.width,
          style: .muted, maxLines: 2) - 1
    }
    y += 2
    let labelWidth = 12
    for field in Field.allCases {
      let focused = field == state.focus && state.nextFree == nil
      canvas.put(field.label, x: inner.x, y: y, style: focused ? .bold : .plain)
      let boxWidth = max(10, inner.width - labelWidth - 1)
      let text = state.text(field)
      // Long text scrolls so the cursor stays visible.
      let shown = String(text.suffix(max(1, boxWidth - 1)))
      canvas.putPadded(
        shown, x: inner.x + labelWidth, y: y, width: boxWidth,
        style: focused ? Style(tone: .accent, bold: true) : .plain)
      if focused {
        canvas.put(" ", x: inner.x + labelWidth + DisplayWidth.of(shown), y: y, style: .selected)
      }
      y += 1
    }
    canvas.put(
      "Téléphone et/ou courriel. Rien de ceci n'est enregistré sur la visite.", x: inner.x,
      y: y, style: .muted, limit: inner.width)
    y += 2
    if let error = state.error {
      y += canvas.putMessage(error, x: inner.x, y: y, width: inner.width, style: .error)
    }
    if let known = state.duplicates.first, state.nextFree == nil {
      let reach = [known.phone?.description, known.email?.value].compactMap { $0 }.joined(
        separator: " · ")
      canvas.put(
        "Personne déjà connue : \(known.displayName) (\(reach))", x: inner.x, y: y, style: .bold,
        limit: inner.width)
      canvas.put(
        "F5 : reprendre ces coordonnées · F2 : réserver avec la saisie", x: inner.x, y: y + 1,
        style: .muted, limit: inner.width)
      y += 2
    }
    if let slots = state.nextFree {
      if slots.isEmpty {
        canvas.put(
          "Plus de créneau libre proche chez ce conseiller : Échap puis Échap pour revenir aux créneaux.",
          x: inner.x, y: y, limit: inner.width)
        return
      }
      canvas.put(
        "Créneaux suivants (↑↓ Entrée pour réserver, Échap pour garder la saisie) :", x: inner.x,
        y: y, style: .bold, limit: inner.width)
      y += 1
      for (index, slot) in slots.enumerated() where y < inner.y + inner.height {
        canvas.putPadded(
          " " + AvailabilityScreen.line(slot, context: context), x: inner.x, y: y,
          width: inner.width, style: index == state.nextHighlight ? .selected : .plain)
        y += 1
      }
    }
    if state.booking {
      canvas.put("Réservation en cours…", x: inner.x, y: inner.y + inner.height - 1, style: .bold)
    }
  }
}
