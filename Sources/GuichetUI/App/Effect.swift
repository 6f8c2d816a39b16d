import GuichetCore

/// Work a screen asks for, as plain data. The runtime carries it out against the store and feeds the
/// result back as an `AppAction`; navigation is handled by the app reducer itself.
public enum Effect: Equatable, Sendable {
  case none
  indirect case batch([Effect])
  case navigate(Navigation)
  case loadCounters
  case loadQueue
  /// Closes a waiting person « parti sans être reçu »; answers the queue read in the same transaction.
  case markLeftUnseen(visitID: Int64)
  case loadTodayVisits
  case registerArrival(Channel)
  /// Saves a visit (insert or update); the result comes back as `.visitSaved` or `.failed`.
  case save(Visit)
  /// Saves a queued visit as started and opens the form on it.
  case startService(Visit)
  case searchCommunes(String)
  /// Search as you type over métiers, certifications and structures; answers `.referenceFound`.
  case searchReference(String)
  /// The territory is the visit's, for the hiring tension of its départements.
  case loadOccupation(String, territoryID: Int64?)
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
  /// A feature's own request, run against its own client: see `FeatureRequest`.
  case request(AnyFeatureRequest)
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
  /// The top screen gives way to another (the one below is not reloaded in between).
  case replace(Route)
  /// Back to the visit form open underneath, dropping the screens above it; home when none is open.
  case backToVisit
  /// A line on the status bar, said by the screen whose outcome it is.
  case status(StatusMessage)
  /// The store wrote this visit: the visit form open underneath takes it as its new baseline.
  case visitWritten(Visit)
  /// A visit just closed at this desk: offer the one-key satisfaction score.
  case offerSatisfaction(Visit.ID)
}
