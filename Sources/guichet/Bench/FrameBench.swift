import Foundation
import GuichetConsole
import GuichetCore
import GuichetTerminal
import GuichetUI

/// reduce + render + blit of the visit form per keystroke, through real ncurses drawing into /dev/null;
/// then the peak memory of the process.
enum FrameBench {
  static let measure = BenchMeasure(name: "frame") { _ in
    var results: [BenchResult] = []
    for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
      results.append(try run(size: size, keystrokes: 3_000))
    }
    results.append(memory())
    return results
  }

  /// A realistic coding session: open a visit, tick requests, filter, pick a commune, close, again.
  static let script: [Key] =
    [.char("n"), .char("1"), .char("4"), .down, .down, .char(" "), .enter, .char("4"), .char("3")]
    + "chambe".map { Key.char($0) } + [
      .down, .up, .enter, .down, .down, .up, .char("1"), .function(2),
    ]

  static func run(size: Size, keystrokes: Int) throws -> BenchResult {
    let terminal = try Terminal.offscreen(size: size)
    defer { terminal.stop() }
    let workplace = Workplace(siteID: 1, siteName: "Banc d'essai", deskID: 1, deskName: "Poste 1")
    let context = AppContext(
      workplace: workplace, now: Date(), territoryNames: [1: "Chambéry", 2: "Loire Centre"])
    var state = AppState(context: context, size: size, session: KeyFuzzer.agentSession)
    let matches = [
      CommuneMatch(
        commune: Commune(inseeCode: "73065", name: "Chambéry", bassinCode: "8215"),
        territory: Territory(id: 1, name: "Chambéry")),
      CommuneMatch(
        commune: Commune(inseeCode: "42044", name: "Chambéon", bassinCode: "8211"),
        territory: Territory(id: 2, name: "Loire Centre")),
    ]
    var samples: [Double] = []
    var reduceSamples: [Double] = []
    var renderSamples: [Double] = []
    var blitSamples: [Double] = []
    samples.reserveCapacity(keystrokes)
    for index in 0..<(keystrokes + 200) {
      let key = script[index % script.count]
      let start = Clock.milliseconds()
      let effect = App.reduce(&state, .key(key))
      // Stand-in services answer at once, so the frame holds what the agent would see.
      for action in fakeResults(effect, matches: matches, visitID: Int64(index)) {
        _ = App.reduce(&state, action)
      }
      let reduced = Clock.milliseconds()
      let canvas = App.render(state)
      let rendered = Clock.milliseconds()
      terminal.draw(canvas)
      let end = Clock.milliseconds()
      guard index >= 200 else { continue }  // the first frames warm caches up
      samples.append(end - start)
      reduceSamples.append(reduced - start)
      renderSamples.append(rendered - reduced)
      blitSamples.append(end - rendered)
    }
    return BenchResult(
      name: "frame", unit: "ms", samples: samples,
      extra: [
        "width": .number(Double(size.width)), "height": .number(Double(size.height)),
        "target_p99_ms": .number(1), "screen": .text("visit_form"),
        "reduce_p99": .number(Percentile.of(reduceSamples, 0.99)),
        "render_p99": .number(Percentile.of(renderSamples, 0.99)),
        "blit_p99": .number(Percentile.of(blitSamples, 0.99)),
        "render_p50": .number(Percentile.of(renderSamples, 0.50)),
        "blit_p50": .number(Percentile.of(blitSamples, 0.50)),
      ])
  }

  static func fakeResults(_ effect: Effect, matches: [CommuneMatch], visitID: Int64) -> [AppAction]
  {
    switch effect {
    case .batch(let effects):
      return effects.flatMap { fakeResults($0, matches: matches, visitID: visitID) }
    case .searchCommunes(let query): return [.communesFound(query: query, matches: matches)]
    case .save(var visit):
      visit.id = visitID
      return [.visitSaved(visit)]
    default: return []
    }
  }

  /// Peak resident memory of this process (VmHWM), after the frame runs.
  static func memory() -> BenchResult {
    let megabytes = peakResidentMegabytes()
    return BenchResult(
      name: "memory", unit: "MB", samples: [megabytes],
      extra: ["target_mb": .number(60), "during": .text("frame")])
  }

  static func peakResidentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return 0
    }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
      return kilobytes / 1024
    }
    return 0
  }
}
