import Foundation
import GuichetCore

/// Everything that can happen to the console: keys, time, and the results of effects.
public enum AppAction: Equatable, Sendable {
  case key(Key)
  case resized(Size)
  /// Periodic clock tick: refreshes the clock and waiting times.
  case tick(Date)
  /// Another desk wrote to the shared database: reload what is on screen.
  case databaseChanged
  /// The home screen's counters and queue, read together.
  case countersLoaded(DeskDay)
  case queueLoaded([Visit])
  case todayVisitsLoaded([Visit])
  case arrivalRegistered(Visit)
  case serviceStarted(Visit)
  case visitSaved(Visit)
  case communesFound(query: String, matches: [CommuneMatch])
  case referenceFound(ReferenceResults)
  /// A fiche, or nil when the code is unknown.
  case occupationLoaded(code: String, OccupationFiche?)
  case certificationLoaded(code: String, CertificationFiche?)
  case labourNeedsLoaded(territoryID: Int64, LabourNeeds?)
  case structuresLoaded(StructureDirectory)
  case agenda(AgendaEvent)
  case booking(BookingEvent)
  case appointment(AppointmentEvent)
  case admin(AdminEvent)
  case supervision(SupervisionEvent)
  case session(SessionEvent)
  case accounts(AccountsEvent)
  /// A feature's own outcome: see `FeatureEvent`.
  case featureEvent(AnyFeatureEvent)
  case failed(UserError)
}

extension AppAction {
  /// How a French error of any effect comes back, the one place the runtime turns errors into actions:
  /// the store's refusal of the account the desk holds (disabled, or its role or structure changed since
  /// the login) ends the session whatever screen asked; any other error goes to `report`, the asking
  /// screen's own failure (the status line by default).
  public static func failure(
    _ error: UserError, report: (UserError) -> AppAction = AppAction.failed
  ) -> AppAction {
    error.kind == .accountNoLongerValid ? .session(.accountNoLongerValid(error)) : report(error)
  }
}

/// What every screen may read but not change: where the console runs, the time, and names to show.
public struct AppContext: Equatable, Sendable {
  public var workplace: Workplace
  public var now: Date
  public var territoryNames: [Int64: String]
  public var timeZone: TimeZone
  /// Set when the file may only be browsed (damaged, or not writable): shown on every screen.
  public var readOnly: ReadOnlyReason?
  /// Charts drawn with ASCII rather than block characters (`Charts.prefersASCII`).
  public var asciiCharts = false
  /// Seconds without a key before the desk locks itself (10 minutes unless configured).
  public var idleLockDelay: TimeInterval
  /// Who is signed in (kept in step with `AppState.session`): screens show only what the role may do.
  public var account: Account?

  public init(
    workplace: Workplace, now: Date, territoryNames: [Int64: String] = [:],
    timeZone: TimeZone = Day.parisTimeZone, idleLockDelay: TimeInterval = 600
  ) {
    self.workplace = workplace
    self.now = now
    self.territoryNames = territoryNames
    self.timeZone = timeZone
    self.idleLockDelay = idleLockDelay
  }

  public var today: Int { Day.number(of: now, in: timeZone) }

  public func territoryName(_ id: Int64?) -> String {
    guard let id else { return "Non précisé" }
    return territoryNames[id] ?? "Territoire \(id)"
  }
}
