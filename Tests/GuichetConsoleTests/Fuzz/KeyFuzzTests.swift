import Foundation
import GuichetCore
import Testing

@testable import GuichetConsole
@testable import GuichetUI

/// Random keys, pastes and resizes through the app reducer and renderer on every screen, answered by the
/// real effect interpreter over `FakeServices` (the same driver `guichet bench` runs a million times in release): nothing crashes, the focus
/// stays valid, nothing is drawn outside the canvas, and no control character reaches the state or the canvas.
@Suite struct KeyFuzzTests {
  static let context = AppContext(
    workplace: Workplace(siteID: 1, siteName: "CIO Chambéry", deskID: 2, deskName: "Poste 1"),
    now: Date(timeIntervalSince1970: 1_796_030_100), territoryNames: [7: "Chambéry"])

  @Test func randomInputOnEveryScreenKeepsEveryInvariant() {
    let figures = KeyFuzzer.run(events: 6_000, checkEvery: 4, seed: 20_261_129)
    #expect(figures.events == 6_000)
    #expect(figures.violations == 0, "\(figures.firstViolations)")
    let expected = KeyFuzzer.entryScreens()
    #expect(expected.count >= 24, "one entry route per kind of screen: \(expected.sorted())")
    // Every screen entered in the registry's direct routes is among them, without being listed here.
    for route in Route.direct {
      let app = AppState(
        context: Self.context, size: Size(width: 80, height: 24),
        session: KeyFuzzer.session(.administrator))
      #expect(expected.contains(KeyFuzzer.name(of: App.makeScreen(route, state: app))), "\(route)")
    }
    let visited = Set(figures.screens.keys)
    #expect(
      expected.isSubset(of: visited), "never fuzzed: \(expected.subtracting(visited).sorted())")
    // Keys alone (no entry route) must also leave the home screen, or the run would fuzz little.
    #expect(figures.screens["home", default: 0] < figures.events / 2)
  }

  /// The agenda's list changes under the selection (other structure, day, advisor, another desk's write): the
  /// full million-event run found a selection left past the end, which 6,000 events over every screen never
  /// reached. A run aimed at the agenda alone reaches those states.
  @Test func randomInputOnTheAgendaKeepsItsSelectionOnTheList() {
    let figures = KeyFuzzer.run(events: 20_000, checkEvery: 20, seed: 972_713, entries: [[.agenda]])
    #expect(figures.violations == 0, "\(figures.firstViolations)")
    // Most events land on the agenda (the rest on what it opens and the keys that leave it).
    #expect(figures.screens["agenda", default: 0] > 20_000 / 3)
  }

  @Test func theStateCheckFindsAControlCharacterAnywhere() {
    var state = AppState(
      context: Self.context, size: Size(width: 80, height: 24),
      session: KeyFuzzer.agentSession)
    #expect(!StateText.hasControl(state))
    _ = App.reduce(&state, .key(.char("r")))
    guard case .search(var search) = state.top else {
      Issue.record("« r » should open the search screen")
      return
    }
    search.query = "abc\u{1B}]52;c;"
    state.screens[state.screens.count - 1] = .search(search)
    #expect(StateText.hasControl(state))
  }
}
