import Foundation
import GRDB
import GRDBSQLite
import GuichetCore
import GuichetProcess
import GuichetStore

#if canImport(Glibc)
  import Glibc
#endif

/// `booking`: bookings per second with 1, 4 and 16 desk processes on one file (each slot wanted by two desks,
/// so races really happen), the double-booking count (must be 0), acknowledged bookings missing from the file
/// (must be 0), the p99 latency of one booking, and a bare SQLite insert loop on the same file as the reference.
enum BookingBench {
  static let measure = BenchMeasure(name: "booking") { _ in
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-bench-booking-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("booking.sqlite").path
    let database = try AppDatabase.open(path: path)
    let desk = try BookingBenchDesk.make(database)
    let slotCount = 1_600
    var results: [BenchResult] = []
    for processes in [1, 4, 16] {
      let advisorID = try desk.newAdvisor(database)
      let slots = try desk.slots(database, advisorID: advisorID, count: slotCount)
      let file = folder.appendingPathComponent("slots-\(processes).txt").path
      try SlotListFile.write(slots, to: file)
      let round = try race(
        processes: processes, path: path, slotsFile: file, slotCount: slots.count, desk: desk,
        folder: folder)
      let stored = try database.writer.read { db in
        (
          try Int.fetchOne(
            db,
            sql: "SELECT count(*) FROM appointment WHERE advisor_id = ? AND cancelled_at IS NULL",
            arguments: [advisorID]) ?? 0,
          try Int.fetchOne(
            db,
            sql: """
              SELECT count(*) FROM (SELECT 1 FROM appointment WHERE advisor_id = ? AND cancelled_at IS NULL
              GROUP BY starts_at HAVING count(*) > 1)
              """, arguments: [advisorID]) ?? 0
        )
      }
      let perSecond = Double(round.latencies.count) / (round.wallMilliseconds / 1000)
      results.append(
        BenchResult(
          name: "booking_p\(processes)", unit: "ms", samples: round.latencies,
          extra: [
            "processes": .number(Double(processes)), "slots": .number(Double(slots.count)),
            "bookings_per_s": .number(perSecond.rounded()),
            "attempts_per_s": .number(
              (Double(round.attempts) / round.wallMilliseconds * 1000).rounded()),
            "double_bookings": .number(Double(stored.1)),
            "busy_failures": .number(Double(round.failed)),
            "acknowledged_missing": .number(Double(max(0, round.latencies.count - stored.0))),
            "target_bookings_per_s_16": .number(500),
          ]))
    }
    results.append(try bareInsertLoop(path: path, count: slotCount))
    return results
  }

  struct Round {
    var latencies: [Double]
    var attempts: Int
    /// Bookings refused « base occupée » after the busy timeout.
    var failed: Int
    var wallMilliseconds: Double
  }

  /// Spawns the desks with a common start time; desk k tries its share and the next desk's share.
  static func race(
    processes: Int, path: String, slotsFile: String, slotCount: Int, desk: BookingBenchDesk,
    folder: URL
  ) throws -> Round {
    let share = slotCount / processes
    let tries = processes == 1 ? slotCount : share * 2
    let startEpoch = Date().timeIntervalSince1970 + 1.5
    let binary = ColdStartBench.executablePath()
    var pids: [pid_t] = []
    for index in 0..<processes {
      pids.append(
        try ColdStartBench.start(
          [
            binary, "bench-booking-worker", "--database", path, "--slots", slotsFile,
            "--visit", "\(desk.visitID)", "--consent", "\(desk.consentID)",
            "--start", "\(startEpoch)", "--offset", "\(index * share)", "--tries", "\(tries)",
          ], stdout: folder.appendingPathComponent("worker-\(processes)-\(index).out").path,
          stderr: nil))
    }
    for pid in pids {
      guard ChildProcess.wait(pid) == 0 else {
        throw BenchFailure("un processus de réservation a échoué")
      }
    }
    var latencies: [Double] = []
    var taken = 0
    var failed = 0
    // From the first desk's first try to the last desk's last answer: process start-up and exit are not bookings.
    var began = Double.infinity
    var ended = 0.0
    for index in 0..<processes {
      let text = try String(
        contentsOfFile: folder.appendingPathComponent("worker-\(processes)-\(index).out").path,
        encoding: .utf8)
      for line in text.split(separator: "\n") {
        let parts = line.split(separator: " ")
        guard parts.count == 2, let value = Double(parts[1]) else { continue }
        switch parts[0] {
        case "OK": latencies.append(value / 1000)
        case "TAKEN": taken += Int(value)
        case "BEGAN": began = min(began, value)
        case "ENDED": ended = max(ended, value)
        default: failed += Int(value)
        }
      }
    }
    return Round(
      latencies: latencies, attempts: latencies.count + taken + failed, failed: failed,
      wallMilliseconds: max(1, (ended - began) * 1000))
  }

  /// The same number of one-row write transactions through the bare C API, on the same file and with the
  /// same durability (WAL, synchronous FULL): what SQLite alone costs per booking on this disk.
  static func bareInsertLoop(path: String, count: Int) throws -> BenchResult {
    var connection: OpaquePointer?
    guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else {
      throw BenchFailure("ouverture SQLite directe impossible")
    }
    defer { sqlite3_close_v2(connection) }
    sqlite3_busy_timeout(connection, 10_000)
    let setup =
      "PRAGMA synchronous = FULL; CREATE TABLE IF NOT EXISTS bench_bare_insert (id INTEGER PRIMARY KEY, advisor_id INTEGER, starts_at REAL, reference TEXT UNIQUE)"
    guard sqlite3_exec(connection, setup, nil, nil, nil) == SQLITE_OK else {
      throw BenchFailure("table de référence impossible")
    }
    var statement: OpaquePointer?
    sqlite3_prepare_v2(
      connection,
      "INSERT INTO bench_bare_insert (advisor_id, starts_at, reference) VALUES (1, ?, ?)",
      -1, &statement, nil)
    defer { sqlite3_finalize(statement) }
    var samples: [Double] = []
    let began = Clock.milliseconds()
    for index in 0..<count {
      let elapsed = Clock.measure {
        sqlite3_exec(connection, "BEGIN IMMEDIATE", nil, nil, nil)
        sqlite3_bind_double(statement, 1, Double(index))
        sqlite3_bind_text(statement, 2, "BARE\(index)", -1, bareTransient)
        sqlite3_step(statement)
        sqlite3_reset(statement)
        sqlite3_exec(connection, "COMMIT", nil, nil, nil)
      }
      samples.append(elapsed)
    }
    let wall = Clock.milliseconds() - began
    return BenchResult(
      name: "booking_bare_sqlite_insert", unit: "ms", samples: samples,
      extra: [
        "inserts_per_s": .number((Double(count) / wall * 1000).rounded()),
        "processes": .number(1),
      ])
  }

}

/// What the booking benches book against: a desk, a structure of one territory, a visit and its consent.
struct BookingBenchDesk {
  var structureID: Int64
  var territoryID: Int64
  var visitID: Int64
  var consentID: Int64
  var deskID: Int64

  static func make(_ database: AppDatabase, kind: OperatorKind = .missionLocale) throws
    -> BookingBenchDesk
  {
    let workplace = try database.workplace(siteName: "Banc d'essai", deskName: "Poste 1")
    guard let territoryID = try database.territories().first?.id else {
      throw BenchFailure("aucun territoire")
    }
    let structure = try database.saveOperatorStructure(
      OperatorStructure(
        kind: kind, name: "Structure de mesure", phone: "04 00 00 00 00",
        territoryIDs: [territoryID]),
      by: .commandLine)
    guard let structureID = structure.id else { throw BenchFailure("structure sans numéro") }
    let visit = try database.save(
      Visit(
        siteID: workplace.siteID, deskID: workplace.deskID, arrivedAt: Date(),
        publicCategory: .jobSeeker, territoryID: territoryID, requestKinds: [.jobSearch],
        day: LocalDate(Date()).number), by: .commandLine)
    guard let visitID = visit.id else { throw BenchFailure("visite sans numéro") }
    let consent = try database.recordConsent(
      visitID: visitID, textVersion: database.consentText().version,
      recipientStructureID: structureID, deskID: workplace.deskID, by: .commandLine)
    guard let consentID = consent.id else { throw BenchFailure("consentement sans numéro") }
    return BookingBenchDesk(
      structureID: structureID, territoryID: territoryID, visitID: visitID, consentID: consentID,
      deskID: workplace.deskID)
  }

  /// An advisor open every day 08:00–20:00 in 5-minute slots from tomorrow, for a year.
  func newAdvisor(
    _ database: AppDatabase, structureID: Int64? = nil, slotMinutes: Int = 5,
    hours: (Int, Int) = (8, 20), weekdays: Set<Weekday> = Set(Weekday.allCases)
  ) throws -> Int64 {
    let advisor = try database.saveAdvisor(
      Advisor(structureID: structureID ?? self.structureID, displayName: "Conseiller de mesure"),
      by: .commandLine)
    guard let advisorID = advisor.id else { throw BenchFailure("conseiller sans numéro") }
    let tomorrow = LocalDate(Date()).adding(days: 1)
    _ = try database.saveOpeningRule(
      OpeningRule(
        advisorID: advisorID, weekdays: weekdays, start: TimeOfDay(hour: hours.0)!,
        end: TimeOfDay(hour: hours.1)!, slotMinutes: slotMinutes, validFrom: tomorrow,
        validTo: tomorrow.adding(days: 365)), by: .commandLine)
    return advisorID
  }

  /// The first `count` free slots of the advisor within `days` from tomorrow, as the desks would see them.
  func slots(_ database: AppDatabase, advisorID: Int64, count: Int, days: Int = 40) throws -> [Slot]
  {
    let from = LocalClock.startOfDay(LocalDate(Date()).adding(days: 1))
    let slots = try database.freeSlots(
      advisorID: advisorID, from: from, to: from.addingTimeInterval(Double(days) * 86_400))
    return Array(slots.prefix(count))
  }
}

/// SQLite's SQLITE_TRANSIENT destructor (a C macro Swift cannot import).
private let bareTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
