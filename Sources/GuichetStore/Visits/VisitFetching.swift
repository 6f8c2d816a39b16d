import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// Loads visits with their request kinds in two queries (never one query per visit).
  /// Request kinds come back in vocabulary order, whatever order they were saved in.
  static func fetchVisits(_ db: Database, _ request: QueryInterfaceRequest<VisitRecord>) throws
    -> [Visit]
  {
    let records = try request.fetchAll(db)
    let ids = records.compactMap(\.id)
    guard !ids.isEmpty else { return [] }
    var kinds: [Int64: Set<RequestKind>] = [:]
    let requests = try VisitRequestRecord.filter(ids.contains(Column("visit_id"))).fetchAll(db)
    for request in requests {
      guard let kind = RequestKind(rawValue: request.requestKind) else { continue }
      kinds[request.visitID, default: []].insert(kind)
    }
    return records.map { record in
      let set = record.id.flatMap { kinds[$0] } ?? []
      return record.visit(requestKinds: RequestKind.allCases.filter(set.contains))
    }
  }

  /// Time order an agent can get wrong when correcting times by hand; checked before SQL refuses it.
  static func checkTimes(_ visit: Visit) throws {
    if let started = visit.startedAt, started < visit.arrivedAt {
      throw UserError("L'heure de prise en charge précède l'heure d'arrivée.")
    }
    if let closed = visit.closedAt, closed < (visit.startedAt ?? visit.arrivedAt) {
      throw UserError("L'heure de clôture précède l'heure d'arrivée ou de prise en charge.")
    }
  }
}
