import GuichetCore

// The territories screen as the app reducer sees it, and how it draws.

extension TerritoriesScreen.Action: KeyedAction {}

extension TerritoriesScreen: BoundScreen {
  public static func embed(_ state: State) -> Screen { .territories(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .territories(let state) = screen { state } else { nil }
  }
  /// Échap closes the form first.
  public static func leaves(_ state: State, on key: Key) -> Bool {
    key == .escape && state.form == nil
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    guard case .featureEvent(let event) = result,
      let territories = event.event(as: TerritoriesEvent.self)
    else { return nil }
    switch territories {
    case .loaded: return .event(territories)
    case .bassinsFound, .written, .failed: return onTop ? .event(territories) : nil
    }
  }
  /// A refusal on an open form shows under it, where the value to fix is.
  public static func showsErrorItself(_ state: State) -> Bool { state.form != nil }
  public static func load(_ state: State) -> Effect { loadEffect(state) }
  public static func title(of state: State, context: AppContext) -> String {
    switch state.form {
    case nil: "Admin · territoires"
    case .create: "Admin · nouveau territoire"
    case .rename: "Admin · renommer"
    case .target: "Admin · délai cible"
    case .wait: "Admin · attente annoncée"
    }
  }
  public static func keyHints(_ state: State, role: Role?) -> [HintLine] {
    guard state.form != nil else { return bindings.map(\.hintLine) + HintLine.global }
    let picking = state.form == .create && state.fields.focus == bassinField
    // F2 first: at 80 columns the bar keeps what comes first, and saving is what a new user looks for.
    return [formHints[0]] + (picking ? pickerHints : []) + formHints.dropFirst() + [HintLine.help]
  }
  public static let purpose =
    "Territoires (ZTEF) : chacun réunit des bassins d'emploi ; les indicateurs et les rapports se lisent par territoire. Un nouveau territoire se compose en tapant une partie du nom d'une commune, d'un bassin ou d'une ZTEF (accents et majuscules indifférents), les meilleures correspondances d'abord. Le délai cible (jours) mesure les rendez-vous donnés à temps ; l'attente annoncée (minutes) est celle que ce site annonce. Les mêmes fonctions que guichet territories et guichet sites."
  public static func helpLines(_ state: State, context: AppContext) -> [HintLine] {
    bindings.map(\.hintLine) + pickerHints + formHints
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let inner = area.inset(1)
    if state.form != nil {
      renderForm(state, in: inner, on: &canvas)
      return
    }
    guard state.loaded else {
      canvas.put("Chargement…", x: inner.x, y: inner.y, style: .muted, limit: inner.width)
      return
    }
    let site = state.sites.first { $0.id == context.workplace.siteID }
    canvas.put(
      "\(state.territories.count) territoire(s)"
        + (site.map { " · attente annoncée à \($0.name) : \($0.announcedWaitMinutes) min" } ?? ""),
      x: inner.x, y: inner.y, style: .title, limit: inner.width)
    let nameWidth = max(10, inner.width - 30)
    canvas.put(
      Text.column("Territoire", width: nameWidth) + Text.column("Bassins", width: 9)
        + Text.column("Communes", width: 10) + "Délai",
      x: inner.x + 1, y: inner.y + 2, style: .bold, limit: inner.width - 1)
    let detailRows = min(6, (state.selected?.bassins.count ?? 0) + 1)
    let rows = max(1, inner.height - 4 - detailRows)
    let first = max(0, min(state.selection - rows + 1, state.territories.count - rows))
    for line in 0..<min(rows, max(0, state.territories.count - first)) {
      let index = first + line
      let territory = state.territories[index]
      let text =
        Text.column(territory.name, width: nameWidth)
        + Text.column(String(territory.bassins.count), width: 9)
        + Text.column(String(territory.communeCount), width: 10) + "\(territory.targetDelayDays) j"
      canvas.putPadded(
        " " + text, x: inner.x, y: inner.y + 3 + line, width: inner.width,
        style: index == state.selection ? .selected : .plain)
    }
    guard let selected = state.selected else { return }
    var y = inner.y + 4 + rows
    canvas.put(
      "Bassins de « \(selected.name) » :", x: inner.x, y: y, style: .muted, limit: inner.width)
    for bassin in selected.bassins.prefix(detailRows - 1) {
      y += 1
      canvas.put(
        "  \(bassin.code) \(bassin.name) (\(bassin.communeCount) communes)", x: inner.x, y: y,
        limit: inner.width)
    }
  }

  static func renderForm(_ state: State, in inner: Rect, on canvas: inout Canvas) {
    state.fields.render(
      in: Rect(x: inner.x, y: inner.y, width: inner.width, height: state.fields.fields.count),
      on: &canvas)
    var y = inner.y + state.fields.fields.count + 1
    if state.form == .create {
      let chosen =
        state.chosen.isEmpty
        ? "aucun" : state.chosen.map { "\($0.name) (\($0.communeCount))" }.joined(separator: ", ")
      for line in Text.wrap("Bassins choisis : " + chosen, width: inner.width, maxLines: 3) {
        canvas.put(line, x: inner.x, y: y, style: .bold, limit: inner.width)
        y += 1
      }
      y += 1
      let room = max(0, inner.maxY - y - 2)
      if let note = state.pickerNote {
        for line in Text.wrap(note, width: inner.width - 1, maxLines: 2) {
          canvas.put(" " + line, x: inner.x, y: y, style: .muted, limit: inner.width)
          y += 1
        }
      }
      for (index, match) in state.matches.prefix(room).enumerated() {
        let why = match.matchedBy.map { " — \($0)" } ?? ""
        canvas.putPadded(
          " \(match.bassin.name) (\(match.bassin.communeCount) communes)\(why)", x: inner.x,
          y: y, width: inner.width, style: index == state.highlight ? .selected : .plain)
        y += 1
      }
    }
    if let error = state.error {
      canvas.putMessage(
        error, x: inner.x, y: max(y + 1, inner.maxY - 2), width: inner.width, style: .error)
    } else if state.saving {
      canvas.put(
        "Enregistrement…", x: inner.x, y: inner.maxY - 1, style: .muted, limit: inner.width)
    }
  }
}
