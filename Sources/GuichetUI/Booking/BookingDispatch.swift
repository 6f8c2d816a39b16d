import GuichetCore

// The booking screens as the app reducer sees them (recommendation → créneaux → consentement →
// coordonnées → coupon). Each takes the outcome of what it asked and says what follows; the visit form
// underneath takes what the store wrote, so saving it later never overwrites the booking outcome.

/// What a booking step says when the store answers, shared by the steps that can get the same answer.
enum BookingOutcome {
  static let slotTaken = StatusMessage(
    "Ce créneau vient d'être pris par un autre poste.", isError: true)

  /// « Pas de rendez-vous » was written on the visit: back to its form, or home when it was closed.
  static func recorded(_ visit: Visit, closed: Bool) -> Effect {
    let message = StatusMessage(
      closed
        ? "Visite n° \(visit.id ?? 0) clôturée : pas de rendez-vous (\(visit.reason?.label ?? ""))."
        : "Pas de rendez-vous : \(visit.reason?.label ?? "") — noté sur la visite.")
    return .navigate(.visitWritten(visit)) + .navigate(.status(message))
      + .navigate(closed ? .home : .backToVisit)
  }
}

extension ContactScreen {
  /// The slip of the appointment just booked, the visit as the store wrote it, and back to the visit
  /// form with the slip on top.
  static func booked(_ appointment: Appointment, _ state: State, context: AppContext) -> Effect {
    guard let slot = state.draft.slot else { return .none }
    var visit = state.draft.visit
    visit.recordBooking()
    let structure =
      state.draft.structure
      ?? OperatorStructure(
        id: slot.structureID, kind: slot.operatorKind, name: slot.structureName,
        city: slot.structureCity)
    let slip = Slip(
      reference: appointment.reference, startsAt: appointment.startsAt,
      endsAt: appointment.endsAt, place: appointment.place, structure: structure,
      advisorName: slot.advisorName, timeZone: context.timeZone)
    return .navigate(.visitWritten(visit))
      + .navigate(
        .status(StatusMessage("Rendez-vous réservé : référence \(appointment.reference).")))
      + .navigate(.backToVisit) + .navigate(.push(.booking(.slip(slip))))
  }
}

extension RecommendationScreen.Action: KeyedAction {}
extension AvailabilityScreen.Action: KeyedAction {}
extension ConsentScreen.Action: KeyedAction {}
extension ContactScreen.Action: KeyedAction {}
extension SlipScreen.Action: KeyedAction {}

extension RecommendationScreen: BoundScreen {
  public static func embed(_ state: State) -> Screen { .booking(.recommendation(state)) }
  public static func extract(_ screen: Screen) -> State? {
    if case .booking(.recommendation(let state)) = screen { state } else { nil }
  }
  /// Échap first drops an override being typed.
  public static func leaves(_ state: State, on key: Key) -> Bool {
    key == .escape && state.pendingOverride == nil
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    guard onTop, case .booking(.prepared(let visit, let recommendations)) = result else {
      return nil
    }
    return .prepared(visit, recommendations)
  }
  public static func load(_ state: State) -> Effect { loadEffect(state) }
  public static func title(of state: State, context: AppContext) -> String { "RDV · aiguillage" }
  public static let purpose =
    "Opérateurs recommandés pour le profil codé de la visite, avec la raison. Un autre choix demande un motif (code)."
}

extension AvailabilityScreen: ScreenFeature {
  public static func embed(_ state: State) -> Screen { .booking(.availability(state)) }
  public static func extract(_ screen: Screen) -> State? {
    if case .booking(.availability(let state)) = screen { state } else { nil }
  }
  /// Échap first drops a date being typed.
  public static func leaves(_ state: State, on key: Key) -> Bool {
    key == .escape && state.typedDate == nil
  }
  /// Slots for a booking, and for a move (`rescheduling`) the answers of the appointment requests.
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    guard onTop else { return nil }
    let moving = state.draft.rescheduling != nil
    switch result {
    case .booking(.slotsFound(let kinds, let window, let week)) where !moving:
      return .found(kinds: kinds, window, week)
    case .booking(.outcomeRecorded(let visit, let closed)):
      return .outcomeRecorded(visit, closed: closed)
    case .appointment(.slotsFound(let structureID, let window, let week))
    where moving && state.draft.structure?.id == structureID:
      return .found(kinds: state.kinds, window, week)
    case .appointment(.slotTaken(let slots)) where moving: return .taken(slots)
    case .appointment(.rescheduled(let detail)) where moving: return .rescheduled(detail)
    default: return nil
    }
  }
  public static func load(_ state: State) -> Effect { loadEffect(state) }
  public static func title(of state: State, context: AppContext) -> String { "RDV · créneaux" }
  public static func keyHints(_ state: State, role: Role?) -> [HintLine] {
    hints(state) + HintLine.global
  }
  public static let purpose =
    "Créneaux libres des structures du territoire, semaine par semaine (Pg↓ Pg↑, ou D et une date), avec le délai en jours depuis la visite."
  public static func helpLines(_ state: State, context: AppContext) -> [HintLine] {
    allLines(state)
  }
}

extension ConsentScreen: ScreenFeature {
  public static func embed(_ state: State) -> Screen { .booking(.consent(state)) }
  public static func extract(_ screen: Screen) -> State? {
    if case .booking(.consent(let state)) = screen { state } else { nil }
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    guard onTop else { return nil }
    switch result {
    case .booking(.consentLoaded(let text, let structure)): return .loaded(text, structure)
    case .booking(.consentRecorded(let consent)): return .recorded(consent)
    case .booking(.outcomeRecorded(let visit, let closed)):
      return .outcomeRecorded(visit, closed: closed)
    case .booking(.failed(let error)): return .failed(error)
    default: return nil
    }
  }
  public static func load(_ state: State) -> Effect { loadEffect(state) }
  public static func title(of state: State, context: AppContext) -> String { "RDV · consentement" }
  public static func keyHints(_ state: State, role: Role?) -> [HintLine] {
    hints + HintLine.global
  }
  public static let purpose =
    "Lisez le texte à la personne. Tapez « oui » ou « non » puis Entrée : Entrée seule ne vaut pas accord."
  public static func helpLines(_ state: State, context: AppContext) -> [HintLine] {
    hints
  }
}

extension ContactScreen: BoundScreen {
  public static func embed(_ state: State) -> Screen { .booking(.contact(state)) }
  public static func extract(_ screen: Screen) -> State? {
    if case .booking(.contact(let state)) = screen { state } else { nil }
  }
  /// The consent is recorded: leaving means going back to the slots, typed data dropped on purpose. The
  /// store writes a contact only with its booking, so a lost attempt left nothing to erase. While other
  /// slots are offered, Échap answers them.
  public static func leaves(_ state: State, on key: Key) -> Bool {
    key == .escape && state.nextFree == nil
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    guard onTop, case .booking(let event) = result else { return nil }
    switch event {
    case .duplicatesFound(let found): return .duplicatesFound(found)
    case .slotTaken(let slots): return .slotTaken(slots)
    case .booked(let appointment): return .booked(appointment)
    case .bookingFailed(let reference, let error): return .bookingFailed(reference, error)
    case .failed(let error): return .failed(error)
    default: return nil
    }
  }
  public static func title(of state: State, context: AppContext) -> String { "RDV · coordonnées" }
  public static let purpose =
    "Prénom, nom, et un téléphone ou un courriel. Ces données restent hors de la visite et sont effacées après le délai annoncé."
}

extension SlipScreen: BoundScreen {
  public static func embed(_ state: State) -> Screen { .booking(.slip(state)) }
  public static func extract(_ screen: Screen) -> State? {
    if case .booking(.slip(let state)) = screen { state } else { nil }
  }
  public static func resultAction(_ result: AppAction, _ state: State, onTop: Bool) -> Action? {
    guard onTop, case .booking(let event) = result else { return nil }
    switch event {
    case .slipSaved(let message): return .saved(message)
    case .slipPrinted(let message): return .printed(message)
    case .failed(let error): return .failed(error)
    default: return nil
    }
  }
  public static func title(of state: State, context: AppContext) -> String { "RDV · coupon" }
  public static let purpose =
    "Coupon à remettre à la personne : l'enregistrer (texte et .ics) ou l'imprimer."
}
