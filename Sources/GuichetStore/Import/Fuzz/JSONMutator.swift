import Foundation
import GuichetCore

/// Damages a real JSON file: truncation, bad encodings, a huge string, a renamed key.
/// Each mutant is one the importer must refuse, with the lines it may name.
struct JSONMutator {
  let bytes: [UInt8]
  /// Offsets just inside the opening quote of string values (`"libelle": "|Activités…"`).
  private let strings: [Int]
  private var random: SeededRandom

  init(bytes: [UInt8], seed: UInt64) {
    self.bytes = bytes
    random = SeededRandom(state: seed)
    let pattern = Array(": \"".utf8)
    var strings: [Int] = []
    var index = 0
    while index + pattern.count < bytes.count {
      if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
        strings.append(index + pattern.count)
      }
      index += 1
    }
    self.strings = strings
  }

  private func line(_ offset: Int) -> Int {
    bytes.withUnsafeBufferPointer { TextDecoding.line(of: offset, in: $0) }
  }

  private func at(_ kind: String, _ insert: [UInt8], _ offset: Int) -> ImportMutant {
    var copy = bytes
    copy.insert(contentsOf: insert, at: offset)
    return ImportMutant(kind: kind, bytes: copy, lines: line(offset)...line(offset))
  }

  private mutating func anyString() -> Int { strings.randomElement(using: &random) ?? 1 }

  /// Cut anywhere before the closing brace.
  mutating func truncated() -> ImportMutant {
    let last = bytes.lastIndex(of: UInt8(ascii: "}")) ?? bytes.count
    let cut = Int.random(in: 1..<last, using: &random)
    return ImportMutant(
      kind: "JSON truncated", bytes: Array(bytes[..<cut]), lines: line(cut)...line(cut))
  }

  mutating func invalidByte() -> ImportMutant {
    let byte = [0x80, 0xC0, 0xFE, 0xFF, 0x81].randomElement(using: &random) ?? 0xFF
    return at(String(format: "JSON invalid byte 0x%02X", byte), [UInt8(byte)], anyString())
  }

  mutating func latin1Letter() -> ImportMutant { at("JSON Latin-1 letter", [0xE9], anyString()) }

  mutating func nulByte() -> ImportMutant { at("JSON NUL byte", [0], anyString()) }

  mutating func hugeString(_ size: Int) -> ImportMutant {
    at(
      "JSON string of \(size) bytes", [UInt8](repeating: UInt8(ascii: "a"), count: size),
      anyString())
  }

  /// One occurrence of `key` renamed: the decoder misses it in the object around it.
  mutating func renamedKey(_ key: String) -> ImportMutant? {
    let pattern = Array("\"\(key)\"".utf8)
    var hits: [Int] = []
    var index = 0
    while index + pattern.count <= bytes.count {
      if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
        hits.append(index)
      }
      index += 1
    }
    guard let hit = hits.randomElement(using: &random) else { return nil }
    var copy = bytes
    copy.replaceSubrange(hit..<(hit + pattern.count), with: Array("\"\(key)_renomme\"".utf8))
    // The refusal names the object that lacks the key, which opens a few lines above it.
    return ImportMutant(
      kind: "JSON key renamed", bytes: copy, lines: max(1, line(hit) - 20)...line(hit))
  }

  /// The whole file re-encoded: as UTF-16, or as Windows-1252 (JSON must be UTF-8).
  func reencoded(_ encoding: String.Encoding) -> ImportMutant? {
    guard let text = String(bytes: bytes, encoding: .utf8),
      var data = text.data(using: encoding, allowLossyConversion: true)
    else { return nil }
    if encoding == .utf16LittleEndian { data = Data([0xFF, 0xFE]) + data }
    let lines: ClosedRange<Int>
    if encoding == .windowsCP1252 {
      let first = line(bytes.firstIndex { $0 >= 0x80 } ?? 0)
      lines = first...first
    } else {
      lines = 1...1
    }
    return ImportMutant(kind: "JSON as \(encoding)", bytes: [UInt8](data), lines: lines)
  }
}
