import GRDB

/// Version markers of seeded data, so a cold start compares two short strings instead of counting rows.
enum StoreMeta {
  static let vocabularyKey = "vocabulary"
  static let territoryKey = "territories"

  static func values(_ db: Database) throws -> [String: String] {
    let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM store_meta")
    return Dictionary(
      rows.map { ($0["key"], $0["value"]) }, uniquingKeysWith: { first, _ in first })
  }

  static func set(_ db: Database, key: String, value: String) throws {
    try db.execute(
      sql: """
        INSERT INTO store_meta (key, value) VALUES (?, ?)
        ON CONFLICT(key) DO UPDATE SET value = excluded.value
        """, arguments: [key, value])
  }
}
