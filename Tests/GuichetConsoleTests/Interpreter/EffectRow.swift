import Foundation
import GuichetCore
import GuichetUI
import Testing

@testable import GuichetConsole

/// One effect as the real interpreter runs it over fresh `FakeServices`: the services it must call (each
/// once), what it must answer, and what it answers on a read-only file (`refused`, nil for a read, which goes
/// through unchanged). Each feature's file adds its rows; `EffectRow.all` gathers them.
struct EffectRow: Sendable, CustomTestStringConvertible {
  var effect: Effect
  var calls: [String]
  var check: @Sendable ([AppAction], FakeData) -> Bool
  var refused: (@Sendable (UserError) -> [AppAction])?
  /// The calls still made on a read-only file (the reads of a batch).
  var readOnlyCalls: [String] = []

  /// A row whose answer is known exactly from the fake's data.
  init(
    _ effect: Effect, calls: [String], answers: @escaping @Sendable (FakeData) -> [AppAction],
    refused: (@Sendable (UserError) -> [AppAction])? = nil
  ) {
    self.effect = effect
    self.calls = calls
    self.check = { actions, data in actions == answers(data) }
    self.refused = refused
  }

  /// A row whose answer holds generated values (references): checked by `matching`.
  init(
    _ effect: Effect, calls: [String],
    matching: @escaping @Sendable ([AppAction], FakeData) -> Bool,
    refused: (@Sendable (UserError) -> [AppAction])? = nil
  ) {
    self.effect = effect
    self.calls = calls
    self.check = matching
    self.refused = refused
  }

  var testDescription: String { EffectCase(effect).rawValue }

  static var all: [EffectRow] {
    desk + information + booking + agenda + appointments + admin + dashboard + session + accounts
  }
}

/// The console the rows run in: a desk of site 1 on Monday 30 November 2026, 10:15 in Paris.
enum ConsoleFixture {
  static let now = Date(timeIntervalSince1970: 1_796_030_100)
  static let workplace = Workplace(
    siteID: 1, siteName: "CIO Chambéry", deskID: 2, deskName: "Poste 1")
  static let context = AppContext(workplace: workplace, now: now, territoryNames: [7: "Chambéry"])
  static let data = FakeData(now: now)
  static let reference = try! BookingReference(parsing: "RDV-7K3M-Q9XP")

  static func interpreter(_ services: Services) -> EffectInterpreter {
    EffectInterpreter(services: services, now: { now })
  }

  /// Names counted the way `FakeServices.calls` counts them.
  static func counts(_ names: [String]) -> [String: Int] {
    names.reduce(into: [:]) { $0[$1, default: 0] += 1 }
  }
}
