import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// Finds or creates the site and its desk; running it twice with the same names gives the same ids.
  public func workplace(siteName: String, deskName: String) throws -> Workplace {
    let site = Self.cleanName(siteName)
    let desk = Self.cleanName(deskName)
    guard !site.isEmpty else { throw UserError("Indiquez le nom du site (point d'accueil).") }
    guard !desk.isEmpty else { throw UserError("Indiquez le nom du poste d'accueil.") }
    return try StoreErrors.run("Enregistrement du poste") {
      try writer.write { db in
        try db.execute(
          sql: "INSERT INTO site (name) VALUES (?) ON CONFLICT(name) DO NOTHING", arguments: [site])
        let siteID = try Int64.fetchOne(
          db, sql: "SELECT id FROM site WHERE name = ?", arguments: [site])
        guard let siteID else { throw UserError("Site introuvable après sa création.") }
        try db.execute(
          sql:
            "INSERT INTO desk (site_id, name) VALUES (?, ?) ON CONFLICT(site_id, name) DO NOTHING",
          arguments: [siteID, desk])
        let deskID = try Int64.fetchOne(
          db, sql: "SELECT id FROM desk WHERE site_id = ? AND name = ?", arguments: [siteID, desk])
        guard let deskID else { throw UserError("Poste introuvable après sa création.") }
        return Workplace(siteID: siteID, siteName: site, deskID: deskID, deskName: desk)
      }
    }
  }

  /// Names come from the command line or a form: printable text only, single spaces, bounded length.
  static func cleanName(_ name: String) -> String {
    let words = SafeText.clean(name).split(whereSeparator: \.isWhitespace)
    return String(words.joined(separator: " ").prefix(80))
  }
}
