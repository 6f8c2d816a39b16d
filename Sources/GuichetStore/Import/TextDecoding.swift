/// Decodes the bytes of a published file whatever its encoding: files come as UTF-8 (with or without BOM),
/// Windows-1252, or UTF-8 carrying stray CP1252 bytes or C1 controls (`\x92` for `’`), and users bring the same files.
enum TextDecoding: Sendable {
  /// All bytes decode as UTF-8.
  case utf8
  /// Mostly UTF-8, with some bytes that are not: those are read as Windows-1252.
  case mixed
  /// Windows-1252 throughout.
  case windows1252

  /// Windows-1252 characters for 0x80–0x9F (the rest of the range 0xA0–0xFF equals Latin-1);
  /// the five bytes CP1252 leaves undefined keep their C1 code point and are dropped later as controls.
  static let cp1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  /// The character a single Windows-1252 byte stands for.
  static func cp1252Scalar(_ byte: UInt8) -> UInt32 {
    (0x80...0x9F).contains(byte) ? cp1252High[Int(byte) - 0x80] : UInt32(byte)
  }

  /// Length and value of a valid UTF-8 sequence at `index`, or nil when the bytes there are not UTF-8.
  static func utf8Sequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (
    length: Int, scalar: UInt32
  )? {
    let lead = bytes[index]
    let length: Int
    var value: UInt32
    switch lead {
    case 0xC2...0xDF: (length, value) = (2, UInt32(lead & 0x1F))
    case 0xE0...0xEF: (length, value) = (3, UInt32(lead & 0x0F))
    case 0xF0...0xF4: (length, value) = (4, UInt32(lead & 0x07))
    default: return nil
    }
    guard index + length <= end else { return nil }
    for offset in 1..<length {
      let byte = bytes[index + offset]
      guard byte & 0xC0 == 0x80 else { return nil }
      value = (value << 6) | UInt32(byte & 0x3F)
    }
    let minimum: UInt32 = length == 2 ? 0x80 : (length == 3 ? 0x800 : 0x10000)
    guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else {
      return nil
    }
    return (length, value)
  }

  /// Looks at the whole file once: valid UTF-8 everywhere, or more invalid high bytes than valid sequences (CP1252), or a mix.
  static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> TextDecoding {
    var valid = 0
    var invalid = 0
    var index = 0
    let end = bytes.count
    while index < end {
      if bytes[index] < 0x80 {
        index += 1
      } else if let sequence = utf8Sequence(bytes, at: index, end: end) {
        valid += 1
        index += sequence.length
      } else {
        invalid += 1
        index += 1
      }
    }
    if invalid == 0 { return .utf8 }
    return invalid > valid ? .windows1252 : .mixed
  }

  /// Decodes one field. C1 controls that reached a UTF-8 file (U+0092 written for `’`) are read as the CP1252 character they stood for.
  func decode(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
    var ascii = true
    for index in start..<end where bytes[index] >= 0x80 {
      ascii = false
      break
    }
    if ascii {
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    var scalars = String.UnicodeScalarView()
    var index = start
    while index < end {
      let byte = bytes[index]
      if byte < 0x80 {
        scalars.append(Unicode.Scalar(byte))
        index += 1
        continue
      }
      if self != .windows1252, let sequence = Self.utf8Sequence(bytes, at: index, end: end) {
        let value =
          (0x80...0x9F).contains(sequence.scalar)
          ? Self.cp1252Scalar(UInt8(sequence.scalar)) : sequence.scalar
        scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        index += sequence.length
      } else {
        scalars.append(Unicode.Scalar(Self.cp1252Scalar(byte)) ?? "\u{FFFD}")
        index += 1
      }
    }
    return String(scalars)
  }
}
