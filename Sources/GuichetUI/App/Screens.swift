import GuichetCore

// The registry of screens: the one file a new screen is entered in (its `Screen` case, its `Route`, the
// permission it needs, its feature and how its route makes it). Everything else about a screen lives in
// its own folder, in its `ScreenFeature` conformance.

/// One open screen in the route stack, with its own state.
public enum Screen: Equatable, Sendable {
  case home(HomeScreen.State)
  case queue(QueueScreen.State)
  case todayVisits(VisitListScreen.State)
  case visitForm(VisitFormScreen.State)
  case help(HelpScreen.State)
  case search(SearchScreen.State)
  case occupation(OccupationScreen.State)
  case certification(CertificationScreen.State)
  case labourNeeds(LabourNeedsScreen.State)
  case structures(StructuresScreen.State)
  case agenda(AgendaScreen.State)
  case booking(BookingScreen)
  case appointment(AppointmentScreen.State)
  case admin(AdminScreen)
  case dashboard(DashboardScreen.State)
  case accounts(AccountsScreen.State)
  case territories(TerritoriesScreen.State)
  case consentTexts(ConsentTextsScreen.State)
  case formations(FormationsScreen.State)
}

public enum Route: Equatable, Sendable {
  case home
  case queue
  case todayVisits
  case visitForm(Visit)
  case help
  /// Search over métiers, certifications and structures.
  case search
  case occupation(String)
  case certification(String)
  /// « Besoins en main-d'œuvre » for the open visit's territory, if any.
  case labourNeeds
  /// The structures directory, with one structure highlighted when opened from a search.
  case structures(focus: String?)
  case agenda
  case booking(BookingRoute)
  /// An appointment found by its reference or from its visit: cancel, move, slip, consent withdrawal.
  case appointment(AppointmentLookup)
  /// Operator structures, advisors, opening rules, absences and the routing table.
  case admin(AdminRoute)
  /// The supervisor's dashboard.
  case dashboard
  /// Console accounts: create, new password, disable and enable (administrators).
  case accounts
  /// Territories (ZTEF), their bassins and target delays, and the site's announced wait (administrators).
  case territories
  /// The consent texts' versions, per kind of structure, and a new version (administrators).
  case consentTexts
  /// « Se former »: upcoming training sessions for a métier or a certification, near the visitor.
  case formations(TrainingSubject)
}

extension Route {
  /// The store permission a screen needs, from `Permission`; nil for the screens every signed-in role may
  /// open (home, help, and the information lookup, which holds no personal data).
  public var permission: Permission? {
    switch self {
    case .home, .help: nil
    case .queue, .todayVisits, .visitForm, .booking: .codeVisit
    case .search, .occupation, .certification, .labourNeeds, .structures, .formations: nil
    case .agenda: .readAgenda
    case .appointment: .changeAppointment
    case .admin, .territories, .consentTexts: .administerOperators
    case .accounts: .administerAccounts
    case .dashboard: .readSupervision
    }
  }
}

extension Route {
  /// Routes that open a screen with nothing chosen beforehand, besides the home screen: the key fuzzer
  /// opens each one and the registry test round-trips each one, so a screen listed here is fuzzed and
  /// checked without touching either.
  public static let direct: [Route] = [
    .queue, .todayVisits, .help, .search, .structures(focus: nil), .agenda,
    .appointment(.reference(nil)), .admin(.structures), .admin(.routing), .dashboard, .accounts,
    .territories, .consentTexts,
  ]
}

extension Screen {
  /// The feature that reduces, loads and draws this screen.
  public var feature: any ScreenFeature.Type {
    switch self {
    case .home: HomeScreen.self
    case .queue: QueueScreen.self
    case .todayVisits: VisitListScreen.self
    case .visitForm: VisitFormScreen.self
    case .help: HelpScreen.self
    case .search: SearchScreen.self
    case .occupation: OccupationScreen.self
    case .certification: CertificationScreen.self
    case .labourNeeds: LabourNeedsScreen.self
    case .structures: StructuresScreen.self
    case .agenda: AgendaScreen.self
    case .booking(.recommendation): RecommendationScreen.self
    case .booking(.availability): AvailabilityScreen.self
    case .booking(.consent): ConsentScreen.self
    case .booking(.contact): ContactScreen.self
    case .booking(.slip): SlipScreen.self
    case .appointment: AppointmentScreen.self
    case .admin(.structures): AdminStructuresScreen.self
    case .admin(.advisors): AdminAdvisorsScreen.self
    case .admin(.availability): AdminAvailabilityScreen.self
    case .admin(.routing): AdminRoutingScreen.self
    case .admin(.form): AdminFormScreen.self
    case .dashboard: DashboardScreen.self
    case .accounts: AccountsScreen.self
    case .territories: TerritoriesScreen.self
    case .consentTexts: ConsentTextsScreen.self
    case .formations: FormationsScreen.self
    }
  }
}

extension Screen {
  /// Keys that open another screen from this one (see `ScreenLink`): where a screen reachable from
  /// existing ones is entered, so their own files stay untouched. A link's key must not be one of the
  /// screen's own keys.
  public var links: [ScreenLink] {
    switch self {
    case .occupation(let state): [FormationsScreen.link(.rome(state.code))]
    case .certification(let state): [FormationsScreen.link(.rncp(state.code))]
    case .search(let state):
      state.selectedHit.flatMap(FormationsScreen.link(for:)).map { [$0] } ?? []
    default: []
    }
  }
}

extension App {
  /// The screen a route opens, from what is open below it (the visit form, the help's screen).
  static func makeScreen(_ route: Route, state: AppState) -> Screen {
    let context = state.context
    switch route {
    case .home: return .home(HomeScreen.State())
    case .queue: return .queue(QueueScreen.State())
    case .todayVisits: return .todayVisits(VisitListScreen.State())
    case .visitForm(let visit): return .visitForm(VisitFormScreen.State(visit: visit))
    case .help: return .help(helpState(for: state.top, context: context))
    case .search: return .search(SearchScreen.State())
    case .occupation(let code):
      return .occupation(
        OccupationScreen.State(code: code, territoryID: visitInProgress(state)?.visit.territoryID))
    case .certification(let code): return .certification(CertificationScreen.State(code: code))
    case .labourNeeds:
      return .labourNeeds(LabourNeedsScreen.State(visit: visitInProgress(state), context: context))
    case .structures(let focus):
      return .structures(
        StructuresScreen.State(visit: visitInProgress(state), focus: focus, context: context))
    case .agenda: return .agenda(AgendaScreen.State(context: context))
    case .booking(.recommendation(let visit)):
      return .booking(.recommendation(RecommendationScreen.State(visit: visit)))
    case .booking(.availability(let draft)):
      return .booking(.availability(AvailabilityScreen.State(draft: draft)))
    case .booking(.consent(let draft)): return .booking(.consent(ConsentScreen.State(draft: draft)))
    case .booking(.contact(let draft)): return .booking(.contact(ContactScreen.State(draft: draft)))
    case .booking(.slip(let slip)): return .booking(.slip(SlipScreen.State(slip: slip)))
    case .appointment(let lookup): return .appointment(AppointmentScreen.State(lookup: lookup))
    case .admin(.structures): return .admin(.structures(AdminStructuresScreen.State()))
    case .admin(.advisors(let structure)):
      return .admin(.advisors(AdminAdvisorsScreen.State(structure: structure)))
    case .admin(.availability(let advisor)):
      return .admin(.availability(AdminAvailabilityScreen.State(advisor: advisor)))
    case .admin(.routing): return .admin(.routing(AdminRoutingScreen.State()))
    case .admin(.form(let kind)):
      return .admin(.form(AdminFormScreen.State(kind: kind, context: context)))
    case .dashboard: return .dashboard(DashboardScreen.State(context: context))
    case .accounts: return .accounts(AccountsScreen.State())
    case .territories: return .territories(TerritoriesScreen.State())
    case .consentTexts: return .consentTexts(ConsentTextsScreen.State())
    case .formations(let subject):
      return .formations(
        FormationsScreen.State(subject: subject, visit: visitInProgress(state), context: context))
    }
  }
}
