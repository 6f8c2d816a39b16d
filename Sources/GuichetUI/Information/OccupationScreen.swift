import GuichetCore

/// The métier fiche: identity and domaine stay on top, the sections scroll below, links open the related
/// certification or métier. Masculine and feminine titles are always both shown (« double mixité »).
public enum OccupationScreen {
  public enum Command: Equatable, Sendable {
    case open, toggleInactive, labourNeeds, outcomes
    case move(DocumentCursor.Move)
  }

  public struct State: Equatable, Sendable {
    public var code: String
    public var fiche: OccupationFiche?
    /// The code is not in the reference data.
    public var missing = false
    public var cursor = DocumentCursor()
    public var showInactive = false
    /// The visit's territory, whose départements the hiring tension is read for.
    public var territoryID: Int64?

    public init(code: String, fiche: OccupationFiche? = nil, territoryID: Int64? = nil) {
      self.code = code
      self.fiche = fiche
      self.territoryID = territoryID
    }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case loaded(OccupationFiche?)
  }

  public static let bindings: [KeyBinding<Command>] =
    [KeyBinding([.enter], "Ouvrir", help: "Ouvrir la fiche liée en surbrillance", .open)]
    + DocumentKeys.movements(Command.move) + [
      KeyBinding(
        [.char("i")], "Inactives", help: "Afficher ou masquer les certifications inactives",
        .toggleInactive),
      KeyBinding(
        [.char("b")], "Besoins", help: "Besoins en main-d'œuvre (BMO) du territoire",
        .labourNeeds, inKeyBar: false),
      KeyBinding(
        [.char("d")], "Débouchés",
        help: "Aller aux débouchés (InserJeunes) des certifications du métier", .outcomes),
    ]

  public static func loadEffect(_ state: State) -> Effect {
    .loadOccupation(state.code, territoryID: state.territoryID)
  }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .loaded(let fiche):
      state.fiche = fiche
      state.missing = fiche == nil
    case .key(let key):
      guard let command: Command = bindings.command(for: key) else { return .none }
      switch command {
      case .move(let move): state.cursor.apply(move, lines: document(state))
      case .toggleInactive:
        state.showInactive.toggle()
        state.cursor.focus = nil
      case .labourNeeds: return .navigate(.push(.labourNeeds))
      case .outcomes:
        if let index = OutcomeLines.headingIndex(document(state)) {
          state.cursor.top = index
          state.cursor.focus = nil
        }
      case .open:
        if let route = state.cursor.focusedLink(document(state)) { return .navigate(.push(route)) }
      }
    }
    return .none
  }

  public static func title(_ state: State) -> String {
    "Fiche métier \(state.code)"
  }
}
