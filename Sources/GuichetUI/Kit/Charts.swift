/// Terminal charts from block characters, with an ASCII rendering for terminals whose font lacks them
/// (the Linux console, vt100) or when GUICHET_ASCII is set. Every glyph here is one column wide.
public enum Charts {
  static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
  static let levels = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
  static let asciiLevels = ["_", ".", ",", ":", "-", "=", "+", "#"]

  /// A horizontal bar of `value / maximum` over `width` columns, to the eighth of a column.
  public static func bar(_ value: Int, of maximum: Int, width: Int, ascii: Bool) -> String {
    guard maximum > 0, width > 0, value > 0 else { return "" }
    let eighthsTotal = max(1, Int((Double(value) / Double(maximum) * Double(width * 8)).rounded()))
    if ascii { return String(repeating: "#", count: max(1, (eighthsTotal + 4) / 8)) }
    return String(repeating: "█", count: eighthsTotal / 8) + eighths[eighthsTotal % 8]
  }

  /// One character per bucket of consecutive values (summed), scaled to the highest bucket; blank for zero.
  public static func sparkline(_ values: [Int], width: Int, ascii: Bool) -> String {
    guard width > 0, !values.isEmpty else { return "" }
    let bucketSize = (values.count + width - 1) / width
    let buckets = stride(from: 0, to: values.count, by: bucketSize).map {
      values[$0..<min(values.count, $0 + bucketSize)].reduce(0, +)
    }
    let top = buckets.max() ?? 0
    let glyphs = ascii ? asciiLevels : levels
    return buckets.map { value -> String in
      guard top > 0, value > 0 else { return " " }
      return glyphs[min(7, (value * 8 - 1) / top)]
    }.joined()
  }

  /// True when block characters should be avoided: GUICHET_ASCII=1, or a terminal known to lack them.
  public static func prefersASCII(environment: [String: String]) -> Bool {
    if let forced = environment["GUICHET_ASCII"], !forced.isEmpty { return forced != "0" }
    let term = environment["TERM"] ?? ""
    return term == "linux" || term.hasPrefix("vt")
  }
}
