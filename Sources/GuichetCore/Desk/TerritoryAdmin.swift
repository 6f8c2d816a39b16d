/// A bassin d'emploi as an administrator sees it: the building block of a territory (ZTEF).
public struct BassinSummary: Equatable, Hashable, Sendable, Codable {
  public var code: String
  public var name: String
  public var communeCount: Int
  public init(code: String, name: String, communeCount: Int) {
    self.code = code
    self.name = name
    self.communeCount = communeCount
  }
}

/// The values a supervision target may take: the store refuses others, the command line refuses them as
/// usage mistakes before opening the database.
public enum SupervisionTargetRange {
  /// A territory's target delay, in days.
  public static let targetDelayDays = 1...365
  /// A site's announced wait, in minutes.
  public static let announcedWaitMinutes = 1...240
}

/// A territory (ZTEF) with the bassins it is made of and the delay it aims to give appointments within.
public struct TerritorySummary: Equatable, Sendable, Identifiable {
  public var id: Int64
  public var name: String
  public var targetDelayDays: Int
  public var bassins: [BassinSummary]
  public init(id: Int64, name: String, targetDelayDays: Int, bassins: [BassinSummary]) {
    self.id = id
    self.name = name
    self.targetDelayDays = targetDelayDays
    self.bassins = bassins
  }

  public var communeCount: Int { bassins.reduce(0) { $0 + $1.communeCount } }
}

/// A bassin offered while picking the bassins of a territory, and what the typed text matched (« commune
/// Chambéry », « ZTEF Savoie »; nil when it was the bassin's own name).
public struct BassinMatch: Equatable, Sendable, RankedMatch {
  public var bassin: BassinSummary
  public var matchedBy: String?
  public var rank: Int
  public var source: NameMatchSource
  public init(
    bassin: BassinSummary, matchedBy: String?, rank: Int = 0, source: NameMatchSource = .ownName
  ) {
    self.bassin = bassin
    self.matchedBy = matchedBy
    self.rank = rank
    self.source = source
  }
}

/// A territory offered while picking one by typing part of a commune, bassin or territory name, and what
/// the text matched (« commune Vienne », « bassin Annecy »; nil when it was the territory's own name).
public struct TerritoryMatch: Equatable, Sendable, RankedMatch {
  public var territory: Territory
  public var matchedBy: String?
  public var rank: Int
  public var source: NameMatchSource
  public init(
    territory: Territory, matchedBy: String?, rank: Int = 0, source: NameMatchSource = .ownName
  ) {
    self.territory = territory
    self.matchedBy = matchedBy
    self.rank = rank
    self.source = source
  }

  /// « Vienne Roussillon (commune Vienne) ».
  public var label: String {
    territory.name + (matchedBy.map { " (\($0))" } ?? "")
  }
}

/// Whose name a typed text matched: the item's own, or a territory, bassin or commune that leads to it.
/// The order is the order matches are offered in, after how well the name matched.
public enum NameMatchSource: Int, Comparable, Sendable {
  case ownName, territory, bassin, commune
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A match of a typed name, best first: `rank` 0 when the whole name matched, 1 when its start did, 2 when
/// a later word's start did.
public protocol RankedMatch {
  var rank: Int { get }
  var source: NameMatchSource { get }
}

extension Array where Element: RankedMatch {
  /// The match a typed name stands for without asking: the first one when the whole name matched and no
  /// other match is as good (« Vienne » is the commune of one territory only). Nil means « choose ».
  public var unambiguous: Element? {
    guard let first, first.rank == 0 else { return nil }
    return dropFirst().contains { $0.rank == 0 && $0.source == first.source } ? nil : first
  }
}

/// A site of the first-level network and the wait it announces to the people who arrive.
public struct SiteSummary: Equatable, Sendable, Identifiable {
  public var id: Int64
  public var name: String
  public var announcedWaitMinutes: Int
  public init(id: Int64, name: String, announcedWaitMinutes: Int) {
    self.id = id
    self.name = name
    self.announcedWaitMinutes = announcedWaitMinutes
  }
}
