/// How many visits carry one code of a dimension.
public struct CodeCount: Hashable, Sendable {
  public var code: String
  public var count: Int
  public init(code: String, count: Int) {
    self.code = code
    self.count = count
  }
}

/// Visits → referred → consent given → booked → seen, over the visits of a period.
public struct Funnel: Equatable, Sendable {
  public var visits = 0
  public var referred = 0
  public var consented = 0
  public var booked = 0
  public var seen = 0
  public init() {}

  public var steps: [(label: String, count: Int)] {
    [
      ("Visites", visits), ("Orientées", referred), ("Consentement", consented),
      ("Rendez-vous", booked), ("Reçues", seen),
    ]
  }
}

/// Counts of integer values (days, minutes, scores), from which exact nearest-rank percentiles are read.
public struct Histogram: Equatable, Sendable {
  public var counts: [Int: Int]
  public init(_ counts: [Int: Int] = [:]) { self.counts = counts.filter { $0.value > 0 } }

  public var total: Int { counts.values.reduce(0, +) }

  /// Nearest rank: the smallest value with at least `fraction` of the observations at or below it.
  public func percentile(_ fraction: Double) -> Int? {
    let total = self.total
    guard total > 0 else { return nil }
    let rank = max(1, Int((fraction * Double(total)).rounded(.up)))
    var seen = 0
    for value in counts.keys.sorted() {
      seen += counts[value] ?? 0
      if seen >= rank { return value }
    }
    return counts.keys.max()
  }

  public func count(where predicate: (Int) -> Bool) -> Int {
    counts.reduce(0) { $0 + (predicate($1.key) ? $1.value : 0) }
  }

  public var mean: Double? {
    let total = self.total
    guard total > 0 else { return nil }
    return Double(counts.reduce(0) { $0 + $1.key * $1.value }) / Double(total)
  }

  public static func + (lhs: Histogram, rhs: Histogram) -> Histogram {
    Histogram(lhs.counts.merging(rhs.counts, uniquingKeysWith: +))
  }
}

/// Days from visit to appointment, and how many were within the territory's target.
public struct DelayFigures: Equatable, Sendable {
  public var days = Histogram()
  public var withinTarget = 0
  public init() {}
}

/// Appointments of the period's visits whose attendance was recorded.
public struct NoShowFigures: Equatable, Sendable {
  public var seen = 0
  public var noShow = 0
  public init() {}
  public var recorded: Int { seen + noShow }
}

/// Minutes waited at the desk by walk-in visits taken in charge, and how many waited longer than announced.
public struct WaitFigures: Equatable, Sendable {
  public var minutes = Histogram()
  public var aboveAnnounced = 0
  public init() {}
}

/// Optional 1–5 scores given at closing, against the visits closed.
public struct SatisfactionFigures: Equatable, Sendable {
  public var closed = 0
  public var scores = Histogram()
  public init() {}
}

/// Visits closed with no answer or no booking, for one reason.
public struct UnmetCount: Equatable, Sendable {
  public var outcome: Outcome
  public var reason: NoAnswerReason?
  public var count: Int
  public init(outcome: Outcome, reason: NoAnswerReason?, count: Int) {
    self.outcome = outcome
    self.reason = reason
    self.count = count
  }
}

/// A search that found nothing, with how often (never fewer than 3 times).
public struct UnmetSearch: Equatable, Sendable {
  public var query: String
  public var count: Int
  public init(query: String, count: Int) {
    self.query = query
    self.count = count
  }
}

/// A fiche consulted during visits: kind, code, title when known, and in how many visits.
public struct ConsultedCode: Equatable, Sendable {
  public var kind: Consultation.Kind
  public var code: String
  public var title: String
  public var visits: Int
  public init(kind: Consultation.Kind, code: String, title: String, visits: Int) {
    self.kind = kind
    self.code = code
    self.title = title
    self.visits = visits
  }
}

/// Every indicator over one period and filter, as the store computes it: the one value the dashboard, the
/// exports and the annual report all read. Aggregates only: no field can hold a person.
public struct SupervisionFigures: Equatable, Sendable {
  public var period: SupervisionPeriod
  public var filter: SupervisionFilter
  public var names: SupervisionNames
  public var visits = 0
  /// Synthetic (demonstration) visits among `visits`, so every view can say they are included.
  public var syntheticVisits = 0
  public var breakdowns: [SupervisionDimension: [CodeCount]] = [:]
  /// Visits per day of the period, every day present (zero included).
  public var daily: [CodeCount] = []
  public var funnel = Funnel()
  public var delay = DelayFigures()
  public var noShow = NoShowFigures()
  public var wait = WaitFigures()
  public var satisfaction = SatisfactionFigures()
  public var unmet: [UnmetCount] = []
  public var searchMisses: [UnmetSearch] = []
  public var consulted: [ConsultedCode] = []
  /// Secondary suppression of the published lines (`Suppression`). Always on for what is shown; turned off
  /// only by the masking attack, to measure what the primary rule alone lets an attacker recover.
  public var secondarySuppression = true

  public init(period: SupervisionPeriod, filter: SupervisionFilter, names: SupervisionNames) {
    self.period = period
    self.filter = filter
    self.names = names
  }

  /// Breakdown rows in display order, with labels.
  public func breakdown(_ dimension: SupervisionDimension) -> [(label: String, count: Int)] {
    codedBreakdown(dimension).map { ($0.label, $0.count) }
  }

  public var includesSynthetic: Bool { syntheticVisits > 0 }
}
