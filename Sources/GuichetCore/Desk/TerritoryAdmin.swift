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
public struct BassinMatch: Equatable, Sendable {
  public var bassin: BassinSummary
  public var matchedBy: String?
  public init(bassin: BassinSummary, matchedBy: String?) {
    self.bassin = bassin
    self.matchedBy = matchedBy
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
