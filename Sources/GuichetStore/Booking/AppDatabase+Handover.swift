import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// The métiers consulted during each visit (ROME codes the information screens recorded), with their titles,
  /// for the advisor's handover note: codes and reference labels only, never anything typed.
  public func consultedOccupations(visitIDs: [Int64]) throws -> [Int64: [(
    code: String, title: String
  )]] {
    guard !visitIDs.isEmpty else { return [:] }
    return try StoreErrors.run("Lecture des métiers consultés") {
      try writer.read { db in try Self.consultedOccupations(db, visitIDs: visitIDs) }
    }
  }

  static func consultedOccupations(_ db: Database, visitIDs: [Int64]) throws -> [Int64: [(
    code: String, title: String
  )]] {
    guard !visitIDs.isEmpty else { return [:] }
    let marks = Array(repeating: "?", count: visitIDs.count).joined(separator: ",")
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT c.visit_id, c.code, (SELECT o.title FROM occupation o WHERE o.code = c.code) AS title
        FROM visit_consultation c
        WHERE c.kind = 'occupation' AND c.visit_id IN (\(marks))
        ORDER BY c.visit_id, c.at, c.code
        """, arguments: StatementArguments(visitIDs))
    var result: [Int64: [(code: String, title: String)]] = [:]
    for row in rows {
      let code: String = row["code"]
      result[row["visit_id"], default: []].append((code, row["title"] ?? code))
    }
    return result
  }
}
