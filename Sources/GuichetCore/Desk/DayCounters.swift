/// Today's visit counts, shown on the home screen for the desk and for the whole site.
public struct VisitCounts: Equatable, Sendable {
  public var waiting: Int
  public var inService: Int
  public var closed: Int
  public init(waiting: Int = 0, inService: Int = 0, closed: Int = 0) {
    self.waiting = waiting
    self.inService = inService
    self.closed = closed
  }
  public var total: Int { waiting + inService + closed }
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
