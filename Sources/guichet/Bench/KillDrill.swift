import Foundation
import GuichetCore
import GuichetProcess
import GuichetStore

#if canImport(Glibc)
  import Glibc
#endif

/// Rounds of a few `guichet selftest-writer` processes killed with SIGKILL at random moments. Each writer
/// writes visits and books appointments; the writers of a round start from the same slot, so they race
/// for it. After each round the file must pass `integrity_check`, hold every write a writer logged as
/// acknowledged (visits and bookings, each booking with its contact), hold no slot booked twice, and hold
/// no contact without an appointment.
enum KillDrill {
  struct Figures {
    var rounds = 0
    var killed = 0
    var acknowledgedVisits = 0
    var acknowledgedBookings = 0
    var lostVisits = 0
    var lostBookings = 0
    var doubleBookings = 0
    var orphanContacts = 0
    var lostContacts = 0
    var integrityFailures = 0
    /// Writers that died on their own (not by our SIGKILL), or exited with an error.
    var crashes = 0

    var acknowledged: Int { acknowledgedVisits + acknowledgedBookings }
    var lost: Int { lostVisits + lostBookings }
  }

  /// What a round needs to book: the structure the consent names and the list of its advisor's slots.
  struct BookingSetup {
    var structureID: Int64
    var slotsFile: String
    var slotCount: Int
  }

  /// Slots a round's writers may use before the next round's start; more than a round ever books.
  static let slotsPerRound = 150

  static func run(rounds: Int, writers: Int, folder: URL) throws -> Figures {
    let database = folder.appendingPathComponent("drill.sqlite").path
    let binary = ColdStartBench.executablePath()
    var arrived = Set<Int64>()
    var closed = Set<Int64>()
    var booked = Set<String>()
    var figures = Figures()
    // The first writer creates the file, so rounds kill writers at work rather than at creation.
    let setupLog = folder.appendingPathComponent("setup.log").path
    guard
      try ColdStartBench.spawnAndWait(writer(binary, database, setupLog, "0") + ["--count", "1"])
        == 0
    else { throw BenchFailure("le premier écrivain a échoué") }
    let setup = try prepareBookings(database, rounds: rounds, folder: folder)
    for round in 0..<rounds {
      var children: [pid_t] = []
      var logs: [String] = []
      let offset = (round * slotsPerRound) % max(1, setup.slotCount)
      for index in 0..<writers {
        let log = folder.appendingPathComponent("round\(round)-\(index).log").path
        logs.append(log)
        children.append(
          try ColdStartBench.start(
            writer(binary, database, log, "\(index)") + [
              "--slots", setup.slotsFile, "--offset", "\(offset)",
              "--structure", "\(setup.structureID)",
            ]))
      }
      for child in children.shuffled() {
        usleep(UInt32.random(in: 50_000...400_000))
        kill(child, SIGKILL)
      }
      for child in children {
        let status = ChildProcess.wait(child)
        if (status & 0x7f) == SIGKILL { figures.killed += 1 } else { figures.crashes += 1 }
      }
      for log in logs {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
          let parts = line.split(separator: " ")
          guard parts.count == 2 else { continue }
          switch parts[0] {
          case "b":
            figures.acknowledgedBookings += 1
            booked.insert(String(parts[1]))
          case "a", "c":
            guard let id = Int64(parts[1]) else { continue }
            figures.acknowledgedVisits += 1
            if parts[0] == "a" { arrived.insert(id) } else { closed.insert(id) }
          default: continue
          }
        }
      }
      let outcome = try DrillCheck.verify(
        path: database, arrived: arrived, closed: closed, booked: booked)
      figures.rounds += 1
      figures.lostVisits = outcome.lostVisits
      figures.lostBookings = outcome.lostBookings
      figures.doubleBookings = outcome.doubleBookings
      figures.orphanContacts = outcome.orphanContacts
      figures.lostContacts = outcome.lostContacts
      if !outcome.integrityProblems.isEmpty { figures.integrityFailures += 1 }
    }
    return figures
  }

  /// A structure with one advisor open every day 08:00–20:00 in 5-minute slots, one person a slot, and
  /// enough of those slots in a file for every round.
  static func prepareBookings(_ path: String, rounds: Int, folder: URL) throws -> BookingSetup {
    let database = try AppDatabase.open(path: path, bundledReference: false)
    let desk = try BookingBenchDesk.make(database)
    let advisorID = try desk.newAdvisor(database)
    let wanted = rounds * slotsPerRound
    let slots = try desk.slots(
      database, advisorID: advisorID, count: wanted, days: min(360, wanted / 144 + 2))
    let file = folder.appendingPathComponent("slots.txt").path
    try SlotListFile.write(slots, to: file)
    return BookingSetup(structureID: desk.structureID, slotsFile: file, slotCount: slots.count)
  }

  static func writer(_ binary: String, _ database: String, _ log: String, _ desk: String)
    -> [String]
  {
    [binary, "selftest-writer", "--database", database, "--log", log, "--desk", "Poste \(desk)"]
  }
}
