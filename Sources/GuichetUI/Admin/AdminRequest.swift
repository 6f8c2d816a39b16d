import GuichetCore

/// One administration write. Each is a single store transaction: nothing is ever half-written.
public enum AdminWrite: Equatable, Sendable {
  case structure(OperatorStructure)
  case advisor(Advisor)
  /// Refused while the advisor has appointments to come; bookings in progress elsewhere are then refused in French.
  case removeAdvisor(Advisor)
  case openingRule(OpeningRule)
  case deleteOpeningRule(OpeningRule)
  case absence(Absence)
  case deleteAbsence(Absence)
  case routingRule(RoutingRule)
}

/// The administration screens' work for the runtime.
public enum AdminRequest: Equatable, Sendable {
  /// Every structure, inactive ones included (the list greys them).
  case loadStructures
  case loadAdvisors(structureID: Int64)
  case loadAvailability(advisorID: Int64)
  case loadRouting
  case write(AdminWrite)
}

/// The answers to `AdminRequest`.
public enum AdminEvent: Equatable, Sendable {
  case structuresLoaded([OperatorStructure])
  case advisorsLoaded(structureID: Int64, [Advisor])
  case availabilityLoaded(advisorID: Int64, [OpeningRule], [Absence])
  case routingLoaded([RoutingRule])
  case written(AdminWrite, message: String)
  case failed(UserError)
}

/// What an administration form edits; nil or absent ids mean a new row.
public enum AdminFormKind: Equatable, Sendable {
  case structure(OperatorStructure?)
  case advisor(structureID: Int64)
  case openingRule(advisorID: Int64, OpeningRule?)
  case absence(advisorID: Int64)
  case routingRule(RoutingRule?, nextPosition: Int)
}

/// The administration screens a route can open.
public enum AdminRoute: Equatable, Sendable {
  case structures
  case advisors(OperatorStructure)
  case availability(Advisor)
  case routing
  case form(AdminFormKind)
}

/// The administration screens in the route stack.
public enum AdminScreen: Equatable, Sendable {
  case structures(AdminStructuresScreen.State)
  case advisors(AdminAdvisorsScreen.State)
  case availability(AdminAvailabilityScreen.State)
  case routing(AdminRoutingScreen.State)
  case form(AdminFormScreen.State)
}
