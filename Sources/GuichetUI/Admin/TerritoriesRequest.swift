import Foundation
import GuichetCore

/// What the territories screen asks of the store, run by its own client (see `FeatureRequest`).
public enum TerritoriesRequest: FeatureRequest {
  case load
  case searchBassins(String)
  case create(name: String, bassinCodes: [String])
  case rename(territoryID: Int64, name: String)
  case setTarget(territoryID: Int64, days: Int)
  case setWait(siteID: Int64, minutes: Int)

  public var writes: Bool {
    switch self {
    case .load, .searchBassins: false
    case .create, .rename, .setTarget, .setWait: true
    }
  }

  public func run(_ client: TerritoriesClient, now: Date) throws -> AppAction {
    switch self {
    case .load:
      return .feature(TerritoriesEvent.loaded(try client.territories(), sites: try client.sites()))
    case .searchBassins(let query):
      return .feature(TerritoriesEvent.bassinsFound(query: query, try client.bassins(query)))
    case .create(let name, let codes):
      let created = try client.create(name, codes, now)
      return .feature(
        TerritoriesEvent.written(
          "Territoire « \(created.name) » créé : \(created.bassins.count) bassins, \(created.communeCount) communes.",
          focus: created.id))
    case .rename(let id, let name):
      try client.rename(id, name, now)
      return .feature(TerritoriesEvent.written("Territoire renommé.", focus: id))
    case .setTarget(let id, let days):
      try client.setTarget(id, days, now)
      return .feature(TerritoriesEvent.written("Délai cible : \(days) jours.", focus: id))
    case .setWait(let siteID, let minutes):
      try client.setWait(siteID, minutes, now)
      return .feature(
        TerritoriesEvent.written("Attente annoncée du site : \(minutes) minutes.", focus: nil))
    }
  }

  public func failed(_ error: UserError) -> AppAction { .feature(TerritoriesEvent.failed(error)) }
}

/// The store's answers to `TerritoriesRequest`.
public enum TerritoriesEvent: FeatureEvent {
  case loaded([TerritorySummary], sites: [SiteSummary])
  case bassinsFound(query: String, [BassinMatch])
  /// A write went through: what to say, and the territory to keep selected.
  case written(String, focus: Int64?)
  case failed(UserError)

  public var error: UserError? {
    if case .failed(let error) = self { error } else { nil }
  }
}

/// The store calls of the territories screen; `live` is wired by the executable.
public struct TerritoriesClient: FeatureClient {
  public var territories: @Sendable () throws -> [TerritorySummary]
  public var sites: @Sendable () throws -> [SiteSummary]
  public var bassins: @Sendable (String) throws -> [BassinMatch]
  public var create: @Sendable (String, [String], Date) throws -> TerritorySummary
  public var rename: @Sendable (Int64, String, Date) throws -> Void
  public var setTarget: @Sendable (Int64, Int, Date) throws -> Void
  public var setWait: @Sendable (Int64, Int, Date) throws -> Void

  public init(
    territories: @escaping @Sendable () throws -> [TerritorySummary],
    sites: @escaping @Sendable () throws -> [SiteSummary],
    bassins: @escaping @Sendable (String) throws -> [BassinMatch],
    create: @escaping @Sendable (String, [String], Date) throws -> TerritorySummary,
    rename: @escaping @Sendable (Int64, String, Date) throws -> Void,
    setTarget: @escaping @Sendable (Int64, Int, Date) throws -> Void,
    setWait: @escaping @Sendable (Int64, Int, Date) throws -> Void
  ) {
    self.territories = territories
    self.sites = sites
    self.bassins = bassins
    self.create = create
    self.rename = rename
    self.setTarget = setTarget
    self.setWait = setWait
  }

  public static let unavailable: TerritoriesClient = {
    let error = UserError("Administration des territoires indisponible.")
    return TerritoriesClient(
      territories: { throw error }, sites: { throw error }, bassins: { _ in throw error },
      create: { _, _, _ in throw error }, rename: { _, _, _ in throw error },
      setTarget: { _, _, _ in throw error }, setWait: { _, _, _ in throw error })
  }()

  static let fakeBassins = [
    BassinSummary(code: "8411", name: "Chambéry", communeCount: 61),
    BassinSummary(code: "8407", name: "Annecy", communeCount: 44),
    BassinSummary(code: "8426", name: "Saint-Étienne", communeCount: 53),
  ]

  /// Two territories, one site, and the three bassins above, whatever is written.
  public static let fake = TerritoriesClient(
    territories: {
      [
        TerritorySummary(
          id: 7, name: "Chambéry", targetDelayDays: 30, bassins: [fakeBassins[0]]),
        TerritorySummary(
          id: 40, name: "ZTEF Pays de Savoie", targetDelayDays: 21,
          bassins: Array(fakeBassins.prefix(2))),
      ]
    },
    sites: { [SiteSummary(id: 1, name: "Site", announcedWaitMinutes: 15)] },
    bassins: { query in
      let key = SearchText.normalize(query)
      return fakeBassins.filter { SearchText.normalize($0.name).contains(key) }.map {
        BassinMatch(bassin: $0, matchedBy: nil)
      }
    },
    create: { name, codes, _ in
      TerritorySummary(
        id: 41, name: name, targetDelayDays: 30,
        bassins: fakeBassins.filter { codes.contains($0.code) })
    },
    rename: { _, _, _ in }, setTarget: { _, _, _ in }, setWait: { _, _, _ in })
}
