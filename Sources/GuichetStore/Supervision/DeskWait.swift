import GRDB
import GuichetCore

/// Waiting at the desk: whole minutes between arrival and start for walk-ins taken in charge, and how many
/// waited longer than their site announces (site by site, so each is held to its own announcement).
enum DeskWait {
  static func fill(_ figures: inout SupervisionFigures, _ db: Database, _ scope: SupervisionScope)
    throws
  {
    let cells = try VisitCells.counts(
      db, scope, columns: ["site_id", "code"], dimensions: ["wait"])
    let announced = try Dictionary(
      Row.fetchAll(db, sql: "SELECT CAST(id AS TEXT), announced_wait_minutes FROM site").map {
        ($0[0] as String, $0[1] as Int)
      }, uniquingKeysWith: { a, _ in a })
    var minutes: [Int: Int] = [:]
    for (key, count) in cells {
      guard let value = Int(key[1]) else { continue }
      minutes[value, default: 0] += count
      if value > announced[key[0]] ?? 15 { figures.wait.aboveAnnounced += count }
    }
    figures.wait.minutes = Histogram(minutes)
  }
}
