/// Today's visit counts, shown on the home screen for the desk and for the whole site.
public struct VisitCounts: Equatable, Sendable {
  public var waiting: Int
  public var inService: Int
  public var closed: Int
  /// Arrivals closed « parti sans être reçu » (by hand, or at the day change): counted apart from the visits
  /// closed after service, and never in a waiting time.
  public var leftUnseen: Int
  public init(waiting: Int = 0, inService: Int = 0, closed: Int = 0, leftUnseen: Int = 0) {
    self.waiting = waiting
    self.inService = inService
    self.closed = closed
    self.leftUnseen = leftUnseen
  }
  public var total: Int { waiting + inService + closed + leftUnseen }
}

public struct DayCounters: Equatable, Sendable {
  public var desk: VisitCounts
  public var site: VisitCounts
  /// Median wait of today's served visits at the site, in seconds; nil when nobody was served yet.
  public var medianWaitSeconds: Int?
  public init(
    desk: VisitCounts = .init(), site: VisitCounts = .init(), medianWaitSeconds: Int? = nil
  ) {
    self.desk = desk
    self.site = site
    self.medianWaitSeconds = medianWaitSeconds
  }
}

/// What the home screen shows, read in one transaction: the day's counters and the site's queue, whose
/// waiting and in-service counts are those of the queue itself, so the panel and the counters never disagree.
public struct DeskDay: Equatable, Sendable {
  public var counters: DayCounters
  /// Open visits of the site, oldest first (an arrival of a past day is closed at the day change).
  public var queue: [Visit]
  public init(counters: DayCounters = .init(), queue: [Visit] = []) {
    self.counters = counters
    self.queue = queue
  }
}
