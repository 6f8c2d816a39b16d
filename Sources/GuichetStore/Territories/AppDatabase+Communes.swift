import GRDB
import GuichetCore

extension AppDatabase {
  /// Communes whose name starts with the query (« st etienne », « saint-étienne », « chambery »), exact and
  /// shorter names first. When prefixes give fewer than `limit`, names with a later word starting with the
  /// query follow (« etienne » → Saint-Étienne). Any input is safe: it is reduced to letter and digit tokens.
  public func communes(matching query: String, limit: Int) throws -> [CommuneMatch] {
    let key = CommuneSearchKey.make(query)
    let limit = min(max(limit, 0), 200)
    guard !key.isEmpty, limit > 0 else { return [] }
    return try StoreErrors.run("Recherche de commune") {
      try writer.read { db in
        var matches = try Self.fetchCommunes(
          db,
          where: "c.name_search >= :key AND c.name_search < :upper",
          arguments: ["key": key, "upper": key + "\u{10FFFF}", "limit": limit])
        if matches.count < limit {
          let more = try Self.fetchCommunes(
            db,
            where:
              "instr(c.name_search, ' ' || :key) > 0 AND NOT (c.name_search >= :key AND c.name_search < :upper)",
            arguments: ["key": key, "upper": key + "\u{10FFFF}", "limit": limit - matches.count])
          matches += more
        }
        return matches
      }
    }
  }

  /// Each commune comes with the first territory (lowest id) that covers its bassin.
  static func fetchCommunes(_ db: Database, where condition: String, arguments: StatementArguments)
    throws -> [CommuneMatch]
  {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT c.insee_code, c.name, c.bassin_code,
               (SELECT t.id FROM territory_bassin tb JOIN territory t ON t.id = tb.territory_id
                WHERE tb.bassin_code = c.bassin_code ORDER BY t.id LIMIT 1) AS territory_id
        FROM commune c
        WHERE \(condition)
        ORDER BY c.name_search = :key DESC, length(c.name_search), c.name_search, c.insee_code
        LIMIT :limit
        """, arguments: arguments)
    let territoryNames = try Dictionary(
      Row.fetchAll(db, sql: "SELECT id, name FROM territory").map {
        ($0["id"] as Int64, $0["name"] as String)
      }, uniquingKeysWith: { first, _ in first })
    return rows.compactMap { row in
      guard let territoryID = row["territory_id"] as Int64?,
        let territoryName = territoryNames[territoryID]
      else { return nil }
      return CommuneMatch(
        commune: Commune(
          inseeCode: row["insee_code"], name: row["name"], bassinCode: row["bassin_code"]),
        territory: Territory(id: territoryID, name: territoryName))
    }
  }
}
