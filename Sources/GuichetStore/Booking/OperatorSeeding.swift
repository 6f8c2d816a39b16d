import Foundation
import GRDB
import GuichetCore

/// Creates operator structures from the structures directory (`orientation_structure`) where the type is a
/// second-level network: Missions locales, CIO, APEC, France Travail agencies and Transitions Pro. Idempotent:
/// directory rows refresh their structure's address and phone, except a structure an administrator saved
/// (their corrections stay), and structures an administrator placed or deactivated keep their territories and status.
enum OperatorSeeding {
  static let kinds: [String: OperatorKind] = [
    "mission_locale": .missionLocale, "cio": .cio, "apec": .apec,
    "france_travail": .franceTravail, "transitions_pro": .transitionsPro,
  ]

  /// Returns how many structures were added.
  @discardableResult
  static func seedFromDirectory(_ db: Database) throws -> Int {
    guard try db.tableExists("orientation_structure") else { return 0 }
    // Migrations before issue 14's run this too, on tables without the columns it added.
    let hasDetails =
      try db.columns(in: "orientation_structure").contains { $0.name == "insee_code" }
      && db.columns(in: "operator_structure").contains { $0.name == "edited" }
    let tags = kinds.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT id, name, type_tag, email, address, postcode, city, phone, departement,
          \(hasDetails ? "insee_code, note" : "NULL AS insee_code, NULL AS note")
        FROM orientation_structure WHERE type_tag IN (\(tags)) ORDER BY id
        """)
    var added = 0
    let hasCommunes = try db.tableExists("commune")
    for row in rows {
      // A code the territory model does not hold (Lyon's arrondissements: « apec-69386-01 ») gives way to the town.
      var insee: String? = row["insee_code"]
      let known =
        try insee.map {
          try String.fetchOne(
            db, sql: "SELECT insee_code FROM commune WHERE insee_code = ?", arguments: [$0])
        } ?? nil
      if hasCommunes, known == nil {
        insee =
          try AppDatabase.communeCode(city: row["city"], postcode: row["postcode"], db) ?? insee
      }
      let sourceID: String = row["id"]
      guard let kind = kinds[row["type_tag"]] else { continue }
      let existing = try Row.fetchOne(
        db, sql: "SELECT * FROM operator_structure WHERE source_id = ?", arguments: [sourceID])
      let values: [(any DatabaseValueConvertible)?] = [
        kind.rawValue, row["name"] as String, row["address"] as String?,
        row["postcode"] as String?, row["city"] as String?, row["phone"] as String?,
        row["email"] as String?,
      ]
      if let existing {
        if hasDetails, existing["edited"] == true { continue }
        // coalesce: a bookable structure keeps the phone it has when the directory publishes none.
        try db.execute(
          sql: """
            UPDATE operator_structure SET kind = ?, name = ?, address = ?, postcode = ?, city = ?,
              phone = coalesce(?, phone), email = ? WHERE id = ?
            """, arguments: StatementArguments(values + [existing["id"] as Int64]))
        if hasDetails {
          try db.execute(
            sql: "UPDATE operator_structure SET insee_code = ?, note = ? WHERE id = ?",
            arguments: [
              row["insee_code"] as String?, row["note"] as String?, existing["id"] as Int64,
            ])
        }
        continue
      }
      try db.execute(
        sql: """
          INSERT INTO operator_structure (kind, name, address, postcode, city, phone, email, source_id)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """, arguments: StatementArguments(values + [sourceID]))
      added += 1
      let id = db.lastInsertedRowID
      if hasDetails {
        try db.execute(
          sql: "UPDATE operator_structure SET insee_code = ?, note = ? WHERE id = ?",
          arguments: [insee, row["note"] as String?, id])
      }
      let served: [Int64]
      if kind == .transitionsPro, let departement = row["departement"] as String? {
        // A Transitions Pro contact serves its whole département, wherever its office is.
        served = try departementTerritories(departement, db)
      } else {
        served = try territories(
          sourceID: sourceID, insee: insee, city: row["city"], db)
      }
      for territoryID in served {
        try db.execute(
          sql: "INSERT OR IGNORE INTO operator_structure_territory VALUES (?, ?)",
          arguments: [id, territoryID])
      }
    }
    return added
  }

  /// The commune's INSEE code, else the one the directory id holds (« cio-01004-01 »); the city name is the fallback.
  static func territories(sourceID: String, insee: String? = nil, city: String?, _ db: Database)
    throws -> [Int64]
  {
    let parts = sourceID.split(separator: "-")
    var bassin: String?
    for code in [insee, parts.count >= 2 ? String(parts[1]) : nil].compactMap({ $0 })
    where bassin == nil {
      bassin = try String.fetchOne(
        db, sql: "SELECT bassin_code FROM commune WHERE insee_code = ?", arguments: [code])
    }
    if bassin == nil, let city {
      let key = CommuneSearchKey.make(
        city.replacingOccurrences(of: " Cedex", with: "", options: .caseInsensitive))
      bassin = try String.fetchOne(
        db, sql: "SELECT bassin_code FROM commune WHERE name_search = ? LIMIT 1", arguments: [key])
    }
    guard let bassin else { return [] }
    return try Int64.fetchAll(
      db,
      sql: "SELECT territory_id FROM territory_bassin WHERE bassin_code = ? ORDER BY territory_id",
      arguments: [bassin])
  }

  /// Territories with a bassin holding a commune of the département.
  static func departementTerritories(_ departement: String, _ db: Database) throws -> [Int64] {
    try Int64.fetchAll(
      db,
      sql: """
        SELECT DISTINCT tb.territory_id FROM territory_bassin tb
        WHERE tb.bassin_code IN (SELECT bassin_code FROM commune WHERE insee_code LIKE ?)
        ORDER BY 1
        """, arguments: [departement + "%"])
  }
}
