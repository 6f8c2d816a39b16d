import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// Consultations attached to a visit as codes only, and searches that found nothing kept as few plain words.
@Suite("Consultations and unmet searches")
struct ConsultationTests {
  @Test func consultationsAreCodesAttachedToTheVisitOnce() throws {
    let (database, workplace) = try Fixtures.database()
    let visit = try database.save(Fixtures.closable(workplace), by: .commandLine)
    let id = try #require(visit.id)
    try database.recordConsultations(
      [
        Consultation(kind: .occupation, code: "K1207"),
        Consultation(kind: .certification, code: "RNCP34001"),
        Consultation(kind: .occupation, code: "K1207"),
        Consultation(kind: .occupation, code: "Jean Dupont"),
      ], visitID: id, by: .commandLine, at: Fixtures.minutes(10))
    try database.recordConsultations(
      [Consultation(kind: .occupation, code: "K1207")], visitID: id, by: .commandLine,
      at: Fixtures.minutes(12))
    #expect(
      try database.consultations(visitID: id) == [
        Consultation(kind: .certification, code: "RNCP34001"),
        Consultation(kind: .occupation, code: "K1207"),
      ])
    let counts = try database.consultationCounts(from: Fixtures.day, to: Fixtures.day)
    #expect(counts.contains(ConsultationCount(kind: .occupation, code: "K1207", visits: 1)))
    #expect(
      try database.consultationCounts(from: Fixtures.day, to: Fixtures.day, kind: .certification)
        .count == 1)
  }

  @Test func theSchemaRefusesTextInAConsultation() throws {
    let (database, workplace) = try Fixtures.database()
    let id = try #require(try database.save(Fixtures.closable(workplace), by: .commandLine).id)
    #expect(throws: DatabaseError.self) {
      try database.writer.write { db in
        try db.execute(
          sql: """
            INSERT INTO visit_consultation (visit_id, kind, code, at, day, month)
            VALUES (?, 'occupation', 'Mme Dupont 0612', '2024-03-12', 20240312, 202403)
            """, arguments: [id])
      }
    }
    #expect(throws: DatabaseError.self) {
      try database.writer.write { db in
        try db.execute(
          sql: """
            INSERT INTO visit_consultation (visit_id, kind, code, at, day, month)
            VALUES (?, 'note', 'K1207', '2024-03-12', 20240312, 202403)
            """, arguments: [id])
      }
    }
  }

  @Test func missesKeepAtMostThreePlainWords() {
    #expect(SearchMissQuery.keepable("Boulangère  pâtissière") == "boulangere patissiere")
    #expect(SearchMissQuery.keepable("06 12 34 56 78") == nil)
    #expect(SearchMissQuery.keepable("né le 12/03/1990 à Lyon") == "ne le lyon")
    #expect(SearchMissQuery.keepable("jean.dupont@mail.fr") == "jean dupont mail")
    #expect(SearchMissQuery.keepable("a") == nil)
    #expect(SearchMissQuery.keepable("\"*NEAR(\u{1B}[2J") == "near")
    #expect(SearchMissQuery.keepable(String(repeating: "x", count: 10_000)) == nil)
    #expect(SearchMissQuery.keepable("dronistes agricoles bio lozere") == "dronistes agricoles bio")
  }

  @Test func missesAreCountedWithoutTheVisitAndShownFromThreeOnly() throws {
    let (database, workplace) = try Fixtures.database(bundledReference: true)
    for _ in 0..<3 {
      try database.recordSearchMiss(
        "télépilote de drone", workplace: workplace, at: Fixtures.morning)
    }
    // Only words of the métier and certification labels are kept: a typed name is not, unless it is one.
    #expect(
      try database.recordSearchMiss("Dupont", workplace: workplace, at: Fixtures.morning) == nil)
    #expect(
      try database.recordSearchMiss("Zélie Boulanger", workplace: workplace, at: Fixtures.morning)
        == "boulanger")
    #expect(
      try database.recordSearchMiss("0612345678", workplace: workplace, at: Fixtures.morning) == nil
    )
    #expect(
      try database.searchMisses(from: Fixtures.day, to: Fixtures.day) == [
        SearchMissCount(query: "telepilote de drone", count: 3)
      ])
    #expect(
      try database.searchMisses(from: Fixtures.day, to: Fixtures.day, minimumCount: 1).count == 1)
    let columns = try database.writer.read { db in try db.columns(in: "search_miss").map(\.name) }
    #expect(!columns.contains("visit_id"))
    #expect(try Fixtures.count(database, "search_miss") == 4)
    #expect(try database.purgeSearchMisses(before: Fixtures.day + 1) == 4)
    #expect(try Fixtures.count(database, "search_miss") == 0)
  }
}
