import Foundation
import GuichetCore

/// The visit form: codes a visit in a few keys. Its fields are the table `Field.all` (VisitFields.swift).
public enum VisitFormScreen {
  public enum Command: Equatable, Sendable {
    case close, saveOpen, nextField, previousField, back, clearTerritory, search, booking
  }

  public struct State: Equatable, Sendable {
    public var visit: Visit
    public var original: Visit
    public var focus: Field = .requests
    public var lists: [Field: OptionList]
    public var communeQuery = ""
    public var communeMatches: [CommuneMatch] = []
    public var communeHighlight = 0
    /// The commune picked during this visit, shown for reassurance; only the territory is stored.
    public var communeName: String?
    public var confirmingDiscard = false
    public var saving = false
    /// The visit as last sent to the store, kept until the answer so a busy file can be retried.
    public var sent: Visit?
    /// Set when the store was busy (another desk held the file): Entrée sends `sent` again.
    public var offersRetry = false
    public var error: String?
    /// Fiches consulted before the visit was first saved; written with it (codes only).
    public var consultations: [Consultation] = []

    public init(visit: Visit) {
      var visit = visit
      // Most visits end with information given, so that is the answer unless the agent says otherwise.
      if visit.outcome == nil { visit.outcome = .information }
      self.visit = visit
      self.original = visit
      lists = Dictionary(
        uniqueKeysWithValues: Field.all.filter { !$0.options.isEmpty }.map {
          ($0, OptionList($0.options))
        })
      focusLists()
    }

    public var isDirty: Bool { visit != original }
    public var isNew: Bool { visit.id == nil }

    /// Fields the agent can reach for this visit (the reason only when nothing was answered or booked).
    public var activeFields: [Field] { Field.all.filter { $0.isActive(visit) } }

    /// Each list opens on the option the visit holds (the first one for the requests).
    mutating func focusLists() {
      for field in Field.all where !field.options.isEmpty {
        lists[field]?.focus(code: field.chosen(visit).first)
      }
    }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case communesFound(query: String, matches: [CommuneMatch])
    /// The store wrote the visit sent by F2/F3.
    case saved(Visit)
    case failed(UserError)
  }

  public static let bindings: [KeyBinding<Command>] = [
    KeyBinding([.function(2)], "Clôturer", help: "Enregistrer et clôturer la visite", .close),
    KeyBinding(
      [.function(3)], "Enreg.",
      help: "Enregistrer sans clôturer (la visite reste en cours)",
      .saveOpen),
    KeyBinding(
      [.function(4)], "Rech.",
      help:
        "Rechercher un métier, une certification, une structure (consultations notées sur la visite)",
      .search),
    KeyBinding(
      [.function(7)], "RDV",
      help:
        "Rendez-vous avec un conseiller : aiguillage, créneaux, consentement (la visite est enregistrée d'abord)",
      .booking),
    KeyBinding([.tab], "Champ suivant", .nextField, inKeyBar: false),
    KeyBinding([.backTab], "Précédent", help: "Champ précédent", .previousField, inKeyBar: false),
    KeyBinding(
      [.delete], "Effacer", help: "Territoire : revenir à « non précisé »", .clearTerritory,
      inKeyBar: false),
    KeyBinding(
      [.escape], "Retour", help: "Revenir sans enregistrer (confirmation demandée)", .back),
  ]

  /// Keys handled by the focused field rather than the table; listed in the help screen.
  public static let fieldHelp: [HintLine] = [
    HintLine(key: "1…9, 0", text: "Choix direct de l'option numérotée"),
    HintLine(key: "↑ ↓", text: "Parcourir les options"),
    HintLine(key: "Entrée", text: "Valider l'option en surbrillance et passer au champ suivant"),
    HintLine(key: "Espace", text: "Demande(s) : cocher ou décocher l'option en surbrillance"),
    HintLine(key: "Lettres", text: "Filtrer les options ; Territoire : taper le nom de la commune"),
  ]

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .communesFound(let query, let matches):
      guard query == state.communeQuery else { return .none }
      state.communeMatches = matches
      state.communeHighlight = 0
      return .none
    case .saved(let visit):
      return saved(visit, &state)
    case .failed(let error):
      state.saving = false
      state.offersRetry = error.retryable && state.sent != nil
      state.error = state.offersRetry ? busyMessage : error.message
      return .none
    case .key(let key):
      if state.saving { return .none }
      if state.confirmingDiscard { return confirmDiscard(&state, key) }
      if state.offersRetry, key == .enter, let visit = state.sent {
        return save(visit, &state)
      }
      state.offersRetry = false
      state.error = nil
      if let command: Command = bindings.command(for: key) {
        return perform(command, &state, context: context)
      }
      return fieldKey(key, &state)
    }
  }

  /// Says what was written, offers the satisfaction score for a visit closed now, writes the fiches
  /// consulted before the visit had a number, and closes the form.
  static func saved(_ visit: Visit, _ state: inout State) -> Effect {
    guard state.saving else { return .none }
    var effect = Effect.navigate(
      .status(
        StatusMessage(
          visit.status == .closed
            ? "Visite n° \(visit.id ?? 0) clôturée."
            : "Visite n° \(visit.id ?? 0) enregistrée, toujours en cours.")))
    if visit.status == .closed, state.original.closedAt == nil, let id = visit.id {
      effect = effect + .navigate(.offerSatisfaction(id))
    }
    if let id = visit.id, !state.consultations.isEmpty {
      effect = effect + .recordConsultations(visitID: id, state.consultations)
    }
    return effect + .navigate(.pop)
  }

  /// Shown under the form while another desk holds the file; everything typed stays on screen.
  public static let busyMessage =
    "Base occupée par un autre poste : rien n'est perdu. Entrée pour réessayer."

  static func confirmDiscard(_ state: inout State, _ key: Key) -> Effect {
    state.confirmingDiscard = false
    if key.isYes { return .navigate(.pop) }
    return .none
  }

  static func perform(_ command: Command, _ state: inout State, context: AppContext) -> Effect {
    switch command {
    case .search: return .navigate(.push(.search))
    case .booking:
      var visit = state.visit
      visit.startedAt = visit.startedAt ?? visit.arrivedAt
      return .navigate(.push(.booking(.recommendation(visit))))
    case .nextField: advance(&state, by: 1)
    case .previousField: advance(&state, by: -1)
    case .clearTerritory:
      if state.focus == .territory {
        state.visit.territoryID = nil
        state.communeName = nil
        state.communeQuery = ""
        state.communeMatches = []
      }
    case .back:
      if state.isDirty {
        state.confirmingDiscard = true
      } else {
        return .navigate(.pop)
      }
    case .close:
      var visit = state.visit
      visit.startedAt = visit.startedAt ?? visit.arrivedAt
      visit.closedAt = visit.closedAt ?? max(context.now, visit.startedAt ?? visit.arrivedAt)
      return save(visit, &state)
    case .saveOpen:
      var visit = state.visit
      visit.startedAt = visit.startedAt ?? visit.arrivedAt
      return save(visit, &state)
    }
    return .none
  }

  static func save(_ visit: Visit, _ state: inout State) -> Effect {
    if visit.closedAt != nil {
      do {
        try visit.validateForClosing()
      } catch {
        state.error = error.message
        state.focus =
          switch error {
          case .noRequestKind: .requests
          case .noOutcome, .leftUnseenButReceived: .outcome
          case .missingReason, .reasonWithoutNeed: .reason
          }
        return .none
      }
    }
    state.saving = true
    state.offersRetry = false
    state.error = nil
    state.sent = visit
    return .save(visit)
  }

  static func advance(_ state: inout State, by delta: Int) {
    let fields = state.activeFields
    guard let index = fields.firstIndex(of: state.focus) else {
      state.focus = .requests
      return
    }
    // Tab past the last field and Maj+Tab before the first wrap around, as in any form.
    state.focus = fields[((index + delta) % fields.count + fields.count) % fields.count]
    state.lists[state.focus]?.filter = ""
  }

  static func fieldKey(_ key: Key, _ state: inout State) -> Effect {
    if state.focus == .territory { return territoryKey(key, &state) }
    let field = state.focus
    guard var list = state.lists[field] else { return .none }
    defer { state.lists[field] = list }
    switch key {
    case .char(" "):
      if let option = list.highlighted { choose(option, in: field, &state, toggle: true) }
      if !field.multiple { advance(&state, by: 1) }
    case .char(let c) where c.isNumber:
      if let index = list.index(forDigit: c) {
        list.highlight = index
        let option = list.visible[index]
        list.filter = ""
        list.focus(code: option.code)
        choose(option, in: field, &state, toggle: true)
        if !field.multiple { advance(&state, by: 1) }
      }
    case .enter:
      if field.multiple && !list.filter.isEmpty {
        if let option = list.highlighted, !field.chosen(state.visit).contains(option.code) {
          choose(option, in: field, &state, toggle: true)
        }
        list.setFilter("")
      } else {
        if let option = list.highlighted, !field.multiple {
          choose(option, in: field, &state, toggle: false)
        }
        list.filter = ""
        advance(&state, by: 1)
      }
    default: _ = list.browse(key)
    }
    return .none
  }

  /// Applies a picked option to the draft visit.
  static func choose(_ option: Option, in field: Field, _ state: inout State, toggle: Bool) {
    field.apply(&state.visit, option.code, toggle)
  }

  static func territoryKey(_ key: Key, _ state: inout State) -> Effect {
    switch key {
    case .up: state.communeHighlight = max(0, state.communeHighlight - 1)
    case .down:
      state.communeHighlight = min(
        max(0, state.communeMatches.count - 1), state.communeHighlight + 1)
    case .enter:
      if !state.communeQuery.isEmpty, state.communeMatches.indices.contains(state.communeHighlight)
      {
        let match = state.communeMatches[state.communeHighlight]
        state.visit.territoryID = match.territory.id
        state.communeName = match.commune.name
        state.communeQuery = ""
        state.communeMatches = []
      }
      advance(&state, by: 1)
      return .none
    case .backspace:
      guard !state.communeQuery.isEmpty else { return .none }
      return setCommuneQuery(String(state.communeQuery.dropLast()), &state)
    case .paste(let text):
      return setCommuneQuery(state.communeQuery + text, &state)
    case .char(let c):
      return setCommuneQuery(state.communeQuery + String(c), &state)
    default: break
    }
    return .none
  }

  static func setCommuneQuery(_ text: String, _ state: inout State) -> Effect {
    state.communeQuery = String(SafeText.clean(text).prefix(60))
    state.communeHighlight = 0
    if SearchText.tokens(state.communeQuery).isEmpty {
      state.communeMatches = []
      return .none
    }
    return .searchCommunes(state.communeQuery)
  }
}
