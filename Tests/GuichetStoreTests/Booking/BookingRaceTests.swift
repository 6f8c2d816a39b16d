import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// Desk processes booking the same slots of one database file at the same instant. The same harness is
/// run on the naive path (read, then insert in another access, no unique index) to show it can fail.
@Suite(.serialized) struct BookingRaceTests {
  struct Outcome {
    var acknowledged: [String]
    var taken: Int
    var errors: [String]
    /// Extra live bookings beyond one per slot.
    var doubles: Int
    /// References acknowledged to a desk but missing from the file.
    var lost: Int
    var rows: Int
  }

  /// A freshly opened file, made once per test process (a new file costs seconds in debug: schema,
  /// territories, bundled reference data) and copied for each race with VACUUM INTO.
  static let template: AppDatabase? = {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("guichet-race-template-\(getpid())").appendingPathComponent(
        "guichet.sqlite"
      ).path
    atexit(removeRaceTemplate)
    return try? AppDatabase.open(path: path)
  }()

  /// Sets up one file with an advisor open every day, `processes` visits with their consents, then lets
  /// every process book the same `slotCount` slots in the same order.
  func race(processes: Int, slotCount: Int, naive: Bool) throws -> Outcome {
    let helper = try #require(
      BookingRaceSpawn.helper, "guichet-race-helper is not built next to the tests")
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("guichet-race-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("guichet.sqlite").path
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let template = try #require(Self.template, "the template database could not be created")
    try template.writer.writeWithoutTransaction { db in
      try db.execute(sql: "VACUUM INTO ?", arguments: [path])
    }
    let setup = try BookingSetup.make(database: AppDatabase.open(path: path))
    _ = try setup.database.saveOpeningRule(
      OpeningRule(
        advisorID: setup.advisorID, weekdays: Set(Weekday.allCases), start: TimeOfDay(hour: 13)!,
        end: TimeOfDay(hour: 19)!, slotMinutes: 30, validFrom: BookingSetup.monday),
      by: .commandLine)
    let now = Date()
    let slots = Array(
      try setup.database.freeSlots(
        advisorID: setup.advisorID, from: now.addingTimeInterval(86_400),
        to: now.addingTimeInterval(120 * 86_400), now: now
      ).prefix(slotCount))
    #expect(slots.count == slotCount)
    let slotsFile = directory.appendingPathComponent("slots.txt").path
    try slots.map { "\($0.startsAt.timeIntervalSince1970) \($0.endsAt.timeIntervalSince1970)" }
      .joined(separator: "\n").write(toFile: slotsFile, atomically: true, encoding: .utf8)
    var desks: [(visit: Int64, consent: Int64)] = []
    for index in 0..<processes {
      let workplace = try setup.database.workplace(
        siteName: "CIO Vienne", deskName: "Poste \(index + 2)")
      let visit = try setup.database.save(
        Visit(
          siteID: workplace.siteID, deskID: workplace.deskID, arrivedAt: now,
          requestKinds: [.jobSearch],
          day: LocalDate(now).number), by: .commandLine)
      let consent = try setup.database.recordConsent(
        visitID: visit.id!, textVersion: 1, recipientStructureID: setup.structure.id!,
        deskID: workplace.deskID, by: .commandLine, at: now)
      desks.append((visit.id!, consent.id!))
    }
    let table = naive ? "naive_appointment" : "appointment"
    if naive {
      try setup.database.writer.write { db in
        try db.execute(sql: "CREATE TABLE naive_appointment AS SELECT * FROM appointment WHERE 0")
      }
    }
    // Every process waits for the same instant after opening the file, so they really collide.
    let start = Date().timeIntervalSince1970 + 1.5
    var pids: [pid_t] = []
    for (index, desk) in desks.enumerated() {
      pids.append(
        try BookingRaceSpawn.start(
          [
            helper, naive ? "naive" : "safe", path, slotsFile, "\(setup.advisorID)",
            "\(desk.visit)",
            "\(desk.consent)", "\(start)",
          ], outputFile: directory.appendingPathComponent("desk\(index).out").path))
    }
    let statuses = pids.map(BookingRaceSpawn.wait)
    var outcome = Outcome(acknowledged: [], taken: 0, errors: [], doubles: 0, lost: 0, rows: 0)
    for index in 0..<processes {
      let output =
        (try? String(
          contentsOfFile: directory.appendingPathComponent("desk\(index).out").path, encoding: .utf8
        ))
        ?? ""
      for line in output.split(separator: "\n") {
        if line.hasPrefix("OK ") {
          outcome.acknowledged.append(String(line.dropFirst(3)))
        } else if line.hasPrefix("TAKEN ") {
          outcome.taken += Int(line.dropFirst(6)) ?? 0
        } else {
          outcome.errors.append(String(line))
        }
      }
    }
    #expect(statuses.allSatisfy { $0 == 0 }, "helper exit statuses \(statuses)")
    try setup.database.writer.read { db in
      outcome.doubles =
        try Int.fetchOne(
          db,
          sql: """
            SELECT coalesce(sum(n - 1), 0) FROM (
              SELECT count(*) AS n FROM \(table) WHERE cancelled_at IS NULL
              GROUP BY advisor_id, starts_at HAVING n > 1)
            """) ?? -1
      let stored = Set(try String.fetchAll(db, sql: "SELECT reference FROM \(table)"))
      outcome.lost = outcome.acknowledged.filter { !stored.contains($0) }.count
      outcome.rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1
    }
    return outcome
  }

  @Test func eightDesksNeverDoubleBookNorLoseABooking() throws {
    let outcome = try race(processes: 8, slotCount: 40, naive: false)
    #expect(outcome.errors.isEmpty, "\(outcome.errors.prefix(3))")
    #expect(outcome.doubles == 0)
    #expect(outcome.lost == 0)
    #expect(outcome.acknowledged.count == 40 && outcome.rows == 40)
    #expect(Set(outcome.acknowledged).count == 40)
    #expect(outcome.taken == 7 * 40)
  }

  @Test func sixteenDesksNeverDoubleBookNorLoseABooking() throws {
    let outcome = try race(processes: 16, slotCount: 16, naive: false)
    #expect(outcome.errors.isEmpty, "\(outcome.errors.prefix(3))")
    #expect(outcome.doubles == 0 && outcome.lost == 0)
    #expect(outcome.acknowledged.count == 16 && outcome.rows == 16)
  }

  /// The harness can fail: the naive pattern, under the same load, does double-book.
  @Test func theSameHarnessCatchesTheNaivePattern() throws {
    let outcome = try race(processes: 8, slotCount: 40, naive: true)
    #expect(outcome.errors.isEmpty, "\(outcome.errors.prefix(3))")
    #expect(
      outcome.doubles > 0, "the naive path gave no double booking: the harness proves nothing")
    #expect(outcome.lost == 0)
    #expect(outcome.rows == 40 + outcome.doubles)
    print("naive path: \(outcome.doubles) double bookings over 40 slots with 8 desks")
  }
}

/// Removes this process's race template when the test process ends.
private func removeRaceTemplate() {
  try? FileManager.default.removeItem(
    at: FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-race-template-\(getpid())"))
}
