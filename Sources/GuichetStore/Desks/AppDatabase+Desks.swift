import GRDB
import GuichetCore

extension AppDatabase {
  /// Every declared desk with its site, so a console started without `--desk` can pick the only one.
  public func workplaces() throws -> [Workplace] {
    try StoreErrors.run("Lecture des postes") {
      try writer.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT site.id AS site_id, site.name AS site_name, desk.id AS desk_id, desk.name AS desk_name
            FROM desk JOIN site ON site.id = desk.site_id ORDER BY site.name COLLATE french, desk.name COLLATE french
            """
        ).map {
          Workplace(
            siteID: $0["site_id"], siteName: $0["site_name"], deskID: $0["desk_id"],
            deskName: $0["desk_name"])
        }
      }
    }
  }
}
