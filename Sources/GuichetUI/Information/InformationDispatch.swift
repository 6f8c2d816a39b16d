import GuichetCore

// The information screens as the app reducer sees them (search, fiches, labour needs, directory), and the
// consultations they attach to the visit open underneath (codes only).

extension SearchScreen.Action: KeyedAction {}
extension OccupationScreen.Action: KeyedAction {}
extension CertificationScreen.Action: KeyedAction {}
extension LabourNeedsScreen.Action: KeyedAction {}
extension StructuresScreen.Action: KeyedAction {}

extension SearchScreen: BoundScreen {
  public static func embed(_ state: State) -> Screen { .search(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .search(let state) = screen { state } else { nil }
  }
  /// Échap first clears what is typed (the screen decides).
  public static func leaves(_ state: State, on key: Key) -> Bool { false }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    if case .referenceFound(let results) = result { .found(results) } else { nil }
  }
  public static func load(_ state: State) -> Effect { loadEffect(state) }
  public static func title(of state: State, context: AppContext) -> String { "Recherche" }
  public static let purpose =
    "Recherche au fil de la frappe dans les métiers (toutes les appellations, au masculin et au féminin), les certifications RNCP et les structures. Ouverte depuis une visite, chaque fiche ouverte est notée sur la visite (code seulement). Une recherche sans résultat est notée comme demande non couverte : quelques mots, sans lien avec la visite."
  public static func helpLines(_ state: State, context: AppContext) -> [HintLine] {
    bindings.map(\.hintLine) + fieldHelp
  }
}

extension OccupationScreen: BoundScreen {
  public static func embed(_ state: State) -> Screen { .occupation(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .occupation(let state) = screen { state } else { nil }
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    guard case .occupationLoaded(let code, let fiche) = result, code == state.code else {
      return nil
    }
    return .loaded(fiche)
  }
  public static func load(_ state: State) -> Effect { loadEffect(state) }
  public static func title(of state: State, context: AppContext) -> String { title(state) }
  public static let purpose =
    "Fiche ROME : domaine, appellations au masculin et au féminin, repères (réglementé, cadre, transitions écologique, numérique et démographique), définition et accès quand les textes sont importés, salaire médian et tension de recrutement par famille professionnelle, certifications par niveau et leurs débouchés (InserJeunes, touche D), métiers proches, centres d'intérêt. La source et l'âge des données sont en bas."
}

extension CertificationScreen: BoundScreen {
  public static func embed(_ state: State) -> Screen { .certification(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .certification(let state) = screen { state } else { nil }
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    guard case .certificationLoaded(let code, let fiche) = result, code == state.code else {
      return nil
    }
    return .loaded(fiche)
  }
  public static func load(_ state: State) -> Effect { loadEffect(state) }
  public static func title(of state: State, context: AppContext) -> String { title(state) }
  public static let purpose =
    "Fiche RNCP : niveau, type, statut au jour d'aujourd'hui, fin de validité, ouverture à l'apprentissage, domaine de formation (NSF, Formacode), métiers visés et débouchés (InserJeunes, touche D). Les fiches postérieures à 2021 viennent de Certif Info."
}

extension LabourNeedsScreen: ScreenFeature {
  public static func embed(_ state: State) -> Screen { .labourNeeds(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .labourNeeds(let state) = screen { state } else { nil }
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    switch result {
    case .labourNeedsLoaded(let id, let needs): .loaded(territoryID: id, needs)
    case .communesFound(let query, let matches): .communesFound(query: query, matches: matches)
    default: nil
    }
  }
  public static func load(_ state: State) -> Effect { loadEffect(state) }
  public static func title(of state: State, context: AppContext) -> String { title(state) }
  public static func keyHints(_ state: State, role: Role?) -> [HintLine] {
    [HintLine(key: "Lettres", text: "Commune")] + bindings.map(\.hintLine) + HintLine.global
  }
  public static let purpose =
    "Enquête BMO : métiers les plus recherchés du territoire (projets de recrutement), part jugée difficile et part saisonnière. Les chiffres couverts par le secret statistique sont indiqués « secret », jamais comptés à zéro. La nomenclature BMO (FAP2021) n'a pas de correspondance avec les fiches ROME."
  public static func helpLines(_ state: State, context: AppContext) -> [HintLine] {
    bindings.map(\.hintLine) + fieldHelp
  }
}

extension LabourNeedsScreen.State {
  /// Opens on the territory of the visit in progress, if any.
  init(visit: VisitFormScreen.State?, context: AppContext) {
    self.init(territory: visit.flatMap { $0.territory(context) })
    communeName = visit?.communeName
  }
}

extension StructuresScreen: ScreenFeature {
  public static func embed(_ state: State) -> Screen { .structures(state) }
  public static func extract(_ screen: Screen) -> State? {
    if case .structures(let state) = screen { state } else { nil }
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    switch result {
    case .structuresLoaded(let directory): .loaded(directory)
    case .communesFound(let query, let matches): .communesFound(query: query, matches: matches)
    default: nil
    }
  }
  public static func load(_ state: State) -> Effect { loadEffect(state) }
  public static func title(of state: State, context: AppContext) -> String { title(state) }
  public static func keyHints(_ state: State, role: Role?) -> [HintLine] {
    bindings.map(\.hintLine) + [HintLine(key: "Lettres", text: "Commune")] + HintLine.global
  }
  public static let purpose =
    "Annuaire des structures d'orientation (CIO, missions locales, PIJ, …) avec adresse et téléphone : celles du territoire d'abord, puis du département, puis de la région. Les coordonnées datent de l'annuaire publié : vérifiez-les avant d'orienter."
  public static func helpLines(_ state: State, context: AppContext) -> [HintLine] {
    bindings.map(\.hintLine) + fieldHelp
  }
}

extension StructuresScreen.State {
  /// Opens on the territory of the visit in progress, if any, with `focus` highlighted.
  init(visit: VisitFormScreen.State?, focus: String?, context: AppContext) {
    self.init(territory: visit.flatMap { $0.territory(context) }, focusID: focus)
    communeName = visit?.communeName
  }
}

extension VisitFormScreen.State {
  /// The visit's territory, named.
  func territory(_ context: AppContext) -> Territory? {
    visit.territoryID.map { Territory(id: $0, name: context.territoryName($0)) }
  }
}

extension App {
  /// What opening a route consults, as a code.
  static func consultation(for route: Route) -> Consultation? {
    switch route {
    case .occupation(let code): Consultation(kind: .occupation, code: code)
    case .certification(let code): Consultation(kind: .certification, code: code)
    case .structures(let focus?): Consultation(kind: .structure, code: focus)
    default: nil
    }
  }

  /// Attaches a consultation to the visit open underneath: at once when the visit is saved, else kept on the form
  /// and written with the visit (see `VisitFormScreen.saved`). Nothing is kept when no visit is open.
  static func attach(_ consultation: Consultation?, to state: inout AppState) -> Effect {
    guard let consultation, let index = visitFormIndex(state),
      case .visitForm(var form) = state.screens[index]
    else { return .none }
    if let id = form.visit.id { return .recordConsultations(visitID: id, [consultation]) }
    if !form.consultations.contains(consultation) {
      form.consultations.append(consultation)
      state.screens[index] = .visitForm(form)
    }
    return .none
  }

  /// The BMO figures of a territory count as consulted once they are shown during a visit.
  static func attachLabourNeeds(_ action: AppAction, to state: inout AppState) -> Effect {
    guard case .labourNeedsLoaded(let id, let needs?) = action, !needs.needs.isEmpty,
      case .labourNeeds(let screen) = state.top, screen.territory?.id == id
    else { return .none }
    return attach(Consultation(kind: .labourNeeds, code: String(id)), to: &state)
  }
}
