/// SplitMix64: small, fast and the same on every machine, so a seed always gives the same demonstration data.
struct DemoRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

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

private func log(_ x: Double) -> Double {
  // Natural logarithm without Foundation: ln(x) = ln(m·2^e) with a short series on m in [1, 2).
  var exponent = 0
  var mantissa = x
  while mantissa >= 2 {
    mantissa /= 2
    exponent += 1
  }
  while mantissa < 1 {
    mantissa *= 2
    exponent -= 1
  }
  let y = (mantissa - 1) / (mantissa + 1)
  let y2 = y * y
  var term = y
  var sum = 0.0
  for k in stride(from: 1, through: 39, by: 2) {
    sum += term / Double(k)
    term *= y2
  }
  return 2 * sum + Double(exponent) * 0.693_147_180_559_945_3
}
