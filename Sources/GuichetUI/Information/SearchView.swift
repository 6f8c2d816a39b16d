import GuichetCore

extension SearchScreen {
  /// A row of the result list: a group heading or a hit (with its index in `hits`).
  enum Row: Equatable {
    case heading(String)
    case hit(Int, ReferenceHit)
  }

  static func rows(_ hits: [ReferenceHit]) -> [Row] {
    var rows: [Row] = []
    var kind: ReferenceHit.Kind?
    for (index, hit) in hits.enumerated() {
      if hit.kind != kind {
        kind = hit.kind
        let count = hits.filter { $0.kind == hit.kind }.count
        rows.append(.heading("\(hit.kind.groupTitle) (\(count))"))
      }
      rows.append(.hit(index, hit))
    }
    return rows
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let x = area.x + 1
    let width = area.width - 2
    let prompt = " Rechercher : "
    canvas.put(prompt, x: x, y: area.y, style: .bold)
    let promptWidth = DisplayWidth.of(prompt)
    let used = canvas.put(
      state.query, x: x + promptWidth, y: area.y, style: .underline,
      limit: width - promptWidth - 1)
    canvas.cursor = Point(x: x + promptWidth + used, y: area.y)
    // A phone, e-mail, NIR or IBAN typed here is flagged at once; the store keeps none of it.
    if let warning = PersonalDataTripwire.warning(
      for: PersonalDataTripwire.findings(in: state.query))
    {
      canvas.put(" " + warning, x: x, y: area.y + 1, style: .error, limit: width)
    }
    let list = Rect(x: x, y: area.y + 2, width: width, height: area.height - 4)
    if SearchText.tokens(state.query).isEmpty {
      renderIntro(in: list, on: &canvas)
    } else if state.isMiss {
      canvas.put(
        " Aucun résultat pour « \(state.query) ».", x: list.x, y: list.y, style: .bold,
        limit: list.width)
      let lines = Text.wrap(
        "Essayez le début des mots (« aide soi »), un synonyme, ou un code ROME (K1207) ou RNCP. "
          + "En quittant, cette recherche est notée comme demande non couverte : quelques mots, sans lien avec la visite.",
        width: list.width - 1)
      for (index, line) in lines.enumerated() {
        canvas.put(" " + line, x: list.x, y: list.y + 2 + index, style: .muted, limit: list.width)
      }
    } else {
      renderHits(state, in: list, on: &canvas)
    }
    let sourceKind = state.selectedHit?.kind ?? .occupation
    let sourceName =
      switch sourceKind {
      case .occupation: "rome"
      case .certification: "rncp"
      case .structure: "structures"
      }
    if let results = state.results {
      SourceLine.render(
        results.sources.first { $0.name == sourceName }, x: x, y: area.maxY - 1, width: width,
        on: &canvas, context: context)
    }
  }

  static func renderIntro(in area: Rect, on canvas: inout Canvas) {
    let lines = [
      "Tapez le début des mots : un métier, une appellation (au masculin ou au féminin),",
      "une certification (titre ou code RNCP) ou une structure (CIO, mission locale, ville).",
      "Les accents et les majuscules sont facultatifs : « educ spe », « boulangere ».",
      "",
      "F5 : besoins en main-d'œuvre du territoire · F6 : annuaire des structures",
    ]
    for (index, line) in lines.enumerated() {
      canvas.put(" " + line, x: area.x, y: area.y + index, style: .muted, limit: area.width)
    }
  }

  static func renderHits(_ state: State, in area: Rect, on canvas: inout Canvas) {
    let rows = rows(state.hits)
    guard area.height > 0 else { return }
    let selectedRow =
      rows.firstIndex { row in
        if case .hit(let index, _) = row { return index == state.selection }
        return false
      } ?? 0
    // Keep the group heading in view above the first hits.
    let top = max(0, min(selectedRow - area.height + 2, rows.count - area.height))
    let codeWidth = 11
    for (offset, row) in rows.dropFirst(top).prefix(area.height).enumerated() {
      let y = area.y + offset
      switch row {
      case .heading(let title):
        canvas.putPadded(" " + title, x: area.x, y: y, width: area.width, style: .title)
      case .hit(let index, let hit):
        let selected = index == state.selection
        let style: Style = selected ? .selected : .plain
        canvas.putPadded(
          "  " + Text.column(hit.kind == .structure ? "" : hit.code, width: codeWidth), x: area.x,
          y: y, width: codeWidth + 2,
          style: selected ? .selected : .muted)
        let titleX = area.x + codeWidth + 2
        let titleWidth = area.width - codeWidth - 2
        canvas.putPadded(hit.title, x: titleX, y: y, width: titleWidth, style: style)
        let used = DisplayWidth.of(hit.title)
        if let subtitle = hit.subtitle, used + 4 < titleWidth {
          canvas.put(
            " — " + subtitle, x: titleX + used, y: y, style: selected ? .selected : .muted,
            limit: titleWidth - used)
        }
      }
    }
  }
}
