import GuichetCore

/// The information screens in the app reducer: keys, loaded data, new screens, and the consultations they
/// attach to the visit open underneath (codes only).
extension App {
  static func handleInformationKey(_ screen: inout Screen, _ key: Key, context: AppContext)
    -> Effect
  {
    switch screen {
    case .search(var search):
      let effect = SearchScreen.reduce(&search, .key(key), context: context)
      screen = .search(search)
      return effect
    case .occupation(var fiche):
      if key == .escape { return .navigate(.pop) }
      let effect = OccupationScreen.reduce(&fiche, .key(key), context: context)
      screen = .occupation(fiche)
      return effect
    case .certification(var fiche):
      if key == .escape { return .navigate(.pop) }
      let effect = CertificationScreen.reduce(&fiche, .key(key), context: context)
      screen = .certification(fiche)
      return effect
    case .labourNeeds(var needs):
      if key == .escape { return .navigate(.pop) }
      let effect = LabourNeedsScreen.reduce(&needs, .key(key), context: context)
      screen = .labourNeeds(needs)
      return effect
    case .structures(var directory):
      if key == .escape { return .navigate(.pop) }
      let effect = StructuresScreen.reduce(&directory, .key(key), context: context)
      screen = .structures(directory)
      return effect
    default:
      return .none
    }
  }

  static func deliverInformation(
    _ action: AppAction, to screen: inout Screen, context: AppContext
  ) -> Effect {
    switch (screen, action) {
    case (.search(var search), .referenceFound(let results)):
      let effect = SearchScreen.reduce(&search, .found(results), context: context)
      screen = .search(search)
      return effect
    case (.occupation(var fiche), .occupationLoaded(let code, let loaded)) where fiche.code == code:
      let effect = OccupationScreen.reduce(&fiche, .loaded(loaded), context: context)
      screen = .occupation(fiche)
      return effect
    case (.certification(var fiche), .certificationLoaded(let code, let loaded))
    where fiche.code == code:
      let effect = CertificationScreen.reduce(&fiche, .loaded(loaded), context: context)
      screen = .certification(fiche)
      return effect
    case (.labourNeeds(var needs), .labourNeedsLoaded(let id, let loaded)):
      let effect = LabourNeedsScreen.reduce(
        &needs, .loaded(territoryID: id, loaded), context: context)
      screen = .labourNeeds(needs)
      return effect
    case (.labourNeeds(var needs), .communesFound(let query, let matches)):
      let effect = LabourNeedsScreen.reduce(
        &needs, .communesFound(query: query, matches: matches), context: context)
      screen = .labourNeeds(needs)
      return effect
    case (.structures(var directory), .structuresLoaded(let loaded)):
      let effect = StructuresScreen.reduce(&directory, .loaded(loaded), context: context)
      screen = .structures(directory)
      return effect
    case (.structures(var directory), .communesFound(let query, let matches)):
      let effect = StructuresScreen.reduce(
        &directory, .communesFound(query: query, matches: matches), context: context)
      screen = .structures(directory)
      return effect
    default:
      return .none
    }
  }

  static func makeInformationScreen(_ route: Route, state: AppState) -> Screen {
    let territory = visitInProgress(state).flatMap { form -> Territory? in
      form.visit.territoryID.map { Territory(id: $0, name: state.context.territoryName($0)) }
    }
    switch route {
    case .occupation(let code): return .occupation(OccupationScreen.State(code: code))
    case .certification(let code): return .certification(CertificationScreen.State(code: code))
    case .labourNeeds:
      var needs = LabourNeedsScreen.State(territory: territory)
      needs.communeName = visitInProgress(state)?.communeName
      return .labourNeeds(needs)
    case .structures(let focus):
      var directory = StructuresScreen.State(territory: territory, focusID: focus)
      directory.communeName = visitInProgress(state)?.communeName
      return .structures(directory)
    default:
      return .search(SearchScreen.State())
    }
  }

  static func informationLoadEffect(for screen: Screen) -> Effect {
    switch screen {
    case .search(let search): SearchScreen.loadEffect(search)
    case .occupation(let fiche): OccupationScreen.loadEffect(fiche)
    case .certification(let fiche): CertificationScreen.loadEffect(fiche)
    case .labourNeeds(let needs): LabourNeedsScreen.loadEffect(needs)
    case .structures(let directory): StructuresScreen.loadEffect(directory)
    default: .none
    }
  }

  /// The visit form under the information screens, if the agent came from one.
  static func visitInProgress(_ state: AppState) -> VisitFormScreen.State? {
    visitFormIndex(state).flatMap { index in
      if case .visitForm(let form) = state.screens[index] { return form }
      return nil
    }
  }

  static func visitFormIndex(_ state: AppState) -> Int? {
    state.screens.lastIndex { screen in
      if case .visitForm = screen { return true }
      return false
    }
  }

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
  /// and written with the visit (see `.visitSaved`). Nothing is kept when no visit is open.
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
