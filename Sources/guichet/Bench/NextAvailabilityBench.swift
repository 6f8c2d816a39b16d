import Foundation
import GRDB
import GuichetCore
import GuichetStore

#if canImport(Glibc)
  import Glibc
#endif

/// `next_availability`: the next 10 free slots across every operator of a territory, where 5 structures × 4
/// advisors have a year of rules and 10,000 appointments already fill the first weeks, so the search must
/// walk past them.
enum NextAvailabilityBench {
  static let appointments = 10_000

  static let measure = BenchMeasure(name: "next_availability") { _ in
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-bench-next-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try AppDatabase.open(path: folder.appendingPathComponent("next.sqlite").path)
    let desk = try BookingBenchDesk.make(database)
    var advisors: [Int64] = []
    var consents: [Int64: Int64] = [desk.structureID: desk.consentID]
    for index in 0..<5 {
      let structureID =
        index == 0
        ? desk.structureID
        : try database.saveOperatorStructure(
          OperatorStructure(
            kind: OperatorKind.allCases[index], name: "Structure de mesure \(index)",
            territoryIDs: [desk.territoryID]), by: .commandLine
        ).id ?? 0
      if consents[structureID] == nil {
        consents[structureID] =
          try database.recordConsent(
            visitID: desk.visitID, textVersion: database.consentText().version,
            recipientStructureID: structureID, deskID: desk.deskID, by: .commandLine
          ).id ?? 0
      }
      for _ in 0..<4 {
        advisors.append(
          try desk.newAdvisor(
            database, structureID: structureID, slotMinutes: 30, hours: (9, 17),
            weekdays: [.monday, .tuesday, .wednesday, .thursday, .friday]))
      }
    }
    let filled = try fill(database, advisors: advisors, desk: desk, consents: consents)
    var samples: [Double] = []
    var firstDelay = 0
    for _ in 0..<30 {
      var found: [AvailableSlot] = []
      samples.append(
        try Clock.measure {
          found = try database.nextAvailability(
            territoryID: desk.territoryID, operatorKinds: [], from: Date(), limit: 10)
        })
      guard found.count == 10 else { throw BenchFailure("moins de 10 créneaux trouvés") }
      firstDelay = found[0].delayDays
    }
    return [
      BenchResult(
        name: "next_availability", unit: "ms", samples: samples,
        extra: [
          "structures": .number(5), "advisors": .number(Double(advisors.count)),
          "appointments": .number(Double(filled)), "rules_days": .number(365),
          "first_free_delay_days": .number(Double(firstDelay)), "limit": .number(10),
        ])
    ]
  }

  /// Books the first free slots of every advisor, round-robin, in one transaction (setup, not measured).
  static func fill(
    _ database: AppDatabase, advisors: [Int64], desk: BookingBenchDesk, consents: [Int64: Int64]
  ) throws -> Int {
    var queue: [Slot] = []
    let perAdvisor = appointments / advisors.count
    for advisorID in advisors {
      queue += try desk.slots(database, advisorID: advisorID, count: perAdvisor, days: 150)
    }
    let structureOf = try database.writer.read { db in
      Dictionary(
        uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, structure_id FROM advisor").map
        {
          ($0["id"] as Int64, $0["structure_id"] as Int64)
        })
    }
    let today = LocalDate(Date())
    try database.writer.write { db in
      for (index, slot) in queue.enumerated() {
        try db.execute(
          sql: """
            INSERT INTO appointment (reference, advisor_id, starts_at, ends_at, seat, day, place,
              visit_id, consent_id, desk_id, delay_days, status, created_at)
            VALUES (?, ?, ?, ?, 0, ?, 'on_site', ?, ?, ?, ?, 'booked', ?)
            """,
          arguments: [
            "BENCH\(index)", slot.advisorID, slot.startsAt, slot.endsAt, slot.date.number,
            desk.visitID, consents[structureOf[slot.advisorID] ?? 0], desk.deskID,
            today.days(until: slot.date), Date(),
          ])
      }
    }
    return queue.count
  }
}
