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
}
