import GuichetCore

// The consent texts screen as the app reducer sees it, and how it draws.

extension ConsentTextsScreen.Action: KeyedAction {}

extension ConsentTextsScreen: BoundScreen {
  public static func embed(_ state: State) -> Screen { .consentTexts(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .consentTexts(let state) = screen { state } else { nil }
  }
  /// Échap closes the form first.
  public static func leaves(_ state: State, on key: Key) -> Bool {
    key == .escape && !state.publishing
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    guard case .featureEvent(let event) = result,
      let texts = event.event(as: ConsentTextsEvent.self)
    else { return nil }
    switch texts {
    case .loaded: return .event(texts)
    case .published, .failed: return onTop ? .event(texts) : nil
    }
  }
  /// A refusal on the form shows under it, where the text to fix is.
  public static func showsErrorItself(_ state: State) -> Bool { state.publishing }
  public static func load(_ state: State) -> Effect { loadEffect(state) }
  public static func title(of state: State, context: AppContext) -> String {
    state.publishing ? "Admin · publier" : "Admin · consentement"
  }
  public static func keyHints(_ state: State, role: Role?) -> [HintLine] {
    state.publishing
      ? formHints + [HintLine.help] : bindings.map(\.hintLine) + HintLine.global
  }
  public static func unsavedWork(_ state: State) -> String? {
    state.publishing ? "le texte en cours d'écriture" : nil
  }
  public static let purpose =
    "Textes de consentement lus à la personne avant une prise de rendez-vous : chaque version publiée est figée, et chaque consentement garde la version sous laquelle il a été donné. Une nouvelle version vaut pour toutes les structures ou pour un type (Mission locale, CIO…) ; elle est lue dès la prochaine prise de rendez-vous. {structure} est remplacé par le nom de la structure, {duree} par la durée de conservation. Les mêmes fonctions que guichet consent."
  public static func helpLines(_ state: State, context: AppContext) -> [HintLine] {
    bindings.map(\.hintLine) + formHints
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let inner = area.inset(1)
    if state.publishing {
      renderForm(state, in: inner, on: &canvas)
      return
    }
    guard state.loaded else {
      canvas.put("Chargement…", x: inner.x, y: inner.y, style: .muted, limit: inner.width)
      return
    }
    var y = inner.y
    for line in Text.wrap(
      "Lu à la prochaine prise de rendez-vous : " + readNext(state.texts), width: inner.width,
      maxLines: 3)
    {
      canvas.put(line, x: inner.x, y: y, style: .title, limit: inner.width)
      y += 1
    }
    y += 1
    let rows = state.rows
    let listRows = max(1, min(rows.count, (inner.maxY - y) / 2))
    let first = max(0, min(state.selection - listRows + 1, rows.count - listRows))
    for line in 0..<min(listRows, max(0, rows.count - first)) {
      let index = first + line
      let text = rows[index]
      let current = OperatorKind.allCases.contains { inForce(for: $0, in: state.texts) == text }
      let published = LocalDate(text.publishedAt, in: context.timeZone).frenchNumeric
      canvas.putPadded(
        " v\(text.version) · \(text.operatorKind?.label ?? "toutes les structures") · \(text.retentionDays) j · \(published) · "
          + (current ? "en vigueur" : "remplacée"),
        x: inner.x, y: y + line, width: inner.width,
        style: index == state.selection ? .selected : current ? .plain : .muted)
    }
    guard let selected = state.selected else { return }
    y += listRows + 1
    for line in Text.wrap(selected.body, width: inner.width, maxLines: max(0, inner.maxY - y)) {
      canvas.put(line, x: inner.x, y: y, style: .muted, limit: inner.width)
      y += 1
    }
  }

  /// Which version each kind of structure reads next, kinds reading the same one together: « v1 pour
  /// toutes les structures », or « v2 : Mission locale · v1 : les autres types ».
  static func readNext(_ texts: [ConsentText]) -> String {
    let groups = Dictionary(grouping: OperatorKind.allCases) {
      inForce(for: $0, in: texts)?.version
    }
    .compactMap { version, kinds in version.map { (version: $0, kinds: kinds) } }
    .sorted { ($0.kinds.count, -$0.version) < ($1.kinds.count, -$1.version) }
    guard groups.count > 1, let rest = groups.last else {
      return groups.first.map { "v\($0.version) pour toutes les structures" } ?? "aucun texte"
    }
    return
      (groups.dropLast().map { group in
        "v\(group.version) : " + group.kinds.map(\.label).joined(separator: ", ")
      } + ["v\(rest.version) : les autres types"]).joined(separator: " · ")
  }

  static func renderForm(_ state: State, in inner: Rect, on canvas: inout Canvas) {
    state.fields.render(
      in: Rect(x: inner.x, y: inner.y, width: inner.width, height: state.fields.fields.count),
      on: &canvas)
    var y = inner.y + state.fields.fields.count + 1
    let body = state.fields.fields[bodyField].text
    let room = max(0, inner.maxY - y - 4)
    for line in Text.wrap(body, width: inner.width, maxLines: room) {
      canvas.put(line, x: inner.x, y: y, limit: inner.width)
      y += 1
    }
    if let error = state.error {
      canvas.putMessage(
        error, x: inner.x, y: max(y + 1, inner.maxY - 2), width: inner.width, style: .error)
    } else if state.saving {
      canvas.put("Publication…", x: inner.x, y: inner.maxY - 1, style: .muted, limit: inner.width)
    } else {
      let note =
        "{structure} (obligatoire) devient le nom de la structure, {duree} la durée. Ctrl-U efface le texte ; collez-en un autre ou tapez-le. F2 publie une nouvelle version : celles déjà publiées ne changent pas."
      let lines = Text.wrap(note, width: inner.width, maxLines: 3)
      for (index, line) in lines.enumerated() {
        canvas.put(
          line, x: inner.x, y: inner.maxY - lines.count + index, style: .muted, limit: inner.width)
      }
    }
  }
}
