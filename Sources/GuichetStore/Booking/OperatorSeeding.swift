import Foundation
import GRDB
import GuichetCore

/// Creates operator structures from the Service-Public.fr directory (`orientation_structure`) where the
/// type is a second-level network: Missions locales and CIO. Idempotent: directory rows update their
/// structure's address and phone, while structures an administrator edited, placed or deactivated keep
/// their territories and status.
enum OperatorSeeding {
  static let kinds: [String: OperatorKind] = ["mission_locale": .missionLocale, "cio": .cio]

  /// Returns how many structures were added.
  @discardableResult
  static func seedFromDirectory(_ db: Database) throws -> Int {
    guard try db.tableExists("orientation_structure") else { return 0 }
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT id, name, type_tag, email, address, postcode, city, phone
        FROM orientation_structure WHERE type_tag IN ('mission_locale', 'cio') ORDER BY id
        """)
    var added = 0
    for row in rows {
      let sourceID: String = row["id"]
      guard let kind = kinds[row["type_tag"]] else { continue }
      let existing = try Int64.fetchOne(
        db, sql: "SELECT id FROM operator_structure WHERE source_id = ?", arguments: [sourceID])
      let values: [(any DatabaseValueConvertible)?] = [
        kind.rawValue, row["name"] as String, row["address"] as String?,
        row["postcode"] as String?, row["city"] as String?, row["phone"] as String?,
        row["email"] as String?, sourceID,
      ]
      if let existing {
        try db.execute(
          sql: """
            UPDATE operator_structure SET kind = ?, name = ?, address = ?, postcode = ?, city = ?,
              phone = ?, email = ?, source_id = ? WHERE id = ?
            """, arguments: StatementArguments(values + [existing]))
        continue
      }
      try db.execute(
        sql: """
          INSERT INTO operator_structure (kind, name, address, postcode, city, phone, email, source_id)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """, arguments: StatementArguments(values))
      added += 1
      let id = db.lastInsertedRowID
      for territoryID in try territories(sourceID: sourceID, city: row["city"], db) {
        try db.execute(
          sql: "INSERT OR IGNORE INTO operator_structure_territory VALUES (?, ?)",
          arguments: [id, territoryID])
      }
    }
    return added
  }

  /// The directory id holds the commune's INSEE code (« cio-01004-01 »); the city name is the fallback.
  static func territories(sourceID: String, city: String?, _ db: Database) throws -> [Int64] {
    let parts = sourceID.split(separator: "-")
    var bassin: String?
    if parts.count >= 2 {
      bassin = try String.fetchOne(
        db, sql: "SELECT bassin_code FROM commune WHERE insee_code = ?",
        arguments: [String(parts[1])])
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
}
