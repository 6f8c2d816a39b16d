import GuichetCore

/// One administration form (structure, advisor, opening rule, absence, routing rule): fields typed or
/// chosen, checked on F2 with French messages, then written in one transaction. A refusal keeps everything typed.
public enum AdminFormScreen {
  public struct State: Equatable, Sendable {
    public var kind: AdminFormKind
    public var fields: FormFields
    public var error: String?
    public var saving = false
    /// The structure form's « Territoires »: the search of the part being typed, and the territories taken.
    public var territoryEntry = TerritoryEntry()

    public init(kind: AdminFormKind, context: AppContext) {
      self.kind = kind
      self.fields = FormFields(AdminFormScreen.fields(for: kind, context: context))
    }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    /// The write went through: the form closes and the list underneath reloads.
    case written(message: String)
    case failed(UserError)
    case territories(TerritorySearchEvent)
  }

  public static let hints: [HintLine] = [
    HintLine(key: "F2", text: "Enregistrer"),
    HintLine(key: "Tab ↑ ↓", text: "Champ", help: "Champ suivant ou précédent"),
    HintLine(key: "← →", text: "Choix", help: "Changer un choix (‹ ›)"),
    HintLine(key: "Suppr", text: "Vider", inKeyBar: false, help: "Vider le champ (aussi Ctrl-U)"),
  ]

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .written(let message):
      state.saving = false
      return .navigate(.status(StatusMessage(message))) + .navigate(.pop)
    case .failed(let error):
      state.saving = false
      state.error = error.message
    case .territories(let event):
      state.territoryEntry.search.found(event)
    case .key(let key):
      guard !state.saving else { return .none }
      state.error = nil
      guard key == .function(2) else {
        if let effect = editTerritories(&state, key) { return effect }
        state.fields.edit(key)
        return .none
      }
      do {
        let write = try parse(
          state.kind, state.fields, context: context, territories: state.territoryEntry)
        state.saving = true
        return .admin(.write(write))
      } catch {
        state.error = error.message
      }
    }
    return .none
  }

  static func fields(for kind: AdminFormKind, context: AppContext) -> [FormField] {
    switch kind {
    case .structure(let structure): structureFields(structure, context: context)
    case .advisor: [.text("Nom affiché", hint: "sur l'agenda et le coupon", limit: 80)]
    case .openingRule(_, let rule): openingRuleFields(rule, context: context)
    case .absence: absenceFields(context: context)
    case .routingRule(let rule, let position):
      routingFields(rule, nextPosition: position, context: context)
    }
  }

  static func parse(
    _ kind: AdminFormKind, _ fields: FormFields, context: AppContext,
    territories: TerritoryEntry = TerritoryEntry()
  ) throws(UserError) -> AdminWrite {
    switch kind {
    case .structure(let original):
      return .structure(
        try parseStructure(
          fields, original: original, context: context, territories: territories))
    case .advisor(let structureID):
      let name = fields.text(0)
      guard !name.isEmpty else { throw UserError("Indiquez le nom du conseiller.") }
      return .advisor(Advisor(structureID: structureID, displayName: name))
    case .openingRule(let advisorID, let original):
      return .openingRule(try parseOpeningRule(fields, advisorID: advisorID, original: original))
    case .absence(let advisorID):
      return .absence(try parseAbsence(fields, advisorID: advisorID, context: context))
    case .routingRule(let original, _):
      return .routingRule(try parseRouting(fields, original: original, context: context))
    }
  }

  public static func title(_ state: State) -> String {
    switch state.kind {
    case .structure(let structure):
      structure == nil ? "Nouvelle structure" : "Modifier la structure"
    case .advisor: "Nouveau conseiller"
    case .openingRule(_, let rule): rule == nil ? "Nouvelle plage d'ouverture" : "Modifier la plage"
    case .absence: "Nouvelle absence"
    case .routingRule(let rule, _):
      rule == nil ? "Nouvelle règle d'aiguillage" : "Modifier la règle d'aiguillage"
    }
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let inner = area.inset(1)
    canvas.put(title(state), x: inner.x, y: inner.y, style: .title, limit: inner.width)
    state.fields.render(
      in: Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 5),
      on: &canvas)
    let bottom = inner.y + min(inner.height - 2, state.fields.fields.count + 3)
    renderTerritorySearch(state, x: inner.x, y: bottom - 1, width: inner.width, on: &canvas)
    if let error = state.error {
      canvas.putMessage(
        error, x: inner.x, y: bottom, width: inner.width, style: .error, maxLines: 2)
    } else {
      canvas.put(
        state.saving ? "Enregistrement…" : "F2 : enregistrer · Échap : abandonner sans rien écrire",
        x: inner.x, y: bottom, style: .muted, limit: inner.width)
    }
  }

  /// Territories by name, for choices and for reading what was typed.
  static func territories(_ context: AppContext) -> [(id: Int64, name: String)] {
    context.territoryNames.map { (id: $0.key, name: $0.value) }.sorted {
      ($0.name, $0.id) < ($1.name, $1.id)
    }
  }
}
