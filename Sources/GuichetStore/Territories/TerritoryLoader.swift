import GRDB
import GuichetCore

/// Writes the bundled bassins and communes, and gives every bassin that no territory covers yet a default
/// territory of its own. Territories an administrator defined or renamed are left alone.
enum TerritoryLoader {
  static func load(_ contents: TerritoryBundle.Contents, into db: Database) throws {
    for bassin in contents.bassins {
      try db.execute(
        sql: """
          INSERT INTO bassin (code, name) VALUES (?, ?)
          ON CONFLICT(code) DO UPDATE SET name = excluded.name
          """, arguments: [bassin.code, bassin.name])
    }
    // Communes are not referenced by visits, so the bundle replaces them wholesale.
    try db.execute(sql: "DELETE FROM commune")
    let insert = try db.makeStatement(
      sql: "INSERT INTO commune (insee_code, name, name_search, bassin_code) VALUES (?, ?, ?, ?)")
    for commune in contents.communes {
      try insert.execute(arguments: [
        commune.inseeCode, commune.name, CommuneSearchKey.make(commune.name), commune.bassinCode,
      ])
    }
    for bassin in contents.bassins {
      let covered =
        try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM territory_bassin WHERE bassin_code = ?)",
          arguments: [bassin.code]) ?? false
      if covered { continue }
      try db.execute(
        sql: "INSERT INTO territory (name) VALUES (?) ON CONFLICT(name) DO NOTHING",
        arguments: [bassin.name])
      try db.execute(
        sql: """
          INSERT INTO territory_bassin (territory_id, bassin_code)
          SELECT id, ? FROM territory WHERE name = ?
          """, arguments: [bassin.code, bassin.name])
    }
  }
}
