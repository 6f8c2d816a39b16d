import Foundation
import GRDB
import GuichetCore
import GuichetStore
import Testing

/// The real binary in tmux: what only a real terminal can show (ncurses, locale, keys, resize, signals).
@Suite(.serialized) struct ConsoleEndToEndTests {
  @Test func logsACompleteVisitFromHomeAndQuits() throws {
    let console = try TmuxConsole()
    try console.waitFor("Nouvelle visite (au guichet)")
    try console.startVisit()
    try console.press("1", "Enter", "4", "3")
    try console.chooseCommune("annecy", "Annecy")
    try console.closeVisit(1)
    try console.quit()
    #expect(try !console.alternateScreenOn())

    let database = try AppDatabase.open(path: console.databasePath)
    let rows = try database.writer.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT v.public_category, v.age_band, v.outcome, v.closed_at IS NOT NULL AS closed, t.name AS territory,
                 (SELECT group_concat(request_kind) FROM visit_request WHERE visit_id = v.id) AS requests
          FROM visit v LEFT JOIN territory t ON t.id = v.territory_id
          """)
    }
    #expect(rows.count == 1)
    let row = try #require(rows.first)
    #expect(row["public_category"] as String == "job_seeker")
    #expect(row["age_band"] as String == "16_25")
    #expect(row["outcome"] as String == "information")
    #expect(row["closed"] as Bool == true)
    #expect(row["requests"] as String == "job_information")
    #expect((row["territory"] as String?)?.contains("Annecy") == true)
  }

  @Test func resizeShowsTheMessageThenRestoresTheLayout() throws {
    let console = try TmuxConsole()
    try console.waitFor("Nouvelle visite (au guichet)")
    try console.resize(width: 60, height: 20)
    let small = try console.waitFor("Agrandissez la fenêtre")
    #expect(small.contains("60×20"))
    try console.resize(width: 100, height: 30)
    let restored = try console.waitFor("Nouvelle visite (au guichet)")
    #expect(!restored.contains("Agrandissez"))
    #expect(restored.contains("File d'attente"))
    try console.press("C-q")
    try console.waitFor("__EXIT__0")
  }

  @Test func hostileInputNeverReachesTheScreenAndTheConsoleStaysAlive() throws {
    let console = try TmuxConsole()
    try console.openCommuneField()
    // Invalid UTF-8, Ctrl-C, Ctrl-Z, Ctrl-\, an OSC 52 clipboard write and a clear-screen, pasted into the field.
    let osc52 = Array("\u{1B}]52;c;cGlyYXRl\u{07}".utf8)
    let clear = Array("\u{1B}[2J".utf8)
    try console.paste(
      [0x4C, 0xFF, 0xC3, 0x28, 0x03, 0x1A, 0x1C] + osc52 + clear + Array("yon".utf8))
    try console.type("x")
    // 0xC3 0x28 is an invalid pair: the lead byte is dropped and « ( » is a real character.
    let screen = try console.waitFor("Commune : L(yonx")
    #expect(!screen.contains("52;c"))
    #expect(!screen.contains("[2J"))
    // Raw bytes outside a paste: invalid UTF-8, Ctrl-Z and Ctrl-\ are dropped, the next key still echoes.
    try console.sendBytes([0xFF, 0xFE, 0x1A, 0x1C, 0xC3])
    try console.type("z")
    try console.waitFor("yonxz")
    #expect(try !console.buffers().contains { $0 != "e2e" })
    try console.press("Escape", "F10")
    try console.waitFor("__EXIT__0")
    #expect(try !console.alternateScreenOn())
  }

  @Test(arguments: [("TERM", Int32(15)), ("HUP", Int32(1))])
  func signalRestoresTheTerminalAndKeepsSavedVisits(name: String, number: Int32) throws {
    let console = try TmuxConsole()
    try console.waitFor("Nouvelle visite (au guichet)")
    try console.press("n", "2", "F2")
    try console.waitFor("Visite n° 1 clôturée.")
    try console.press("n", "3")
    let pid = try #require(try console.consolePID())
    kill(pid, number)
    try console.waitFor("__EXIT__\(128 + number)")
    #expect(try !console.alternateScreenOn())
    let database = try AppDatabase.open(path: console.databasePath)
    let count = try database.writer.read {
      try Int.fetchOne($0, sql: "SELECT count(*) FROM visit WHERE closed_at IS NOT NULL")
    }
    #expect(count == 1, "signal \(name)")
  }

  @Test func ctrlCQuitsCleanly() throws {
    let console = try TmuxConsole()
    try console.waitFor("Nouvelle visite (au guichet)")
    try console.press("C-c")
    try console.waitFor("__EXIT__0")
    #expect(try !console.alternateScreenOn())
  }

  @Test func nonUTF8LocaleSwitchesToCUTF8() throws {
    let console = try TmuxConsole(environment: ["LANG": "C", "LC_ALL": "C"])
    try console.waitFor("Nouvelle visite (au guichet)")
    try console.startVisit()
    try console.press("Tab", "Tab", "Tab")
    try console.type("chambéry")
    try console.waitFor("Commune : chambéry")
    try console.waitFor("Chambéry — ")
    try console.press("Escape")
    try console.press("F10")
    try console.waitFor("__EXIT__")
  }
}
