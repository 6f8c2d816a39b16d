import Foundation

/// A first-level reception (accueil 1er niveau). Anonymous by construction: no field can hold identity.
public struct Visit: Equatable, Hashable, Sendable {
  public typealias ID = Int64

  public var id: ID?
  public var siteID: Int64
  public var deskID: Int64
  public var channel: Channel
  public var arrivedAt: Date
  public var startedAt: Date?
  public var closedAt: Date?
  public var publicCategory: PublicCategory
  public var ageBand: AgeBand
  /// `nil` means the person did not say where they live.
  public var territoryID: Int64?
  public var requestKinds: [RequestKind]
  public var outcome: Outcome?
  public var reason: NoAnswerReason?
  /// Local calendar day of arrival, as `yyyymmdd`, so reports group on an integer.
  public var day: Int
  /// The number called at the site that day (1, 2, 3… per site and day), given by the store on the first
  /// save and never changed; nil for a visit not saved yet (and for demonstration rows).
  public var ticket: Int?

  public init(
    id: ID? = nil, siteID: Int64, deskID: Int64, channel: Channel = .walkIn, arrivedAt: Date,
    startedAt: Date? = nil, closedAt: Date? = nil, publicCategory: PublicCategory = .notSaid,
    ageBand: AgeBand = .notSaid, territoryID: Int64? = nil, requestKinds: [RequestKind] = [],
    outcome: Outcome? = nil, reason: NoAnswerReason? = nil, day: Int, ticket: Int? = nil
  ) {
    self.id = id
    self.siteID = siteID
    self.deskID = deskID
    self.channel = channel
    self.arrivedAt = arrivedAt
    self.startedAt = startedAt
    self.closedAt = closedAt
    self.publicCategory = publicCategory
    self.ageBand = ageBand
    self.territoryID = territoryID
    self.requestKinds = requestKinds
    self.outcome = outcome
    self.reason = reason
    self.day = day
    self.ticket = ticket
  }

  public enum Status: String, Sendable, Equatable, CaseIterable {
    case waiting, inService, closed, leftUnseen

    public var label: String {
      switch self {
      case .waiting: "En attente"
      case .inService: "En cours"
      case .closed: "Clôturée"
      case .leftUnseen: "Parti·e"
      }
    }
  }

  public var status: Status {
    if closedAt != nil { return outcome == .leftUnseen ? .leftUnseen : .closed }
    if startedAt != nil { return .inService }
    return .waiting
  }

  /// « n° 12 », or « — » for a visit without a number.
  public var ticketLabel: String { ticket.map { "n° \($0)" } ?? "—" }

  /// Time the person waited before being served (up to `now` while still waiting).
  public func waitingTime(now: Date) -> TimeInterval {
    max(0, (startedAt ?? closedAt ?? now).timeIntervalSince(arrivedAt))
  }
}

extension Visit {
  /// What booking an appointment writes on its visit, in one place: the store's booking transaction writes
  /// these two columns and the console's copy of the visit takes the same values.
  public static let bookedOutcome = Outcome.appointmentBooked
  public static let bookedReason: NoAnswerReason? = nil

  public mutating func recordBooking() {
    outcome = Self.bookedOutcome
    reason = Self.bookedReason
  }
}
