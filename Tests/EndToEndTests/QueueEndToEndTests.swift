import Foundation
import GRDB
import GuichetCore
import GuichetStore
import Testing

/// The walk-in queue in the real console: an arrival nobody took is gone the next morning, counted
/// « parti sans être reçu » in its own day with no wait; and the same by hand, with its confirmation.
@Suite(.serialized) struct QueueEndToEndTests {
  static let evening = 20_261_202

  @Test func anArrivalNeverTakenIsClosedWhenTheConsoleStartsNextMorning() throws {
    let evening = try TmuxConsole(environment: ["GUICHET_NOW": "2026-12-02T16:40"])
    try evening.waitFor("Nouvelle visite (au guichet)")
    try evening.press("a")
    try evening.waitFor("Arrivée enregistrée à 16:40 : n° 1.")
    try evening.waitFor("File d'attente (1)")
    try evening.press("F10")
    try evening.waitFor("__EXIT__0")

    let morning = try TmuxConsole(
      environment: ["GUICHET_NOW": "2026-12-03T08:55"], sharing: evening)
    let home = try morning.waitFor("Nouvelle visite (au guichet)")
    #expect(home.contains("File d'attente (0)"))
    #expect(home.contains("Personne en attente."))
    #expect(!home.contains(" h "), "no wait of a night on the home panel")
    try morning.press("f")
    let queue = try morning.waitFor("0 en attente, 0 en cours")
    #expect(queue.contains("Personne en attente."))
    try morning.press("Escape", "F10")
    try morning.waitFor("__EXIT__0")

    let database = try AppDatabase.open(path: evening.databasePath)
    let row = try #require(
      try database.writer.read { db in
        try Row.fetchOne(
          db,
          sql: "SELECT outcome, started_at, closed_at, ticket, day FROM visit WHERE id = 1")
      })
    #expect(row["outcome"] as String? == Outcome.leftUnseen.rawValue)
    #expect((row["started_at"] as Date?) == nil)
    #expect(row["ticket"] as Int? == 1)
    let closed = try #require(row["closed_at"] as Date?)
    #expect(Day.number(of: closed) == Self.evening, "closed within its own day")
    let workplace = try #require(try database.workplaces().first)
    let day = try database.counters(for: workplace, day: Self.evening)
    #expect(day.site == VisitCounts(leftUnseen: 1))
    let figures = try database.supervisionFigures(
      period: SupervisionPeriod(.day, containing: LocalDate(number: Self.evening)!),
      by: .commandLine)
    #expect(
      figures.breakdowns[.outcome]?.first { $0.code == Outcome.leftUnseen.rawValue }?.count == 1)
    #expect(figures.wait.minutes.total == 0, "no 40-hour wait")
  }

  @Test func aPersonWhoLeftIsTakenOutOfTheQueueByHandAfterO() throws {
    let console = try TmuxConsole(environment: ["GUICHET_NOW": "2026-12-03T10:30"])
    try console.waitFor("Nouvelle visite (au guichet)")
    try console.press("a")
    try console.waitFor("File d'attente (1)")
    try console.press("f")
    try console.waitFor("1 en attente, 0 en cours")
    try console.press("p")
    try console.waitFor("partie sans être reçue ? O pour confirmer")
    try console.press("o")
    try console.waitFor("0 en attente, 0 en cours")
    try console.press("Escape")
    let home = try console.waitFor("File d'attente (0)")
    #expect(home.contains("Non reçus       1"))
    try console.press("F10")
    try console.waitFor("__EXIT__0")
  }
}
