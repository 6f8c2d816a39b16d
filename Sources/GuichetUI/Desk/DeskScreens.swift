import GuichetCore

// The desk's screens as the app reducer sees them: the queue, today's visits and the visit form.

extension QueueScreen.Action: KeyedAction {}
extension VisitListScreen.Action: KeyedAction {}
extension VisitFormScreen.Action: KeyedAction {}

extension QueueScreen: BoundScreen {
  public static func embed(_ state: State) -> Screen { .queue(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .queue(let state) = screen { state } else { nil }
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    switch result {
    case .queueLoaded(let visits): .queueLoaded(visits)
    // The home screen's read carries the same queue.
    case .countersLoaded(let day): .queueLoaded(day.queue)
    default: nil
    }
  }
  public static func load(_ state: State) -> Effect { loadEffect }
  public static func title(of state: State, context: AppContext) -> String { "File d'attente" }
  public static let purpose =
    "Personnes arrivées au site, avec leur temps d'attente. Prendre en charge ouvre le formulaire de visite."
}

extension VisitListScreen: BoundScreen {
  public static func embed(_ state: State) -> Screen { .todayVisits(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .todayVisits(let state) = screen { state } else { nil }
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    if case .todayVisitsLoaded(let visits) = result { .visitsLoaded(visits) } else { nil }
  }
  public static func load(_ state: State) -> Effect { loadEffect }
  public static func title(of state: State, context: AppContext) -> String { "Visites du jour" }
  public static let purpose =
    "Visites du jour à ce poste : ouvrez-en une pour la corriger ou la clôturer."
}

extension VisitFormScreen: ScreenFeature {
  public static func embed(_ state: State) -> Screen { .visitForm(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .visitForm(let state) = screen { state } else { nil }
  }
  /// The form asks « abandonner ? » itself on Échap.
  public static func leaves(_ state: State, on key: Key) -> Bool { false }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    switch result {
    case .communesFound(let query, let matches): .communesFound(query: query, matches: matches)
    case .visitSaved(let visit) where onTop: .saved(visit)
    case .failed(let error) where onTop: .failed(error)
    default: nil
    }
  }
  public static func title(of state: State, context: AppContext) -> String {
    title(state, context: context)
  }
  public static func keyHints(_ state: State, role: Role?) -> [HintLine] {
    bindings.map(\.hintLine) + [HintLine.help, HintLine.quit]
  }
  public static let purpose =
    "Codez la visite : demande(s), public, tranche d'âge, territoire (tapez la commune), réponse apportée. Aucune donnée nominative n'est enregistrée."
  public static func helpLines(_ state: State, context: AppContext) -> [HintLine] {
    bindings.map(\.hintLine) + fieldHelp
  }
  public static func unsavedWork(_ state: State) -> String? {
    state.isDirty ? "Une visite n'est pas enregistrée." : nil
  }
}

extension VisitFormScreen.State {
  /// Takes what the store wrote (a booking outcome) as the new baseline, so the form is not « modified »
  /// and a later F2/F3 saves on top of it rather than over it.
  mutating func adopt(_ written: Visit) {
    visit = written
    original = written
    saving = false
    focusLists()
  }
}

extension App {
  /// The visit form open underneath takes what the store wrote as its baseline.
  static func adoptVisit(_ visit: Visit, _ state: inout AppState) {
    guard let index = visitFormIndex(state), case .visitForm(var form) = state.screens[index]
    else { return }
    form.adopt(visit)
    state.screens[index] = .visitForm(form)
  }

  /// The visit form under the information and booking screens, if the agent came from one.
  static func visitInProgress(_ state: AppState) -> VisitFormScreen.State? {
    visitFormIndex(state).flatMap { VisitFormScreen.extract(state.screens[$0]) }
  }

  static func visitFormIndex(_ state: AppState) -> Int? {
    state.screens.lastIndex { VisitFormScreen.extract($0) != nil }
  }
}
