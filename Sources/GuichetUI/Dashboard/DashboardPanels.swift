import GuichetCore

/// The body of each dashboard panel, as rows of text: labels, a bar, and the figure of the shared lines.
extension DashboardScreen {
  /// Label column: 30 at 80 columns, wider (up to 44) when the terminal is.
  static func labelWidth(_ width: Int) -> Int { min(44, max(30, width - 50)) }

  static func panelRows(
    _ state: State, figures: SupervisionFigures, lines: [IndicatorLine], width: Int, ascii: Bool
  ) -> [PanelRow] {
    let labelWidth = Self.labelWidth(width)
    func own(_ indicator: Indicator) -> [IndicatorLine] {
      lines.filter { $0.indicator == indicator }
    }
    let barWidth = max(4, width - labelWidth - 22)
    func barRow(_ label: String, _ line: IndicatorLine, of maximum: Double, extra: String = "")
      -> PanelRow
    {
      let value = Int((line.value ?? 0).rounded())
      let bar = Charts.bar(value, of: Int(maximum.rounded()), width: barWidth, ascii: ascii)
      return PanelRow(
        text: " " + Text.pad(label, width: labelWidth - 1) + " " + Text.pad(bar, width: barWidth)
          + " " + figure(line) + extra)
    }
    switch state.panel {
    case .volumes:
      let rows = state.rows
      let maximum = rows.map(\.count).max() ?? 0
      var result = [
        PanelRow(
          text:
            " Visites par \(state.breakdown.label.lowercased()) — V : autre critère, ↑ ↓ puis Entrée : filtrer",
          style: .muted)
      ]
      if rows.isEmpty {
        result.append(PanelRow(text: " Aucune visite sur la période.", style: .muted))
      }
      // The breakdown's own lines, so a row carries the mask every export gives it.
      let shown = own(.visits).filter { $0.group == state.breakdown.label }
      for (index, row) in rows.enumerated() {
        let line =
          shown.first { $0.item == row.label }
          ?? IndicatorLine.count(.visits, state.breakdown.label, row.label, row.count)
        var built = barRow(row.label, line, of: Double(maximum))
        if index == state.selection { built.style = .selected }
        result.append(built)
      }
      return result
    case .funnel:
      let steps = own(.funnel)
      let counts = steps.filter { $0.group == "Effectif" }
      let top = counts.first?.value ?? 0
      return [
        PanelRow(text: " Visites → orientées → consentement → rendez-vous → reçues", style: .muted)
      ]
        + counts.map { line in
          let share = steps.first { $0.group == "Part des visites" && $0.item == line.item }
          return barRow(line.item, line, of: top, extra: share.map { "  (\(figure($0)))" } ?? "")
        }
    case .delay, .noShow, .wait, .satisfaction:
      return figureRows(own(indicatorOf(state.panel)), labelWidth: labelWidth) {
        barRow($0, $1, of: $2)
      }
    case .unmet:
      let reasons = own(.unmetDemand)
      let top = reasons.compactMap(\.value).max() ?? 0
      var result = [
        PanelRow(
          text: " Visites clôturées sans réponse ou sans rendez-vous, par motif", style: .muted)
      ]
      result +=
        reasons.isEmpty
        ? [PanelRow(text: " Aucune sur la période.", style: .muted)]
        : reasons.map { barRow($0.item, $0, of: top) }
      result.append(
        PanelRow(text: " Recherches sans résultat (vues au moins 3 fois)", style: .muted))
      let misses = own(.searchMisses)
      result +=
        misses.isEmpty
        ? [PanelRow(text: " Aucune.", style: .muted)]
        : misses.map { PanelRow(text: " « \($0.item) » " + figure($0)) }
      return result
    case .consulted:
      let codes = own(.topConsulted)
      if codes.isEmpty {
        return [PanelRow(text: " Aucune fiche consultée sur la période.", style: .muted)]
      }
      let top = codes.compactMap(\.value).max() ?? 0
      return codes.map { barRow($0.item, $0, of: top) }
    }
  }

  static func indicatorOf(_ panel: DashboardPanel) -> Indicator {
    panel.indicators[0]
  }

  /// Counts and figures of one indicator: headcounts first, then medians, then shares drawn as bars of 100 %.
  static func figureRows(
    _ lines: [IndicatorLine], labelWidth: Int, barRow: (String, IndicatorLine, Double) -> PanelRow
  ) -> [PanelRow] {
    let scoreTop =
      lines.filter { $0.group == "Note" && $0.unit != .score }.compactMap(\.value).max() ?? 0
    return lines.map { line in
      switch line.unit {
      case .percent: return barRow(line.item, line, 100)
      case .days, .minutes, .score:
        return PanelRow(
          text: " " + Text.pad("\(line.group) · \(line.item)", width: labelWidth - 1) + " "
            + figure(line), style: .bold)
      default:
        if line.group == "Note" { return barRow(line.item, line, scoreTop) }
        return PanelRow(text: " " + Text.pad(line.item, width: labelWidth - 1) + " " + figure(line))
      }
    }
  }

  /// A figure as the exports write it in French, marked when the exports mask it.
  static func figure(_ line: IndicatorLine) -> String {
    line.displayValue + (line.masked ? " " + smallMark : "")
  }
}
