import GRDB
import GuichetCore

/// Picking a territory by typing part of a commune, a bassin or a territory (ZTEF) name, with the same
/// ranking as the bassins of the territories screen: whole name, then its start, then a later word's start;
/// the territory's own name before a bassin's before a commune's.
extension AppDatabase {
  /// Territories matching part of a commune, bassin or territory name, accents and case ignored, best first.
  /// Territory names are not personal data: any signed-in screen (dashboard, administration) may ask.
  public func territories(matching query: String, limit: Int) throws -> [TerritoryMatch] {
    let key = CommuneSearchKey.make(query)
    let limit = min(max(limit, 0), 200)
    guard !key.isEmpty, limit > 0 else { return [] }
    return try StoreErrors.run("Recherche de territoire") {
      try writer.read { db in try Self.territories(db, matching: key, limit: limit) }
    }
  }

  static func territories(_ db: Database, matching key: String, limit: Int) throws
    -> [TerritoryMatch]
  {
    let territories = try Dictionary(
      Row.fetchAll(db, sql: "SELECT id, name FROM territory").map {
        ($0["id"] as Int64, Territory(id: $0["id"], name: $0["name"]))
      }, uniquingKeysWith: { first, _ in first })
    var covering: [String: [Int64]] = [:]
    var size: [Int64: Int] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT territory_id, bassin_code FROM territory_bassin") {
      covering[row["bassin_code"], default: []].append(row["territory_id"])
      size[row["territory_id"], default: 0] += 1
    }
    var best = NameMatches<Int64>()
    for territory in territories.values {
      if let rank = NameMatches<Int64>.rank(territory.name, key) {
        best.offer(territory.id, rank: rank, source: .ownName, matchedBy: nil)
      }
    }
    for bassin in try Row.fetchAll(db, sql: "SELECT code, name FROM bassin") {
      let name: String = bassin["name"]
      guard let rank = NameMatches<Int64>.rank(name, key) else { continue }
      for id in covering[bassin["code"] as String] ?? [] {
        best.offer(id, rank: rank, source: .bassin, matchedBy: "bassin \(name)")
      }
    }
    for commune in try communesMatching(db, key) {
      for id in covering[commune.bassinCode] ?? [] {
        best.offer(
          id, rank: commune.rank, source: .commune, matchedBy: "commune \(commune.name)")
      }
    }
    // Among equal matches the smaller territory first: « Vienne » is Vienne Roussillon before a ZTEF.
    return best.sorted { id in
      territories[id].map { (size[id] ?? 0, $0.name) }
    }
    .prefix(limit).compactMap { id, reason in
      territories[id].map {
        TerritoryMatch(
          territory: $0, matchedBy: reason.matchedBy, rank: reason.rank, source: reason.source)
      }
    }
  }

  /// Communes whose name or a later word of it starts with the key, with how well they matched.
  static func communesMatching(_ db: Database, _ key: String) throws -> [(
    name: String, bassinCode: String, rank: Int
  )] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT name, name_search, bassin_code FROM commune
        WHERE (name_search >= :key AND name_search < :upper) OR instr(name_search, ' ' || :key) > 0
        ORDER BY name_search = :key DESC, length(name_search), name_search
        LIMIT 400
        """, arguments: ["key": key, "upper": key + "\u{10FFFF}"]
    ).map { row in
      let search: String = row["name_search"]
      return (
        row["name"], row["bassin_code"], search == key ? 0 : search.hasPrefix(key) ? 1 : 2
      )
    }
  }
}

/// The best reason each item (bassin or territory) matched a typed key, then the items best first.
struct NameMatches<ID: Hashable & Comparable> {
  struct Reason {
    var rank: Int
    var source: NameMatchSource
    var matchedBy: String?
  }
  private(set) var best: [ID: Reason] = [:]

  /// 0 the whole name, 1 its start, 2 a later word's start; nil when the name does not match the key.
  static func rank(_ name: String, _ key: String) -> Int? {
    let normalized = CommuneSearchKey.make(name)
    if normalized == key { return 0 }
    if normalized.hasPrefix(key) { return 1 }
    if normalized.contains(" " + key) { return 2 }
    return nil
  }

  mutating func offer(_ id: ID, rank: Int, source: NameMatchSource, matchedBy: String?) {
    if let current = best[id], (current.rank, current.source) <= (rank, source) { return }
    best[id] = Reason(rank: rank, source: source, matchedBy: matchedBy)
  }

  /// By rank, then source, then the caller's order (a size, then a name in French order; nil drops the
  /// item), then id.
  func sorted(by order: (ID) -> (size: Int, name: String)?) -> [(ID, Reason)] {
    best.compactMap { id, reason in order(id).map { (id: id, reason: reason, order: $0) } }
      .sorted { left, right in
        let first = (left.reason.rank, left.reason.source.rawValue, left.order.size)
        let second = (right.reason.rank, right.reason.source.rawValue, right.order.size)
        if first != second { return first < second }
        switch FrenchCollation.compare(left.order.name, right.order.name) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return left.id < right.id
        }
      }
      .map { ($0.id, $0.reason) }
  }
}
