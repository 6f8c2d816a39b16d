/// Decodes the bytes of a published file whatever its encoding: files come as UTF-8 (with or without BOM)
/// or Windows-1252 throughout (the RNCP export, `dares_psm_fap225_rome`), and users bring the same files.
/// A UTF-8 file carrying bytes that are not UTF-8 is refused at their line rather than read as CP1252 mojibake:
/// the one published case, `’` written as U+0092 in the directory export, is valid UTF-8 and repaired when decoding.
enum TextDecoding: Sendable {
  /// All bytes decode as UTF-8.
  case utf8
  /// Windows-1252 throughout.
  case windows1252

  /// What one pass over a file found: how to decode it, and the first byte that makes it unreadable, if any.
  struct Scan {
    var decoding: TextDecoding
    var defect: Defect?
  }

  /// A byte that stops the import, and why (French, with what to do).
  struct Defect {
    var offset: Int
    var message: String
  }

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

  /// Windows-1252 bytes that stand for no character: in a CP1252 file they mean damage.
  static func isUndefinedInCP1252(_ byte: UInt8) -> Bool {
    byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 || byte == 0x9D
  }

  /// Looks at the whole file once. Valid UTF-8 everywhere → UTF-8. Bytes that are not UTF-8 and (almost) no
  /// UTF-8 sequence → Windows-1252 throughout (the real RNCP export has 2 chance sequences among 67 406 CP1252
  /// bytes, hence the 1 % margin). Anything else is a UTF-8 file with damaged bytes, refused at the first one;
  /// so is a file that says it is UTF-8 (`utf8` in its name, or JSON) and is not.
  /// NUL and other control bytes (tab and line ends aside), a UTF-16 byte-order mark, and CP1252 bytes that
  /// stand for nothing are refused too: no real file holds any.
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, requireUTF8: Bool) -> Scan {
    if bytes.count >= 2,
      (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
    {
      return Scan(
        decoding: .utf8,
        defect: Defect(
          offset: 0,
          message:
            "fichier enregistré en UTF-16 ; enregistrez-le en UTF-8 (« CSV UTF-8 » dans un tableur)"
        ))
    }
    var valid = 0
    var invalid = 0
    var firstInvalid: Int?
    var firstUndefined: Int?
    var control: Defect?
    var index = 0
    let end = bytes.count
    while index < end {
      let byte = bytes[index]
      if byte < 0x80 {
        if control == nil, byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
          control = Defect(offset: index, message: controlMessage(byte))
        }
        index += 1
      } else if let sequence = utf8Sequence(bytes, at: index, end: end) {
        valid += 1
        index += sequence.length
      } else {
        if firstInvalid == nil { firstInvalid = index }
        if firstUndefined == nil, isUndefinedInCP1252(byte) { firstUndefined = index }
        invalid += 1
        index += 1
      }
    }
    var scan = Scan(decoding: .utf8, defect: nil)
    if let firstInvalid {
      if requireUTF8 || valid * 100 > invalid {
        scan.defect = Defect(
          offset: firstInvalid,
          message: String(
            format:
              "octet 0x%02X invalide en UTF-8 alors que le fichier est en UTF-8 "
              + "(caractère mal converti, fichier tronqué ou abîmé)", bytes[firstInvalid]))
      } else {
        scan.decoding = .windows1252
        if let firstUndefined {
          scan.defect = Defect(
            offset: firstUndefined,
            message: String(
              format: "octet 0x%02X sans caractère en Windows-1252 (fichier abîmé)",
              bytes[firstUndefined]))
        }
      }
    }
    if let control, control.offset < scan.defect?.offset ?? Int.max { scan.defect = control }
    return scan
  }

  private static func controlMessage(_ byte: UInt8) -> String {
    byte == 0
      ? "octet nul (0x00) : fichier abîmé, ou enregistré en UTF-16 ; enregistrez-le en UTF-8"
      : String(format: "caractère de contrôle 0x%02X interdit (fichier abîmé)", byte)
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

extension TextDecoding {
  /// Line (from 1) of the byte at `offset`, counting `\n` as `grep -n` does.
  static func line(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var line = 1
    for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A { line += 1 }
    return line
  }
}
