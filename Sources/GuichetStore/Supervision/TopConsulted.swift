import GRDB
import GuichetCore

/// The métiers (ROME) and certifications (RNCP) consulted in the most visits of the period, with their titles.
enum TopConsulted {
  static let limit = 10

  static func fill(_ figures: inout SupervisionFigures, _ db: Database, _ scope: SupervisionScope)
    throws
  {
    let visits = scope.visitsInScope()
    var arguments: StatementArguments = [scope.firstDay, scope.lastDay]
    _ = arguments.append(contentsOf: visits.arguments)
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT c.kind, c.code, count(*) AS n FROM visit_consultation c JOIN visit v ON v.id = c.visit_id
        WHERE c.day BETWEEN ? AND ? AND c.kind IN ('occupation', 'certification') AND \(visits.sql)
        GROUP BY c.kind, c.code
        ORDER BY n DESC, c.kind, c.code
        """, arguments: arguments)
    var byKind: [Consultation.Kind: [ConsultedCode]] = [:]
    for row in rows {
      guard let kind = Consultation.Kind(rawValue: row[0]), byKind[kind, default: []].count < limit
      else { continue }
      let code: String = row[1]
      let table = kind == .occupation ? "occupation" : "certification"
      let title =
        try String.fetchOne(db, sql: "SELECT title FROM \(table) WHERE code = ?", arguments: [code])
        ?? "(libellé inconnu)"
      byKind[kind, default: []].append(
        ConsultedCode(kind: kind, code: code, title: title, visits: row[2]))
    }
    figures.consulted = (byKind[.occupation] ?? []) + (byKind[.certification] ?? [])
  }
}
