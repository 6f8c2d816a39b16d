import GuichetCore

extension StructuresScreen {
  enum Row: Equatable {
    case heading(String)
    /// One line of the structure at `index` in `visible`.
    case entry(Int, line: Int, String)
  }

  static func rows(_ state: State) -> [Row] {
    var rows: [Row] = []
    var place: OrientationStructure.Place?
    for (index, structure) in state.visible.enumerated() {
      if structure.place != place {
        place = structure.place
        rows.append(.heading(placeHeading(structure.place, territory: state.territory)))
      }
      var address = [
        structure.address,
        [structure.postcode, structure.city].compactMap { $0 }
          .joined(separator: " "),
      ].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
      if address.isEmpty { address = "Adresse non publiée" }
      let contact = [
        structure.phone.map { "Tél. \($0)" } ?? "Téléphone non publié", structure.email,
        structure.website,
      ].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
      rows.append(.entry(index, line: 0, structure.name))
      rows.append(.entry(index, line: 1, "   \(address)"))
      rows.append(.entry(index, line: 2, "   \(contact)"))
      var line = 3
      for extra in [
        structure.hours.map { "Horaires : \($0)" }, structure.note.map { "À noter : \($0)" },
        // The directory's own source is on the screen's last line; other files' entries name theirs.
        structure.source.flatMap {
          $0 == state.directory?.source?.source ? nil : "Source : \($0)"
        },
      ].compactMap({ $0 }) {
        rows.append(.entry(index, line: line, "   \(extra)"))
        line += 1
      }
    }
    return rows
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let x = area.x + 1
    let width = area.width - 2
    var territoryLine = "Territoire : " + (state.territory?.name ?? "non choisi (toute la région)")
    if let commune = state.communeName { territoryLine += " (\(commune))" }
    canvas.putPadded(territoryLine, x: x, y: area.y, width: width, style: .bold)
    let pickerArea = Rect(x: x, y: area.y + 1, width: width, height: area.height - 3)
    state.picker.render(
      in: pickerArea, on: &canvas, placeholder: "tapez une commune pour choisir le territoire")
    if state.picker.isActive { return }
    let typeLabel = state.typeTag.flatMap { tag in state.types.first { $0.tag == tag }?.label }
    canvas.putPadded(
      "Type : \(typeLabel ?? "tous") (← →) · Zone : \(zoneLabel(state)) (Tab) · \(state.visible.count) structure\(state.visible.count > 1 ? "s" : "")",
      x: x, y: area.y + 2, width: width, style: .muted)
    let list = Rect(x: x, y: area.y + 4, width: width, height: area.height - 7)
    if state.directory == nil {
      canvas.put("Chargement…", x: x, y: list.y, style: .muted)
    } else if state.visible.isEmpty {
      canvas.put(
        "Aucune structure de ce type dans cette zone : Tab élargit la zone.", x: x, y: list.y,
        style: .muted, limit: width)
    } else {
      renderRows(state, in: list, on: &canvas)
    }
    SourceLine.render(
      state.directory?.source, x: x, y: area.maxY - 1, width: width, on: &canvas,
      context: context)
  }

  static func renderRows(_ state: State, in area: Rect, on canvas: inout Canvas) {
    let rows = rows(state)
    let first =
      rows.firstIndex { row in
        if case .entry(let index, 0, _) = row { return index == state.selection }
        return false
      } ?? 0
    // Show the whole selected entry (three lines).
    let top = max(0, first + 3 - area.height)
    for (offset, row) in rows.dropFirst(top).prefix(area.height).enumerated() {
      let y = area.y + offset
      switch row {
      case .heading(let text):
        canvas.putPadded(text, x: area.x, y: y, width: area.width, style: .title)
      case .entry(let index, let line, let text):
        let selected = index == state.selection
        let style: Style =
          line == 0
          ? (selected ? Style(bold: true, reverse: true) : .bold) : (selected ? .plain : .muted)
        canvas.putPadded(text, x: area.x, y: y, width: area.width, style: style)
      }
    }
  }
}
