import Foundation
import GuichetCore
import GuichetUI

enum Fixture {
  /// Monday 30 November 2026, 10:15 in Paris.
  static let now = Date(timeIntervalSince1970: 1_796_030_100)
  static let workplace = Workplace(
    siteID: 1, siteName: "CIO Chambéry", deskID: 2, deskName: "Poste 1")
  static let context = AppContext(
    workplace: workplace, now: now, territoryNames: [7: "Chambéry", 8: "Annecy"])

  static func visit(
    id: Int64?, minutesAgo: Double, started: Bool = false, closed: Bool = false,
    requests: [RequestKind] = []
  ) -> Visit {
    let arrived = now.addingTimeInterval(-minutesAgo * 60)
    return Visit(
      id: id, siteID: 1, deskID: 2, arrivedAt: arrived,
      startedAt: started ? arrived.addingTimeInterval(120) : nil,
      closedAt: closed ? arrived.addingTimeInterval(600) : nil, requestKinds: requests,
      outcome: closed ? .information : nil, day: 20_261_130)
  }

  /// The reception agent every screen test is signed in as (the login screen has its own tests).
  static let agent = Account(
    id: 1, login: "agent", role: .agent, structureID: nil, isDisabled: false, lockedUntil: nil,
    createdAt: now)

  /// One account per role; the advisor belongs to structure 5.
  static func account(_ role: Role) -> Account {
    role == .agent
      ? agent
      : Account(
        id: 10 + Int64(Role.allCases.firstIndex(of: role) ?? 0), login: role.rawValue, role: role,
        structureID: role == .advisor ? 5 : nil, isDisabled: false, lockedUntil: nil,
        createdAt: now)
  }

  static func app(size: Size = Size(width: 80, height: 24), as role: Role = .agent) -> AppState {
    AppState(context: context, size: size, session: .signedIn(account(role)))
  }

  /// Feeds keys through the app reducer, collecting the runtime effects.
  @discardableResult
  static func send(_ keys: [Key], to state: inout AppState) -> [Effect] {
    keys.map { App.reduce(&state, .key($0)) }
  }

  static func chars(_ text: String) -> [Key] { text.map { Key.char($0) } }
}

/// Compares a canvas with `__Snapshots__/<name>.txt`; `UPDATE_SNAPSHOTS=1 swift test` records them anew.
func snapshotMismatch(_ canvas: Canvas, named name: String, filePath: String = #filePath) -> String?
{
  let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(
    "__Snapshots__")
  let file = directory.appendingPathComponent("\(name).txt")
  let actual = canvas.text + "\n"
  let record = ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1"
  if record || !FileManager.default.fileExists(atPath: file.path) {
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try? actual.write(to: file, atomically: true, encoding: .utf8)
    return record ? nil : "Snapshot \(name) was missing and has been recorded; run the tests again."
  }
  let expected = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
  return expected == actual
    ? nil : "Snapshot \(name) differs:\n--- expected\n\(expected)\n--- actual\n\(actual)"
}
