import GuichetCore

extension LabourNeedsScreen {
  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let x = area.x + 1
    let width = area.width - 2
    var territoryLine = "Territoire : "
    if let territory = state.territory {
      territoryLine += territory.name
      if let commune = state.communeName { territoryLine += " (\(commune))" }
      if let bassins = state.needs?.bassins, !bassins.isEmpty {
        territoryLine +=
          " · bassin\(bassins.count > 1 ? "s" : "") BMO : "
          + bassins.map(\.name).joined(separator: ", ")
      }
    } else {
      territoryLine += "non choisi"
    }
    canvas.putPadded(territoryLine, x: x, y: area.y, width: width, style: .bold)
    let pickerArea = Rect(x: x, y: area.y + 1, width: width, height: area.height - 3)
    let placeholder =
      state.territory == nil
      ? "tapez la commune de résidence" : "tapez une commune pour changer de territoire"
    state.picker.render(in: pickerArea, on: &canvas, placeholder: placeholder)
    if state.picker.isActive { return }
    let table = Rect(x: x, y: area.y + 3, width: width, height: area.height - 6)
    if state.territory == nil {
      canvas.put(
        "Les besoins en main-d'œuvre s'affichent pour un territoire : tapez la commune.", x: x,
        y: table.y, style: .muted, limit: width)
    } else if let needs = state.needs {
      renderTable(needs, selection: state.selection, in: table, on: &canvas)
    } else {
      canvas.put("Chargement…", x: x, y: table.y, style: .muted)
    }
    SourceLine.render(
      state.needs?.source, x: x, y: area.maxY - 1, width: width, on: &canvas, context: context)
  }

  static let numberColumns = (projects: 14, difficult: 11, seasonal: 12)

  static func renderTable(
    _ needs: LabourNeeds, selection: Int, in area: Rect, on canvas: inout Canvas
  ) {
    let columns = numberColumns
    let labelWidth = area.width - columns.projects - columns.difficult - columns.seasonal
    let year = needs.year.map(String.init) ?? ""
    canvas.putPadded(
      Text.pad("Métier (famille BMO, FAP2021)", width: labelWidth)
        + right("Projets \(year)", columns.projects) + right("Difficiles", columns.difficult)
        + right("Saisonniers", columns.seasonal),
      x: area.x, y: area.y, width: area.width, style: .muted)
    if needs.needs.isEmpty {
      canvas.put(
        "Aucune donnée BMO pour ce territoire.", x: area.x, y: area.y + 2, style: .muted,
        limit: area.width)
      return
    }
    let rows = max(0, area.height - 4)
    let top = max(0, min(selection - rows + 1, needs.needs.count - rows))
    for (index, need) in needs.needs.enumerated().dropFirst(top).prefix(rows) {
      let line =
        Text.pad(need.label, width: labelWidth)
        + right(figure(need.recruitments), columns.projects)
        + right(share(need.difficult, of: need.recruitments), columns.difficult)
        + right(share(need.seasonal, of: need.recruitments), columns.seasonal)
      canvas.putPadded(
        line, x: area.x, y: area.y + 1 + index - top, width: area.width,
        style: index == selection ? .selected : .plain)
    }
    let selected = needs.needs.indices.contains(selection) ? needs.needs[selection] : nil
    let family = selected.map { "\($0.familyLabel) (\($0.fapCode), FAP2021)" } ?? ""
    canvas.putPadded(
      "Famille : " + family,
      x: area.x, y: area.maxY - 2, width: area.width, style: .muted)
    canvas.putPadded(
      "Total \(figure(needs.total)) · secret : non diffusé (jamais 0) · ≥ : en partie secret",
      x: area.x, y: area.maxY - 1, width: area.width, style: .muted)
  }

  static func right(_ text: String, _ width: Int) -> String {
    let fitted = Text.fit(text, width: width - 1)
    return String(repeating: " ", count: max(0, width - DisplayWidth.of(fitted))) + fitted
  }
}
