import GuichetCore

/// Territories (ZTEF) for administrators: the list with bassins, communes and target delay; a new ZTEF
/// as a named set of bassins picked by typing part of a commune, bassin or ZTEF name; rename; the target
/// delay; and the wait this site announces. The same store calls as `guichet territories` and `guichet sites`.
public enum TerritoriesScreen {
  public enum Command: Equatable, Sendable { case create, rename, target, wait, up, down }

  /// The form on screen, and what it edits.
  public enum Form: Equatable, Sendable {
    case create
    case rename(TerritorySummary)
    case target(TerritorySummary)
    case wait(SiteSummary)
  }

  public struct State: Equatable, Sendable {
    public var territories: [TerritorySummary] = []
    public var sites: [SiteSummary] = []
    public var loaded = false
    public var selection = 0
    public var focusID: Int64?
    public var form: Form?
    public var fields = FormFields([])
    /// The bassins found for the text typed in the create form's bassin field, and the ones chosen.
    public var matches: [BassinMatch] = []
    public var highlight = 0
    public var chosen: [BassinSummary] = []
    /// What the search found when it offers nothing to add: no match, or only bassins already chosen.
    public var pickerNote: String?
    public var error: String?
    public var saving = false

    public init() {}

    public var selected: TerritorySummary? {
      territories.indices.contains(selection) ? territories[selection] : nil
    }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case event(TerritoriesEvent)
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding(
      [.char("n")], "Nouveau", help: "Nouveau territoire (ZTEF) : nom et bassins", .create),
    KeyBinding([.char("r")], "Renommer", help: "Renommer le territoire en surbrillance", .rename),
    KeyBinding([.char("d")], "Délai cible", help: "Délai cible du territoire (jours)", .target),
    KeyBinding([.char("a")], "Attente", help: "Attente annoncée par ce site (minutes)", .wait),
    KeyBinding([.up], "↑", help: "Territoire précédent", .up, inKeyBar: false),
    KeyBinding([.down], "↓", help: "Territoire suivant", .down, inKeyBar: false),
  ]

  public static let formHints: [HintLine] = [
    HintLine(key: "F2", text: "Enregistrer"),
    HintLine(key: "Tab", text: "Champ"),
    HintLine(key: "Échap", text: "Abandonner"),
  ]

  public static let pickerHints: [HintLine] = [
    HintLine(key: "Lettres", text: "Chercher"),
    HintLine(key: "↑ ↓", text: "Choix"),
    HintLine(key: "Entrée", text: "Ajouter le bassin"),
    HintLine(
      key: "⌫", text: "Retirer le dernier", help: "Sur un champ vide : retirer le dernier bassin"),
  ]

  static let bassinField = 1

  public static func loadEffect(_ state: State) -> Effect { .feature(TerritoriesRequest.load) }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .event(let event): return receive(&state, event)
    case .key(let key):
      if state.saving { return .none }
      if state.form != nil { return formKey(key, &state, context: context) }
      guard let command: Command = bindings.command(for: key) else { return .none }
      return run(command, &state, context: context)
    }
  }

  static func receive(_ state: inout State, _ event: TerritoriesEvent) -> Effect {
    switch event {
    case .loaded(let territories, let sites):
      let id = state.focusID ?? state.selected?.id
      state.territories = territories
      state.sites = sites
      state.loaded = true
      state.focusID = nil
      state.selection =
        territories.firstIndex { $0.id == id }
        ?? min(state.selection, max(0, territories.count - 1))
    case .bassinsFound(let query, let matches):
      guard state.form == .create, query == state.fields.text(bassinField) else { return .none }
      state.matches = matches.filter { match in !state.chosen.contains(match.bassin) }
      state.highlight = 0
      state.pickerNote = pickerNote(query: query, found: matches, offered: state.matches)
    case .written(let message, let focus):
      state.saving = false
      state.form = nil
      state.focusID = focus
      return .navigate(.status(StatusMessage(message))) + loadEffect(state)
    case .failed(let error):
      state.saving = false
      if state.form != nil { state.error = error.message }
    }
    return .none
  }

  static func run(_ command: Command, _ state: inout State, context: AppContext) -> Effect {
    switch command {
    case .up: state.selection = max(0, state.selection - 1)
    case .down: state.selection = min(max(0, state.territories.count - 1), state.selection + 1)
    case .create:
      open(
        .create,
        [
          .text("Nom", hint: "ex. ZTEF Savoie", limit: 80),
          .text("Bassin", hint: "commune, bassin ou ZTEF", limit: 80),
        ],
        &state)
    case .rename:
      guard let territory = state.selected else { return .none }
      open(.rename(territory), [.text("Nom", territory.name, limit: 80)], &state)
    case .target:
      guard let territory = state.selected else { return .none }
      open(
        .target(territory),
        [
          .number("Délai cible", territory.targetDelayDays, hint: "jours, de 1 à 365", limit: 3)
        ],
        &state)
    case .wait:
      guard let site = state.sites.first(where: { $0.id == context.workplace.siteID }) else {
        return .none
      }
      open(
        .wait(site),
        [
          .number(
            "Attente annoncée", site.announcedWaitMinutes, hint: "minutes, de 1 à 240", limit: 3)
        ],
        &state)
    }
    return .none
  }

  /// Why the picker offers nothing: the text matches no bassin, or only bassins already chosen.
  static func pickerNote(query: String, found: [BassinMatch], offered: [BassinMatch]) -> String? {
    guard offered.isEmpty else { return nil }
    guard !found.isEmpty else {
      return "Aucune commune, aucun bassin ni ZTEF ne correspond à « \(query) »."
    }
    let names = found.map(\.bassin.name).joined(separator: ", ")
    return "« \(query) » : déjà choisi (\(names))."
  }

  static func open(_ form: Form, _ fields: [FormField], _ state: inout State) {
    state.form = form
    state.fields = FormFields(fields)
    state.matches = []
    state.highlight = 0
    state.chosen = []
    state.pickerNote = nil
    state.error = nil
  }

  static func formKey(_ key: Key, _ state: inout State, context: AppContext) -> Effect {
    state.error = nil
    if key == .escape {
      state.form = nil
      return .none
    }
    if key == .function(2) { return save(&state) }
    let picking = state.form == .create && state.fields.focus == bassinField
    if picking {
      switch key {
      case .up where !state.matches.isEmpty:
        state.highlight = max(0, state.highlight - 1)
        return .none
      case .down where !state.matches.isEmpty:
        state.highlight = min(state.matches.count - 1, state.highlight + 1)
        return .none
      case .enter:
        guard state.matches.indices.contains(state.highlight) else { return .none }
        state.chosen.append(state.matches[state.highlight].bassin)
        state.fields.fields[bassinField].text = ""
        state.matches = []
        state.highlight = 0
        state.pickerNote = nil
        return .none
      case .backspace where state.fields.fields[bassinField].text.isEmpty:
        if !state.chosen.isEmpty { state.chosen.removeLast() }
        return .none
      default: break
      }
    }
    let before = state.fields.text(bassinField < state.fields.fields.count ? bassinField : 0)
    state.fields.edit(key)
    guard picking, state.fields.focus == bassinField else { return .none }
    let query = state.fields.text(bassinField)
    guard query != before else { return .none }
    state.pickerNote = nil
    if query.isEmpty {
      state.matches = []
      return .none
    }
    return .feature(TerritoriesRequest.searchBassins(query))
  }

  /// F2: the form's values, checked here for what can be said at once, the rest by the store.
  static func save(_ state: inout State) -> Effect {
    guard let form = state.form else { return .none }
    let request: TerritoriesRequest
    switch form {
    case .create:
      request = .create(name: state.fields.text(0), bassinCodes: state.chosen.map(\.code))
    case .rename(let territory):
      request = .rename(territoryID: territory.id, name: state.fields.text(0))
    case .target(let territory):
      guard let days = Int(state.fields.text(0)) else {
        state.error = "Le délai cible est un nombre de jours (1 à 365)."
        return .none
      }
      request = .setTarget(territoryID: territory.id, days: days)
    case .wait(let site):
      guard let minutes = Int(state.fields.text(0)) else {
        state.error = "L'attente annoncée est un nombre de minutes (1 à 240)."
        return .none
      }
      request = .setWait(siteID: site.id, minutes: minutes)
    }
    state.saving = true
    return .feature(request)
  }
}
