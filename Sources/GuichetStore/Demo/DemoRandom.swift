import Foundation
import GuichetCore

/// The draws demonstration data needs, on `SeededRandom`, so a seed always gives the same demonstration data.
struct DemoRandom {
  private var generator: SeededRandom

  /// The first step is taken here, as the demo always has: the same seed keeps giving the same data.
  init(seed: UInt64) { generator = SeededRandom(state: seed &+ 0x9E37_79B9_7F4A_7C15) }

  mutating func next() -> UInt64 { generator.next() }

  /// Uniform in 0..<1.
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

  mutating func int(_ range: Range<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  mutating func chance(_ probability: Double) -> Bool { unit() < probability }

  /// One of the values, drawn with the given weights.
  mutating func pick<T>(_ weighted: [(T, Double)]) -> T {
    let total = weighted.reduce(0) { $0 + $1.1 }
    var draw = unit() * total
    for (value, weight) in weighted {
      draw -= weight
      if draw < 0 { return value }
    }
    return weighted[weighted.count - 1].0
  }

  /// Exponential with the given mean, for waits and delays.
  mutating func exponential(mean: Double) -> Double {
    -mean * log(max(1e-12, 1 - unit()))
  }
}
