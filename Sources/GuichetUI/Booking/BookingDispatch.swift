import GuichetCore

/// The booking screens in the app reducer: keys, results of booking effects, and the moves between steps
/// (recommendation → créneaux → consentement → coordonnées → coupon). The visit form underneath is kept in
/// step with what the store wrote, so saving it later never overwrites the booking outcome.
extension App {
  static func handleBookingKey(_ screen: inout Screen, _ key: Key, context: AppContext) -> Effect {
    guard case .booking(let booking) = screen else { return .none }
    switch booking {
    case .recommendation(var state):
      if key == .escape && state.pendingOverride == nil { return .navigate(.pop) }
      let effect = RecommendationScreen.reduce(&state, .key(key), context: context)
      screen = .booking(.recommendation(state))
      return effect
    case .availability(var state):
      if key == .escape { return .navigate(.pop) }
      let effect = AvailabilityScreen.reduce(&state, .key(key), context: context)
      screen = .booking(.availability(state))
      return effect
    case .consent(var state):
      if key == .escape { return .navigate(.pop) }
      let effect = ConsentScreen.reduce(&state, .key(key), context: context)
      screen = .booking(.consent(state))
      return effect
    case .contact(var state):
      // The consent is recorded: leaving means going back to the slots, typed data dropped on purpose.
      // The store writes a contact only with its booking, so a lost attempt left nothing to erase.
      if key == .escape && state.nextFree == nil { return .navigate(.pop) }
      let effect = ContactScreen.reduce(&state, .key(key), context: context)
      screen = .booking(.contact(state))
      return effect
    case .slip(var state):
      if key == .escape { return .navigate(.pop) }
      let effect = SlipScreen.reduce(&state, .key(key), context: context)
      screen = .booking(.slip(state))
      return effect
    }
  }

  static func handleBookingEvent(_ event: BookingEvent, _ state: inout AppState) -> Effect {
    let context = state.context
    switch event {
    case .prepared(let visit, let recommendations):
      syncVisitForm(visit, &state)
      return updateBookingTop(&state) { booking in
        guard case .recommendation(var screen) = booking else { return .none }
        let effect = RecommendationScreen.reduce(
          &screen, .prepared(visit, recommendations), context: context)
        booking = .recommendation(screen)
        return effect
      }
    case .slotsFound(let kinds, let slots):
      return updateAvailability(&state, .found(kinds: kinds, slots))
    case .noSlotReason(let kinds, let reason):
      return updateAvailability(&state, .explained(kinds: kinds, reason))
    case .outcomeRecorded(let visit, let closed):
      syncVisitForm(visit, &state)
      state.message = StatusMessage(
        closed
          ? "Visite n° \(visit.id ?? 0) clôturée : pas de rendez-vous (\(visit.reason?.label ?? ""))."
          : "Pas de rendez-vous : \(visit.reason?.label ?? "") — noté sur la visite.")
      if closed { return .navigate(.home) }
      return popToVisitForm(&state)
    case .consentLoaded(let text, let structure):
      return updateBookingTop(&state) { booking in
        guard case .consent(var screen) = booking else { return .none }
        screen.draft.structure = structure
        let effect = ConsentScreen.reduce(&screen, .loaded(text, structure), context: context)
        booking = .consent(screen)
        return effect
      }
    case .consentRecorded(let consent):
      guard case .booking(.consent(var screen)) = state.top else { return .none }
      // Coming back here later shows the question again rather than a frozen « oui ».
      screen.sending = false
      screen.answer = ""
      state.screens[state.screens.count - 1] = .booking(.consent(screen))
      var draft = screen.draft
      draft.consentID = consent.id
      state.message = StatusMessage(
        "Consentement enregistré (texte version \(consent.textVersion)).")
      return .navigate(.push(.booking(.contact(draft))))
    case .duplicatesFound(let found):
      return updateContact(&state) {
        ContactScreen.reduce(&$0, .duplicatesFound(found), context: context)
      }
    case .slotTaken(let slots):
      state.message = StatusMessage(
        "Ce créneau vient d'être pris par un autre poste.", isError: true)
      return updateContact(&state) {
        ContactScreen.reduce(&$0, .slotTaken(slots), context: context)
      }
    case .bookingFailed(let reference, let error):
      state.message = StatusMessage(error.message, isError: true)
      return updateContact(&state) { contact in
        contact.reference = reference
        return ContactScreen.reduce(&contact, .failed(error), context: context)
      }
    case .booked(let appointment):
      guard case .booking(.contact(let screen)) = state.top, let slot = screen.draft.slot else {
        return .none
      }
      var visit = screen.draft.visit
      visit.outcome = .appointmentBooked
      visit.reason = nil
      syncVisitForm(visit, &state)
      let structure =
        screen.draft.structure
        ?? OperatorStructure(
          id: slot.structureID, kind: slot.operatorKind, name: slot.structureName,
          city: slot.structureCity)
      let slip = Slip(
        reference: appointment.reference, startsAt: appointment.startsAt,
        endsAt: appointment.endsAt, place: appointment.place, structure: structure,
        advisorName: slot.advisorName, timeZone: context.timeZone)
      state.message = StatusMessage("Rendez-vous réservé : référence \(appointment.reference).")
      return popToVisitForm(&state) + .navigate(.push(.booking(.slip(slip))))
    case .slipSaved(let message):
      return updateSlip(&state) { SlipScreen.reduce(&$0, .saved(message), context: context) }
    case .slipPrinted(let message):
      return updateSlip(&state) { SlipScreen.reduce(&$0, .printed(message), context: context) }
    case .failed(let error):
      state.message = StatusMessage(error.message, isError: true)
      return updateBookingTop(&state) { booking in
        switch booking {
        case .consent(var screen):
          let effect = ConsentScreen.reduce(&screen, .failed(error), context: context)
          booking = .consent(screen)
          return effect
        case .contact(var screen):
          let effect = ContactScreen.reduce(&screen, .failed(error), context: context)
          booking = .contact(screen)
          return effect
        case .slip(var screen):
          let effect = SlipScreen.reduce(&screen, .failed(error), context: context)
          booking = .slip(screen)
          return effect
        default:
          return .none
        }
      }
    }
  }

  static func makeBookingScreen(_ route: BookingRoute) -> Screen {
    switch route {
    case .recommendation(let visit):
      .booking(.recommendation(RecommendationScreen.State(visit: visit)))
    case .availability(let draft): .booking(.availability(AvailabilityScreen.State(draft: draft)))
    case .consent(let draft): .booking(.consent(ConsentScreen.State(draft: draft)))
    case .contact(let draft): .booking(.contact(ContactScreen.State(draft: draft)))
    case .slip(let slip): .booking(.slip(SlipScreen.State(slip: slip)))
    }
  }

  static func bookingLoadEffect(_ screen: BookingScreen) -> Effect {
    switch screen {
    case .recommendation(let state): RecommendationScreen.loadEffect(state)
    case .availability(let state): AvailabilityScreen.loadEffect(state)
    case .consent(let state): ConsentScreen.loadEffect(state)
    case .contact, .slip: .none
    }
  }

  /// The visit form takes what the store wrote as its new baseline, so it is not « modified » and a later
  /// F2/F3 saves on top of the booking outcome rather than over it.
  static func syncVisitForm(_ visit: Visit, _ state: inout AppState) {
    guard let index = visitFormIndex(state), case .visitForm(var form) = state.screens[index]
    else { return }
    form.visit = visit
    form.original = visit
    form.saving = false
    form.focusLists()
    state.screens[index] = .visitForm(form)
  }

  /// Back to the visit form, dropping the booking screens above it.
  static func popToVisitForm(_ state: inout AppState) -> Effect {
    guard let index = visitFormIndex(state) else { return .navigate(.home) }
    state.screens.removeLast(state.screens.count - index - 1)
    return .none
  }

  static func updateBookingTop(
    _ state: inout AppState, _ body: (inout BookingScreen) -> Effect
  ) -> Effect {
    guard case .booking(var booking) = state.top else { return .none }
    let effect = body(&booking)
    state.screens[state.screens.count - 1] = .booking(booking)
    return effect
  }

  static func updateAvailability(_ state: inout AppState, _ action: AvailabilityScreen.Action)
    -> Effect
  {
    let context = state.context
    return updateBookingTop(&state) { booking in
      guard case .availability(var screen) = booking else { return .none }
      let effect = AvailabilityScreen.reduce(&screen, action, context: context)
      booking = .availability(screen)
      return effect
    }
  }

  static func updateContact(
    _ state: inout AppState, _ body: (inout ContactScreen.State) -> Effect
  ) -> Effect {
    updateBookingTop(&state) { booking in
      guard case .contact(var screen) = booking else { return .none }
      let effect = body(&screen)
      booking = .contact(screen)
      return effect
    }
  }

  static func updateSlip(_ state: inout AppState, _ body: (inout SlipScreen.State) -> Effect)
    -> Effect
  {
    updateBookingTop(&state) { booking in
      guard case .slip(var screen) = booking else { return .none }
      let effect = body(&screen)
      booking = .slip(screen)
      return effect
    }
  }
}
