import GuichetCore

// The administration screens as the app reducer sees them: lists loaded wherever they are open, a write
// that went through closing its form (the list underneath reloads and keeps what was written in focus),
// or staying on the list it came from.

extension AdminStructuresScreen.Action: KeyedAction {}
extension AdminAdvisorsScreen.Action: KeyedAction {}
extension AdminAvailabilityScreen.Action: KeyedAction {}
extension AdminRoutingScreen.Action: KeyedAction {}
extension AdminFormScreen.Action: KeyedAction {}

/// What every administration screen shares: its title and the question or picker that takes Échap.
protocol AdminFeature: ScreenFeature {
  static func listHints(_ state: State) -> [HintLine]
  /// A confirmation or a picker on screen takes Échap as « no » rather than leaving.
  static func isAsking(_ state: State) -> Bool
  static func loaded(_ event: AdminEvent, _ state: State) -> Action?
  static func written(_ write: AdminWrite, message: String, onTop: Bool) -> Action?
  /// The screen's keys, or the answers of the question or picker it shows.
  static func adminHints(_ state: State) -> [HintLine]
}

extension AdminFeature {
  public static func leaves(_ state: State, on key: Key) -> Bool {
    key == .escape && !isAsking(state)
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    adminResult(result, state, onTop: onTop)
  }
  static func adminResult(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    guard case .admin(let event) = result else { return nil }
    if case .written(let write, let message) = event {
      return written(write, message: message, onTop: onTop)
    }
    return loaded(event, state)
  }
  public static func keyHints(_ state: State, role: Role?) -> [HintLine] {
    adminHints(state) + HintLine.global
  }
  static func adminHints(_ state: State) -> [HintLine] {
    if isAsking(state) {
      return [HintLine(key: "O", text: "Confirmer"), HintLine(key: "Autre", text: "Annuler")]
    }
    return listHints(state)
  }
  public static func helpLines(_ state: State, context: AppContext) -> [HintLine] {
    adminHints(state)
  }
  static func written(_ write: AdminWrite, message: String, onTop: Bool) -> Action? { nil }
}

extension AdminStructuresScreen: AdminFeature {
  public static func embed(_ state: State) -> Screen { .admin(.structures(state)) }
  public static func extract(_ screen: Screen) -> State? {
    if case .admin(.structures(let state)) = screen { state } else { nil }
  }
  static func isAsking(_ state: State) -> Bool { state.confirming || state.territoryPicker != nil }
  /// The territory picker's answers come as the search's own event.
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    if case .featureEvent(let event) = result {
      return event.event(as: TerritorySearchEvent.self).map(Action.territories)
    }
    return adminResult(result, state, onTop: onTop)
  }
  static func loaded(_ event: AdminEvent, _ state: State) -> Action? {
    if case .structuresLoaded(let structures) = event { .loaded(structures) } else { nil }
  }
  static func written(_ write: AdminWrite, message: String, onTop: Bool) -> Action? {
    .written(write, message: message, onTop: onTop)
  }
  public static func load(_ state: State) -> Effect { loadEffect }
  public static func title(of state: State, context: AppContext) -> String { "Admin · structures" }
  static func adminHints(_ state: State) -> [HintLine] {
    if state.territoryPicker != nil {
      return [
        HintLine(key: "Lettres", text: "Chercher"),
        HintLine(key: "Entrée", text: "Choisir"),
        HintLine(key: "Échap", text: "Garder le filtre"),
      ]
    }
    if state.confirming {
      return [HintLine(key: "O", text: "Confirmer"), HintLine(key: "Autre", text: "Annuler")]
    }
    return bindings.map(\.hintLine)
  }
  static func listHints(_ state: State) -> [HintLine] { bindings.map(\.hintLine) }
  public static let purpose =
    "Structures du second niveau (Mission locale, France Travail, Cap emploi, APEC, Transitions Pro, CIO…), filtrées par type (T) et par territoire (Z). Une structure désactivée ne reçoit plus de rendez-vous ; ses rendez-vous passés restent. Les mêmes fonctions que guichet operators."
}

extension AdminAdvisorsScreen: AdminFeature {
  public static func embed(_ state: State) -> Screen { .admin(.advisors(state)) }
  public static func extract(_ screen: Screen) -> State? {
    if case .admin(.advisors(let state)) = screen { state } else { nil }
  }
  static func isAsking(_ state: State) -> Bool { state.confirming }
  static func loaded(_ event: AdminEvent, _ state: State) -> Action? {
    if case .advisorsLoaded(let id, let advisors) = event {
      .loaded(structureID: id, advisors)
    } else {
      nil
    }
  }
  static func written(_ write: AdminWrite, message: String, onTop: Bool) -> Action? {
    .written(write, message: message, onTop: onTop)
  }
  public static func load(_ state: State) -> Effect { loadEffect(state) }
  public static func title(of state: State, context: AppContext) -> String { "Admin · conseillers" }
  static func listHints(_ state: State) -> [HintLine] { bindings.map(\.hintLine) }
  public static let purpose =
    "Conseillers de la structure. Retirer un conseiller est refusé tant qu'il a des rendez-vous à venir ; une réservation en cours ailleurs reçoit alors un message clair et rien n'est écrit."
}

extension AdminAvailabilityScreen: AdminFeature {
  public static func embed(_ state: State) -> Screen { .admin(.availability(state)) }
  public static func extract(_ screen: Screen) -> State? {
    if case .admin(.availability(let state)) = screen { state } else { nil }
  }
  static func isAsking(_ state: State) -> Bool { state.confirming }
  static func loaded(_ event: AdminEvent, _ state: State) -> Action? {
    if case .availabilityLoaded(let id, let rules, let absences) = event {
      .loaded(advisorID: id, rules, absences)
    } else {
      nil
    }
  }
  static func written(_ write: AdminWrite, message: String, onTop: Bool) -> Action? {
    .written(write, message: message, onTop: onTop)
  }
  public static func load(_ state: State) -> Effect { loadEffect(state) }
  public static func title(of state: State, context: AppContext) -> String {
    "Admin · plages et absences"
  }
  static func listHints(_ state: State) -> [HintLine] { bindings.map(\.hintLine) }
  public static let purpose =
    "Plages d'ouverture (jours, heures, durée d'un rendez-vous, lieu, places d'une séance collective) et absences du conseiller. Les créneaux libres en sont calculés, jours fériés déduits."
}

extension AdminRoutingScreen: AdminFeature {
  public static func embed(_ state: State) -> Screen { .admin(.routing(state)) }
  public static func extract(_ screen: Screen) -> State? {
    if case .admin(.routing(let state)) = screen { state } else { nil }
  }
  static func isAsking(_ state: State) -> Bool { false }
  static func loaded(_ event: AdminEvent, _ state: State) -> Action? {
    if case .routingLoaded(let rules) = event { .loaded(rules) } else { nil }
  }
  static func written(_ write: AdminWrite, message: String, onTop: Bool) -> Action? {
    .written(write, message: message, onTop: onTop)
  }
  public static func load(_ state: State) -> Effect { loadEffect }
  public static func title(of state: State, context: AppContext) -> String { "Admin · aiguillage" }
  static func listHints(_ state: State) -> [HintLine] { bindings.map(\.hintLine) }
  public static let purpose =
    "Règles d'aiguillage : public × âge × demande × territoire → type d'opérateur recommandé, avec la raison lue par l'agent. La première règle qui s'applique à un type d'opérateur donne son rang."
}

extension AdminFormScreen: AdminFeature {
  public static func embed(_ state: State) -> Screen { .admin(.form(state)) }
  public static func extract(_ screen: Screen) -> State? {
    if case .admin(.form(let state)) = screen { state } else { nil }
  }
  static func isAsking(_ state: State) -> Bool { false }
  /// The form takes the answer to its own write only (it is on top while it waits).
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    if case .featureEvent(let event) = result {
      return event.event(as: TerritorySearchEvent.self).map(Action.territories)
    }
    guard onTop, case .admin(let event) = result else { return nil }
    switch event {
    case .written(_, let message): return .written(message: message)
    case .failed(let error): return .failed(error)
    default: return nil
    }
  }
  static func loaded(_ event: AdminEvent, _ state: State) -> Action? { nil }
  public static func title(of state: State, context: AppContext) -> String {
    "Admin · " + title(state).lowercased()
  }
  static func listHints(_ state: State) -> [HintLine] { hints }
  public static let purpose =
    "Remplissez les champs (Tab pour passer au suivant, ← → pour les choix), puis F2. Une erreur est expliquée et rien n'est écrit ; Échap abandonne."
}
