import Foundation
import GuichetCore
import GuichetUI

/// Random keys, pastes and resizes (1×1 to 300×100) through `App.reduce`, with stand-in results for the
/// visit effects and a render every `renderEvery` events; counts broken invariants (focus outside the
/// form, a canvas of the wrong size, a cursor off the canvas, a control character drawn).
/// `KeyFuzzTests` asserts the same invariants on a fixed seed; this one gives the figure for `bench`.
enum KeyFuzz {
  struct Figures {
    var events = 0
    var renders = 0
    var violations = 0
  }

  static func run(events: Int, renderEvery: Int, seed: UInt64) -> Figures {
    var random = SeededRandom(state: seed)
    let context = AppContext(
      workplace: Workplace(siteID: 1, siteName: "Site", deskID: 1, deskName: "Poste"),
      now: Date(), territoryNames: [7: "Chambéry"])
    var state = AppState(context: context, size: Size(width: 80, height: 24))
    var figures = Figures()
    var nextID: Int64 = 0
    for step in 0..<events {
      var pending: [AppAction] = [
        Int.random(in: 0..<40, using: &random) == 0
          ? .resized(
            Size(
              width: .random(in: 1...300, using: &random),
              height: .random(in: 1...100, using: &random)))
          : .key(randomKey(&random))
      ]
      while !pending.isEmpty {
        let effect = App.reduce(&state, pending.removeFirst())
        if effect == .quit || state.quitting {
          state = AppState(context: context, size: state.size)
          break
        }
        pending += results(of: effect, nextID: &nextID, now: context.now)
      }
      figures.events += 1
      if case .visitForm(let form) = state.top, !form.activeFields.contains(form.focus) {
        figures.violations += 1
      }
      if step % renderEvery == 0 {
        figures.renders += 1
        let canvas = App.render(state)
        let size = state.size
        let cursorInside = canvas.cursor.map {
          (0..<size.width).contains($0.x) && (0..<size.height).contains($0.y)
        }
        if canvas.cells.count != size.width * size.height || cursorInside == false
          || canvas.cells.contains(where: {
            $0.text.unicodeScalars.contains { !SafeText.isAllowed($0) }
          })
        {
          figures.violations += 1
        }
      }
    }
    return figures
  }

  static let pieces = [
    "é", "Œ", "漢", "😀", "e\u{301}", "\u{1B}", "\u{7}", "\u{9B}", "\u{202E}", "\0",
  ]
  static let named: [Key] = [
    .enter, .tab, .backTab, .backspace, .delete, .escape, .up, .down, .left, .right, .home, .end,
    .pageUp, .pageDown,
  ]

  static func randomKey(_ random: inout SeededRandom) -> Key {
    switch Int.random(in: 0..<20, using: &random) {
    case 0..<6: .char(Character(UnicodeScalar(UInt8.random(in: 0x20...0x7E, using: &random))))
    case 6..<8: .char(Character(pieces.randomElement(using: &random)!))
    case 8: .function(.random(in: 1...12, using: &random))
    case 9: .ctrl(Character(UnicodeScalar(UInt8.random(in: 0x61...0x7A, using: &random))))
    case 10:
      .paste(
        (0..<Int.random(in: 0...40, using: &random)).map { _ in
          pieces.randomElement(using: &random)!
        }.joined())
    default: named.randomElement(using: &random)!
    }
  }

  /// What live services would answer, without a database; effects not listed here answer nothing.
  static func results(of effect: Effect, nextID: inout Int64, now: Date) -> [AppAction] {
    switch effect {
    case .batch(let effects): return effects.flatMap { results(of: $0, nextID: &nextID, now: now) }
    case .loadCounters: return [.countersLoaded(DayCounters(desk: VisitCounts(closed: 2)))]
    case .registerArrival(let channel):
      nextID += 1
      return [
        .arrivalRegistered(
          Visit(id: nextID, siteID: 1, deskID: 1, channel: channel, arrivedAt: now, day: 20_261_130)
        )
      ]
    case .save(var visit), .startService(var visit):
      nextID += 1
      visit.id = visit.id ?? nextID
      if case .startService = effect { return [.serviceStarted(visit)] }
      return nextID % 7 == 0
        ? [.failed(UserError("Base occupée, réessayez."))] : [.visitSaved(visit)]
    case .searchCommunes(let query):
      let match = CommuneMatch(
        commune: Commune(inseeCode: "73065", name: "Chambéry", bassinCode: "8215"),
        territory: Territory(id: 7, name: "Chambéry"))
      return [.communesFound(query: query, matches: [match])]
    default: return []
    }
  }
}

/// SplitMix64, so a run can be replayed from its seed.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
