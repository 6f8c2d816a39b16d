import GRDB
import GuichetCore

/// Satisfaction: the optional 1–5 scores given at closing, against the visits closed in the period.
enum Satisfaction {
  static func fill(_ figures: inout SupervisionFigures, _ db: Database, _ scope: SupervisionScope)
    throws
  {
    let cells = try VisitCells.counts(
      db, scope, columns: ["dimension", "code"], dimensions: ["closed", "satisfaction"])
    figures.satisfaction.closed = cells[["closed", ""]] ?? 0
    var scores: [Int: Int] = [:]
    for (key, count) in cells where key[0] == "satisfaction" {
      if let score = Int(key[1]) { scores[score, default: 0] += count }
    }
    figures.satisfaction.scores = Histogram(scores)
  }
}
