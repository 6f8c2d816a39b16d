import GRDB
import GuichetCore

extension AppDatabase {
  /// BMO métiers of a territory, largest planned recruitments first, summed over the territory's bassins
  /// (through `territory_bassin`). A figure hidden by statistical secrecy is never counted as 0: the sum keeps
  /// the published part and says that some of it is secret. Nil when the territory does not exist.
  public func labourNeeds(territoryID: Int64) throws -> LabourNeeds? {
    try StoreErrors.run("Lecture des besoins en main-d'œuvre") {
      try writer.read { db in try Self.labourNeeds(territoryID: territoryID, in: db) }
    }
  }

  static func labourNeeds(territoryID: Int64, in db: Database) throws -> LabourNeeds? {
    guard
      let name = try String.fetchOne(
        db, sql: "SELECT name FROM territory WHERE id = ?", arguments: [territoryID])
    else { return nil }
    let bassins = try Row.fetchAll(
      db,
      sql: """
        SELECT b.code, b.name FROM territory_bassin tb JOIN bassin b ON b.code = tb.bassin_code
        WHERE tb.territory_id = ? ORDER BY b.name COLLATE french, b.code
        """, arguments: [territoryID]
    ).map { Bassin(code: $0["code"], name: $0["name"]) }
    let year = try Int.fetchOne(db, sql: "SELECT max(year) FROM bmo")
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT m.fap_code, max(m.fap_label) AS label, max(m.family_label) AS family,
               sum(coalesce(m.recruitments, 0)) AS recruitments, max(m.recruitments_secret) AS recruitments_secret,
               sum(coalesce(m.difficult, 0)) AS difficult, max(m.difficult_secret) AS difficult_secret,
               sum(coalesce(m.seasonal, 0)) AS seasonal, max(m.seasonal_secret) AS seasonal_secret
        FROM territory_bassin tb JOIN bmo m ON m.bassin_code = tb.bassin_code
        WHERE tb.territory_id = ? AND m.year = ?
        GROUP BY m.fap_code
        ORDER BY recruitments DESC, recruitments_secret, m.fap_code
        """, arguments: [territoryID, year])
    let needs = rows.map { row in
      LabourNeed(
        fapCode: row["fap_code"], label: row["label"], familyLabel: row["family"],
        recruitments: BMOFigure(known: row["recruitments"], hasSecret: row["recruitments_secret"]),
        difficult: BMOFigure(known: row["difficult"], hasSecret: row["difficult_secret"]),
        seasonal: BMOFigure(known: row["seasonal"], hasSecret: row["seasonal_secret"]))
    }
    let total = needs.reduce(BMOFigure()) { $0 + $1.recruitments }
    return LabourNeeds(
      territory: Territory(id: territoryID, name: name), bassins: bassins, year: year,
      needs: needs, total: total, source: try DataSources.fetch(["bmo"], in: db).first)
  }
}
