/// Finds where a decoding path (`arboSecteur[3].listeMetier`) starts in JSON bytes, so a refusal can name its line.
/// Assumes the bytes already parse as JSON (the decoder got that far); keys match as written or snake_case → camelCase.
struct JSONLocator {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0

  /// Offset of the value at `path`, or of the deepest value of it that exists.
  static func offset(of path: [any CodingKey], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var locator = JSONLocator(bytes: bytes)
    return locator.find(path[...])
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  private mutating func find(_ path: ArraySlice<any CodingKey>) -> Int? {
    skipBlanks()
    let start = index
    guard let key = path.first, index < bytes.count else { return start }
    if bytes[index] == UInt8(ascii: "{") {
      index += 1
      while true {
        skipBlanks()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return start }
        let name = string()
        skipBlanks()
        index += 1  // `:`
        if name == key.stringValue || Self.camelCase(name) == key.stringValue {
          return find(path.dropFirst())
        }
        skipValue()
        skipBlanks()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return start }
        index += 1
      }
    }
    if bytes[index] == UInt8(ascii: "["), let wanted = key.intValue {
      index += 1
      for _ in 0..<wanted {
        skipValue()
        skipBlanks()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return start }
        index += 1
      }
      return find(path.dropFirst())
    }
    return start
  }

  private static func camelCase(_ name: String) -> String {
    let parts = name.split(separator: "_")
    guard let first = parts.first else { return name }
    return String(first)
      + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }
      .joined()
  }

  private mutating func skipBlanks() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  /// The string at the cursor (escapes kept as written: keys here are plain).
  private mutating func string() -> String {
    index += 1
    let start = index
    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
      index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
    }
    let text = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(index, bytes.count)]), as: UTF8.self
    )
    index += 1
    return text
  }

  private mutating func skipValue() {
    skipBlanks()
    var depth = 0
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "\""): _ = string()
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        depth += 1
        index += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        if depth == 0 { return }
        depth -= 1
        index += 1
      case UInt8(ascii: ","):
        if depth == 0 { return }
        index += 1
      default: index += 1
      }
      if depth == 0, index < bytes.count,
        [UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(bytes[index])
      {
        return
      }
    }
  }
}
