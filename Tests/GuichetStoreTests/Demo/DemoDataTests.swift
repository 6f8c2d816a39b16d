import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// Demonstration data is replayable: the same seed writes the same rows, another seed other rows; its
/// appointments open in the agenda like real ones.
@Suite("Demonstration data")
struct DemoDataTests {
  static let now = Date(timeIntervalSince1970: 1_780_000_000)

  /// Every row `loadDemo` writes that a figure can depend on, in a stable order.
  static func rows(seed: UInt64) throws -> [[Row]] {
    let database = try AppDatabase.inMemory(bundledReference: true)
    let summary = try database.loadDemo(
      DemoOptions(days: 12, perDay: 25, seed: seed, lastDay: LocalDate(now), now: now))
    #expect(summary.visits > 100 && summary.appointments > 0)
    return try database.writer.read { db in
      try ["visit", "visit_request", "visit_consultation", "consent", "appointment"].map {
        try Row.fetchAll(db, sql: "SELECT * FROM \($0) ORDER BY 1, 2")
      }
    }
  }

  @Test func theSameSeedWritesTheSameRows() throws {
    let first = try Self.rows(seed: 7)
    #expect(first.allSatisfy { !$0.isEmpty })
    #expect(try Self.rows(seed: 7) == first)
    #expect(try Self.rows(seed: 8) != first)
  }

  @Test func demonstrationAppointmentsHaveRealReferencesAndShowInTheAgenda() throws {
    let database = try AppDatabase.inMemory(bundledReference: true)
    _ = try database.loadDemo(
      DemoOptions(days: 12, perDay: 25, seed: 7, lastDay: LocalDate(Self.now), now: Self.now))
    let rows = try database.writer.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT a.reference, a.day, ad.structure_id FROM appointment a
          JOIN advisor ad ON ad.id = a.advisor_id ORDER BY a.id
          """)
    }
    #expect(!rows.isEmpty)
    let references = rows.map { $0["reference"] as String }
    #expect(Set(references).count == references.count)
    for reference in references {
      #expect((try? BookingReference(parsing: reference))?.value == reference, "\(reference)")
    }
    let first = try #require(rows.first)
    let day = try #require(LocalDate(number: first["day"]))
    let agenda = try database.agenda(
      structureID: first["structure_id"], from: day, includeCancelled: true, by: .commandLine)
    #expect(agenda.contains { $0.appointment.reference.value == references[0] })
  }
}
