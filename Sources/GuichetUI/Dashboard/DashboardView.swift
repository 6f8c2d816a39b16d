import GuichetCore

/// Drawing of the dashboard. Every figure is read from `SupervisionFigures.lines()`, the same lines the
/// exports write, and a figure the exports mask (1 to 4 people, or withheld by secondary suppression) is marked « * ».
extension DashboardScreen {
  public static let title = "Tableau de bord"
  static let smallMark = "*"

  public static func hints(_ state: State) -> [HintLine] {
    if state.dateEntry != nil {
      return [HintLine(key: "Entrée", text: "Afficher"), HintLine(key: "Échap", text: "Annuler")]
    }
    if state.territoryPicker != nil {
      return [
        HintLine(key: "Lettres", text: "Chercher"), HintLine(key: "↑ ↓", text: "Choisir"),
        HintLine(key: "Entrée", text: "Filtrer"), HintLine(key: "Échap", text: "Annuler"),
      ]
    }
    return bindings.map(\.hintLine)
  }

  /// F1: what the focused panel shows and how each of its indicators is computed.
  public static func help(_ state: State) -> HelpScreen.State {
    let definitions = state.panel.indicators.map {
      "\($0.label) : \($0.definition) Sources : \($0.source)"
    }
    return HelpScreen.State(
      screenTitle: "\(title) — \(state.panel.title)",
      purpose: definitions.joined(separator: " ")
        + " Secret statistique : un chiffre qui repose sur 1 à 4 personnes est marqué « * » ici et masqué dans les exports. "
        + SupervisionExport.secondaryRule + " Ces chiffres-là sont aussi marqués « * ».",
      lines: bindings.map(\.hintLine))
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let width = area.width - 2
    let x = area.x + 1
    let ascii = context.asciiCharts
    let heading = " " + heading(state.period)
    let used = canvas.put(heading, x: x, y: area.y, style: .title, limit: width)
    if let entry = state.dateEntry {
      canvas.put(
        "   Date (JJ/MM/AAAA) : \(entry)▏", x: x + used, y: area.y, style: .accent,
        limit: width - used)
    } else {
      canvas.put(
        "   ← → période · J S M A · D date", x: x + used, y: area.y, style: .muted,
        limit: width - used)
    }
    guard let figures = state.current else {
      canvas.put(" Calcul des indicateurs…", x: x, y: area.y + 2, style: .muted)
      return
    }
    let lines = state.lines
    canvas.put(
      " Filtres : " + figures.filter.label(names: figures.names)
        + (figures.filter.synthetic == .include ? "" : " · \(figures.filter.synthetic.label)"),
      x: x, y: area.y + 1, style: figures.filter.values.isEmpty ? .muted : .bold, limit: width)
    let summary = keyFigures(lines)
    canvas.put(" " + summary[0], x: x, y: area.y + 2, style: .bold, limit: width)
    canvas.put(" " + summary[1], x: x, y: area.y + 3, style: .bold, limit: width)
    if figures.includesSynthetic {
      // The same masked line as the exports: a small count of demonstration visits is secret too.
      let demo = counted(
        lines, .visits, "Total", "dont données de démonstration", "visite", "visites")
      canvas.put(
        " ⚠ dont \(demo) de démonstration (synthétiques)",
        x: x, y: area.y + 4, style: Style(tone: .warning), limit: width)
    } else if figures.visits > 0 {
      // Said only when there is something to say it of: an empty period has no data at all.
      canvas.put(
        " Données réelles uniquement", x: x, y: area.y + 4, style: .muted, limit: width)
    }
    let label = " Par jour "
    canvas.put(label, x: x, y: area.y + 5, style: .muted)
    let peak = figures.daily.map(\.count).max() ?? 0
    let suffix = " max \(peak)/j"
    let sparkWidth = max(
      1, min(figures.daily.count, width - DisplayWidth.of(label) - DisplayWidth.of(suffix)))
    let spark = Charts.sparkline(figures.daily.map(\.count), width: sparkWidth, ascii: ascii)
    let sparkUsed = canvas.put(spark, x: x + DisplayWidth.of(label), y: area.y + 5, style: .accent)
    canvas.put(suffix, x: x + DisplayWidth.of(label) + sparkUsed, y: area.y + 5, style: .muted)
    renderTabs(state.panel, x: x + 1, y: area.y + 6, width: width - 1, on: &canvas)
    let panelArea = Rect(x: x, y: area.y + 7, width: width, height: max(0, area.height - 8))
    if let picker = state.territoryPicker {
      picker.render(in: panelArea, on: &canvas)
      return
    }
    let rows = panelRows(state, figures: figures, lines: lines, width: width, ascii: ascii)
    let first =
      state.panel == .volumes
      ? max(0, min(state.selection - panelArea.height + 2, rows.count - panelArea.height)) : 0
    for (index, row) in rows.dropFirst(first).prefix(panelArea.height).enumerated() {
      canvas.putPadded(
        row.text, x: panelArea.x, y: panelArea.y + index, width: width, style: row.style)
    }
    if let error = state.error {
      canvas.put(" ⚠ " + error, x: x, y: area.maxY - 1, style: .error, limit: width)
    }
  }

  static func renderTabs(
    _ focus: DashboardPanel, x: Int, y: Int, width: Int, on canvas: inout Canvas
  ) {
    var column = x
    for panel in DashboardPanel.allCases {
      let style = panel == focus ? Style(tone: .accent, bold: true, reverse: true) : .muted
      column += canvas.put(
        panel.title, x: column, y: y, style: style, limit: max(0, x + width - column))
      column += 1
    }
  }

  /// « Jour · jeudi 03/12/2026 », « Mois · décembre 2026 »; a week and a year say their kind in their label
  /// already: « Semaine du 30/11/2026 au 06/12/2026 », « Année 2026 ».
  static func heading(_ period: SupervisionPeriod) -> String {
    switch period.kind {
    case .week, .year: period.label.prefix(1).uppercased() + period.label.dropFirst()
    case .day, .month, .range: "\(period.kind.label) · \(period.label)"
    }
  }

  /// « 0 visite », « 1* visite », « 15 271 visites »: the value as drawn, then the word agreeing with it.
  static func counted(
    _ lines: [IndicatorLine], _ indicator: Indicator, _ group: String, _ item: String,
    _ singular: String, _ plural: String
  ) -> String {
    let line = lines.first { $0.indicator == indicator && $0.group == group && $0.item == item }
    let count = Int((line?.value ?? 0).rounded())
    return value(lines, indicator, group, item) + " "
      + SupervisionFormat.counted(count, singular, plural)
  }

  /// The summary on two lines: visits, booked share, median delay, no-show rate; median wait, satisfaction.
  /// One published line's value as drawn, with the secret mark when it is masked; « — » when absent.
  static func value(
    _ lines: [IndicatorLine], _ indicator: Indicator, _ group: String, _ item: String
  ) -> String {
    guard
      let line = lines.first(where: {
        $0.indicator == indicator && $0.group == group && $0.item == item
      })
    else { return "—" }
    return line.displayValue + (line.masked ? smallMark : "")
  }

  static func keyFigures(_ lines: [IndicatorLine]) -> [String] {
    func value(_ indicator: Indicator, _ group: String, _ item: String) -> String {
      Self.value(lines, indicator, group, item)
    }
    return [
      [
        counted(lines, .visits, "Total", "Toutes les visites", "visite", "visites"),
        "rendez-vous \(value(.funnel, "Part des visites", "Rendez-vous"))",
        "délai médian \(value(.appointmentDelay, "Délai", "Médiane"))",
        "absences \(value(.noShow, "Taux", "Absents ÷ (reçus + absents)"))",
      ].joined(separator: " · "),
      [
        "attente médiane \(value(.deskWait, "Attente", "Médiane"))",
        "satisfaction \(value(.satisfaction, "Note", "Moyenne"))",
        "* : secret statistique",
      ].joined(separator: " · "),
    ]
  }

  struct PanelRow {
    var text: String
    var style: Style = .plain
  }
}
