import GuichetCore

/// Work a screen asks for, as plain data. The runtime carries it out against the store and feeds the
/// result back as an `AppAction`; navigation is handled by the app reducer itself.
public enum Effect: Equatable, Sendable {
  case none
  indirect case batch([Effect])
  case navigate(Navigation)
  case loadCounters
  case loadQueue
  case loadTodayVisits
  case registerArrival(Channel)
  /// Saves a visit (insert or update); the result comes back as `.visitSaved` or `.failed`.
  case save(Visit)
  /// Saves a queued visit as started and opens the form on it.
  case startService(Visit)
  case searchCommunes(String)
  /// Search as you type over métiers, certifications and structures; answers `.referenceFound`.
  case searchReference(String)
  case loadOccupation(String)
  case loadCertification(String)
  case loadLabourNeeds(territoryID: Int64)
  case loadStructures(territoryID: Int64?)
  /// Attaches what was consulted to a saved visit (codes only).
  case recordConsultations(visitID: Int64, [Consultation])
  /// Notes a search that found nothing (unmet demand), reduced to a few plain words by the store.
  case recordSearchMiss(String)
  case agenda(AgendaRequest)
  case booking(BookingEffect)
  case appointment(AppointmentRequest)
  case admin(AdminRequest)
  case supervision(SupervisionRequest)
  case session(SessionRequest)
  case accounts(AccountsRequest)
  case quit

  public static func + (lhs: Effect, rhs: Effect) -> Effect {
    switch (lhs, rhs) {
    case (.none, _): rhs
    case (_, .none): lhs
    case (.batch(let a), .batch(let b)): .batch(a + b)
    case (.batch(let a), _): .batch(a + [rhs])
    case (_, .batch(let b)): .batch([lhs] + b)
    default: .batch([lhs, rhs])
    }
  }
}

public enum Navigation: Equatable, Sendable {
  case push(Route)
  case pop
  /// Back to the home screen, e.g. after a visit is closed.
  case home
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
}
