/// Incremental UTF-8 decoding that drops invalid bytes instead of substituting U+FFFD, so one bad byte
/// costs nothing but itself and the next key still decodes.
struct UTF8Scanner: Sendable {
  private var scalar: UInt32 = 0
  private var remaining = 0
  private var lower: UInt8 = 0x80
  private var upper: UInt8 = 0xBF

  var isMidSequence: Bool { remaining > 0 }

  mutating func reset() {
    remaining = 0
  }

  /// Returns the scalar this byte completes, or nil when it starts, continues or breaks a sequence.
  mutating func feed(_ byte: UInt8) -> Unicode.Scalar? {
    if remaining > 0 {
      if (lower...upper).contains(byte) {
        scalar = scalar << 6 | UInt32(byte & 0x3F)
        remaining -= 1
        lower = 0x80
        upper = 0xBF
        return remaining == 0 ? Unicode.Scalar(scalar) : nil
      }
      // The sequence was cut short: drop it and read this byte afresh.
      remaining = 0
    }
    lower = 0x80
    upper = 0xBF
    switch byte {
    case 0x00...0x7F:
      return Unicode.Scalar(byte)
    case 0xC2...0xDF:
      start(byte & 0x1F, remaining: 1)
    case 0xE0:
      start(byte & 0x0F, remaining: 2)
      lower = 0xA0  // no overlong forms
    case 0xED:
      start(byte & 0x0F, remaining: 2)
      upper = 0x9F  // no surrogates
    case 0xE1...0xEF:
      start(byte & 0x0F, remaining: 2)
    case 0xF0:
      start(byte & 0x07, remaining: 3)
      lower = 0x90
    case 0xF1...0xF3:
      start(byte & 0x07, remaining: 3)
    case 0xF4:
      start(byte & 0x07, remaining: 3)
      upper = 0x8F  // nothing past U+10FFFF
    default:
      break  // a stray continuation byte, C0, C1 or F5…FF: never valid here
    }
    return nil
  }

  /// Decodes a whole buffer, dropping whatever is not valid UTF-8.
  static func scalars(of bytes: some Sequence<UInt8>) -> [Unicode.Scalar] {
    var scanner = UTF8Scanner()
    var result: [Unicode.Scalar] = []
    for byte in bytes {
      if let scalar = scanner.feed(byte) { result.append(scalar) }
    }
    return result
  }

  private mutating func start(_ bits: UInt8, remaining: Int) {
    scalar = UInt32(bits)
    self.remaining = remaining
  }
}
