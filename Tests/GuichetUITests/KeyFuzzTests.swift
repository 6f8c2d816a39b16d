import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

/// Random keys, pastes and resizes through the app reducer and renderer, with stand-in services:
/// nothing crashes, the focus stays valid, and no control character reaches the state or the canvas.
@Suite struct KeyFuzzTests {
  /// SplitMix64: a fixed seed gives the same run everywhere, so a failure can be replayed.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let pieces: [String] = [
    "é", "Œ", "漢", "😀", "e\u{301}", "\u{1B}", "\u{7}", "\u{9B}", "\u{202E}", "\0", "a", "Z", "7",
  ]

  static func randomKey(_ rng: inout Generator) -> Key {
    switch Int.random(in: 0..<20, using: &rng) {
    case 0..<6: return .char(Character(UnicodeScalar(UInt8.random(in: 0x20...0x7E, using: &rng))))
    case 6..<8: return .char(Character(pieces.randomElement(using: &rng)!))
    case 8: return .function(Int.random(in: 1...12, using: &rng))
    case 9: return .ctrl(Character(UnicodeScalar(UInt8.random(in: 0x61...0x7A, using: &rng))))
    case 10:
      let text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
        pieces.randomElement(using: &rng)!
      }.joined()
      return .paste(text)
    default:
      return [
        .enter, .tab, .backTab, .backspace, .delete, .escape, .up, .down, .left, .right, .home,
        .end, .pageUp, .pageDown,
      ]
      .randomElement(using: &rng)!
    }
  }

  static func fakeResults(_ effect: Effect, counter: inout Int64, now: Date) -> [AppAction] {
    switch effect {
    case .batch(let effects):
      return effects.flatMap { fakeResults($0, counter: &counter, now: now) }
    case .loadCounters:
      return [
        .countersLoaded(DayCounters(desk: VisitCounts(closed: 3), site: VisitCounts(waiting: 1)))
      ]
    case .loadQueue: return [.queueLoaded([Fixture.visit(id: 900, minutesAgo: 4)])]
    case .loadTodayVisits:
      return [
        .todayVisitsLoaded([
          Fixture.visit(id: 901, minutesAgo: 30, started: true, closed: true, requests: [.vae])
        ])
      ]
    case .registerArrival:
      counter += 1
      return [.arrivalRegistered(Fixture.visit(id: counter, minutesAgo: 0))]
    case .save(var visit), .startService(var visit):
      counter += 1
      visit.id = visit.id ?? counter
      if case .startService = effect { return [.serviceStarted(visit)] }
      return counter % 7 == 0
        ? [.failed(UserError("Base occupée, réessayez."))] : [.visitSaved(visit)]
    case .searchCommunes(let query):
      return [
        .communesFound(
          query: query,
          matches: [
            CommuneMatch(
              commune: Commune(inseeCode: "73065", name: "Chambéry", bassinCode: "8215"),
              territory: Territory(id: 7, name: "Chambéry"))
          ])
      ]
    default: return []
    }
  }

  static func hasControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { !SafeText.isAllowed($0) }
  }

  /// Every piece of typed text the state can hold.
  static func typedText(_ state: AppState) -> [String] {
    state.screens.flatMap { screen -> [String] in
      guard case .visitForm(let form) = screen else { return [] }
      return [form.communeQuery] + form.lists.values.map(\.filter)
    }
  }

  @Test func randomInputKeepsEveryInvariant() {
    var rng = Generator(state: 20_261_129)
    var state = Fixture.app()
    var counter: Int64 = 0
    var quits = 0
    let events = 12_000
    for step in 0..<events {
      let action: AppAction =
        Int.random(in: 0..<40, using: &rng) == 0
        ? .resized(
          Size(
            width: Int.random(in: 1...300, using: &rng),
            height: Int.random(in: 1...100, using: &rng)))
        : .key(Self.randomKey(&rng))
      var pending = [action]
      while !pending.isEmpty {
        let effect = App.reduce(&state, pending.removeFirst())
        if effect == .quit || state.quitting {
          quits += 1
          let size = state.size
          state = Fixture.app(size: size)
          break
        }
        pending += Self.fakeResults(effect, counter: &counter, now: Fixture.now)
      }
      if case .visitForm(let form) = state.top {
        #expect(form.activeFields.contains(form.focus), "focus lost at step \(step)")
      }
      #expect(!state.screens.isEmpty)
      #expect(
        !Self.typedText(state).contains(where: Self.hasControl),
        "control character kept at step \(step)")
      if step % 4 == 0 {
        let canvas = App.render(state)
        #expect(canvas.cells.count == state.size.width * state.size.height)
        if let cursor = canvas.cursor {
          #expect(
            cursor.x >= 0 && cursor.x < state.size.width && cursor.y >= 0
              && cursor.y < state.size.height)
        }
        #expect(
          !Self.hasControl(canvas.cells.map(\.text).joined()),
          "control character drawn at step \(step)")
      }
    }
    #expect(quits > 0, "the fuzzer should reach the quit keys too")
  }
}
