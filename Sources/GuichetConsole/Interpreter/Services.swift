import Foundation
import GuichetCore
import GuichetStore
import GuichetUI

/// What the runtime needs from the store, as closures so the effect interpreter can run on fakes.
public struct Services: Sendable {
  /// The home screen's counters and queue, one read (`AppDatabase.deskDay`).
  var counters: @Sendable (Int) throws -> DeskDay
  var openVisits: @Sendable () throws -> [Visit]
  /// Closes a waiting person « parti sans être reçu » and answers the queue read in the same transaction.
  var markLeftUnseen: @Sendable (Int64, Date) throws -> [Visit]
  var todayVisits: @Sendable (Int) throws -> [Visit]
  var registerArrival: @Sendable (Channel, Date) throws -> Visit
  var save: @Sendable (Visit) throws -> Visit
  /// Takes a waiting person at this desk (a compare-and-set in the store); refused when another desk did.
  var takeVisitor: @Sendable (Int64, Date) throws -> Visit
  var communes: @Sendable (String) throws -> [CommuneMatch]
  public var dataVersion: @Sendable () throws -> Int
  var information: InformationServices = .unavailable
  var booking: BookingServices = .unavailable
  var agenda: AgendaServices = .unavailable
  var appointments: AppointmentServices = .unavailable
  var admin: AdminServices = .unavailable
  var session: SessionServices = .unavailable
  var accounts: AccountsServices = .unavailable
  /// The day change: the past day's arrivals nobody took are closed « parti sans être reçu », then the daily
  /// retention purge (contacts, audit, search misses, erasure ledger, pending scrub), which also writes the
  /// audit trail's head to the witness; failures wait for the next day.
  public var purgeExpiredContacts: @Sendable (Date) -> Void = { _ in }
  /// The first problem `quick_check` finds, run once after the first frame; nil when sound or unknown.
  public var damage: @Sendable () -> String? = { nil }
  /// What the console says and refuses once `damage` found a problem.
  public var damageReason: @Sendable (String) -> ReadOnlyReason = { _ in
    ReadOnlyReason(banner: "Base endommagée — lecture seule.", message: "Base endommagée.")
  }
  var supervision: SupervisionServices = .unavailable
  /// The features' own clients (see `FeatureRequest`); one not registered answers « indisponible ».
  var clients = FeatureClients()

  public static func live(
    _ database: AppDatabase, workplace: Workplace, session: SessionCaller, readOnly: Bool = false,
    slips: URL
  ) -> Services {
    Services(
      counters: { try database.deskDay(workplace, day: $0) },
      openVisits: { try database.openVisits(siteID: workplace.siteID) },
      markLeftUnseen: {
        try database.markLeftUnseen(visitID: $0, at: $1, by: session.current())
      },
      todayVisits: { try database.visits(deskID: workplace.deskID, day: $0) },
      registerArrival: {
        try database.registerArrival(workplace, channel: $0, by: session.current(), at: $1)
      },
      save: { try database.save($0, by: session.current()) },
      takeVisitor: {
        try database.takeVisitor(
          visitID: $0, deskID: workplace.deskID, at: $1, by: session.current())
      },
      communes: { try database.communes(matching: $0, limit: 12) },
      dataVersion: { try database.dataVersion() },
      information: .live(database, workplace: workplace, session: session),
      booking: .live(database, workplace: workplace, session: session, slips: slips),
      agenda: .live(database, session: session, slips: slips),
      appointments: .live(database, session: session),
      admin: .live(database, session: session),
      session: .live(database, session: session, readOnly: readOnly),
      accounts: .live(database, session: session),
      purgeExpiredContacts: { now in
        _ = try? database.closeStaleArrivals(now: now)
        _ = try? database.purgeForRetention(
          now: now, occasion: .dayChange, alwaysCheckpoint: false)
      },
      supervision: .live(database, session: session),
      clients: .live(database, session: session)
    )
  }
}
