import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// Takes a waiting person into service at this desk: a compare-and-set in one write transaction, so when
  /// two desks press Entrée on the same person exactly one gets them; the other is told which desk did, and
  /// nothing of either desk's coding is overwritten. Taking again a person this desk already took returns
  /// the visit as it is (a repeated key opens the same form).
  public func takeVisitor(
    visitID: Int64, deskID: Int64, at date: Date, by caller: Caller
  ) throws -> Visit {
    try StoreErrors.run("Prise en charge") {
      try writer.write { db in
        try caller.require(.codeVisit, in: db)
        guard var record = try VisitRecord.fetchOne(db, key: visitID) else {
          throw UserError(VisitRecord.missing)
        }
        if record.closedAt != nil {
          throw UserError("Cette visite est déjà clôturée.")
        }
        if record.startedAt != nil {
          guard record.deskID == deskID else {
            throw UserError(try Self.takenMessage(db, deskID: record.deskID))
          }
        } else if record.day < Day.number(of: date) {
          // A night in the queue is no wait: the day change closes it « parti sans être reçu ».
          throw UserError(
            "Cette arrivée date d'un jour précédent : marquez-la « parti sans être reçu » (P) et enregistrez une nouvelle arrivée."
          )
        } else {
          record.startedAt = max(date, record.arrivedAt)
          record.deskID = deskID
          try record.update(db, columns: ["started_at", "desk_id"])
        }
        guard let taken = try Self.fetchVisits(db, VisitRecord.filter(key: visitID)).first else {
          throw UserError("La visite prise en charge est introuvable.")
        }
        return taken
      }
    }
  }

  /// « Déjà pris en charge au Poste 2. », naming the desk that won.
  static func takenMessage(_ db: Database, deskID: Int64) throws -> String {
    let name = try String.fetchOne(
      db, sql: "SELECT name FROM desk WHERE id = ?", arguments: [deskID])
    guard let name else { return "Déjà pris en charge à un autre poste." }
    return name.lowercased().hasPrefix("poste")
      ? "Déjà pris en charge au \(name)." : "Déjà pris en charge au poste « \(name) »."
  }
}
