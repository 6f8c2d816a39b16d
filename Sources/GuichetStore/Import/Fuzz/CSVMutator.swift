import Foundation
import GuichetCore

/// Damages a real CSV file in the ways a download, a spreadsheet or a text editor does: truncation, bad encodings,
/// wrong column counts, huge fields. Each mutant is one the importer must refuse, with the lines it may name.
/// Deterministic: the same file and seed give the same mutants.
struct CSVMutator {
  let name: String
  let layout: CSVLayout
  /// The file reads as UTF-8 (not Windows-1252) and holds at least one multi-byte character.
  let isUTF8: Bool
  private var random: SeededRandom

  init(name: String, bytes: [UInt8], seed: UInt64) {
    self.name = name
    layout = CSVLayout(bytes)
    random = SeededRandom(state: seed)
    let scan = bytes.withUnsafeBufferPointer { TextDecoding.scan($0, requireUTF8: false) }
    isUTF8 = scan.decoding == .utf8 && bytes.contains { $0 >= 0xC2 }
  }

  private var bytes: [UInt8] { layout.bytes }
  private var records: [CSVLayout.Record] { layout.records }

  /// A data record (never the header), anywhere in the file.
  private mutating func anyRecord() -> Int { Int.random(in: 1..<records.count, using: &random) }

  private func mutant(_ kind: String, _ bytes: [UInt8], record: Int, at offset: Int)
    -> ImportMutant
  {
    let first = layout.line(records[record].start)
    return ImportMutant(kind: kind, bytes: bytes, lines: first...max(first, layout.line(offset)))
  }

  /// A place inside field `field` of `record`, on a character boundary.
  private func inside(_ record: Int, field: Int) -> Int {
    let range = records[record].fields[field]
    var offset = min(range.lowerBound + 1, range.upperBound)
    while offset < range.upperBound, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
    return offset
  }

  private mutating func anyField(_ record: Int) -> Int {
    Int.random(in: 0..<records[record].fields.count, using: &random)
  }

  private func inserting(_ insert: [UInt8], at offset: Int) -> [UInt8] {
    var copy = bytes
    copy.insert(contentsOf: insert, at: offset)
    return copy
  }

  // MARK: truncation

  /// Cut just before a record's first separator: the last record keeps one column.
  mutating func truncatedMidRecord() -> ImportMutant {
    let record = anyRecord()
    let cut = records[record].fields[0].upperBound
    return mutant("truncated mid record", Array(bytes[..<cut]), record: record, at: cut)
  }

  /// Cut inside a quoted field (not between two doubled quotes): the quote never closes.
  mutating func truncatedMidQuotedField() -> ImportMutant? {
    let start = anyRecord()
    for record in start..<records.count {
      for field in records[record].fields
      where field.count >= 4 && bytes[field.lowerBound] == UInt8(ascii: "\"") {
        var cut = field.lowerBound + 1 + (field.count - 2) / 2
        while cut > field.lowerBound + 1, bytes[cut - 1] == UInt8(ascii: "\"") { cut -= 1 }
        return mutant("truncated mid quoted field", Array(bytes[..<cut]), record: record, at: cut)
      }
    }
    return nil
  }

  /// Cut after the first byte of a multi-byte character.
  mutating func truncatedMidCharacter() -> ImportMutant? {
    guard isUTF8 else { return nil }
    let start = records[anyRecord()].start
    guard let lead = bytes[start...].firstIndex(where: { $0 >= 0xC2 && $0 <= 0xF4 }),
      let record = records.lastIndex(where: { $0.start <= lead })
    else { return nil }
    return mutant(
      "truncated mid UTF-8 character", Array(bytes[...lead]), record: record, at: lead)
  }

  // MARK: encodings

  /// A byte that is neither UTF-8 here nor a Windows-1252 character.
  mutating func invalidByte() -> ImportMutant {
    let record = anyRecord()
    let offset = inside(record, field: anyField(record))
    let choices: [UInt8] =
      isUTF8 ? [0x80, 0xBF, 0xC0, 0xC1, 0xF5, 0xFE, 0xFF] : [0x81, 0x8D, 0x8F, 0x90, 0x9D]
    let byte = choices.randomElement(using: &random) ?? 0x81
    return mutant(
      String(format: "invalid byte 0x%02X", byte), inserting([byte], at: offset), record: record,
      at: offset)
  }

  /// A Latin-1 letter (é, è, à, ç) typed into a UTF-8 file by an editor set to Latin-1.
  mutating func latin1Letter() -> ImportMutant? {
    guard isUTF8 else { return nil }
    let record = anyRecord()
    let offset = inside(record, field: anyField(record))
    let byte = [0xE9, 0xE8, 0xE0, 0xE7].randomElement(using: &random) ?? 0xE9
    return mutant(
      "Latin-1 letter", inserting([UInt8(byte)], at: offset), record: record, at: offset)
  }

  mutating func nulByte() -> ImportMutant {
    let record = anyRecord()
    let offset = inside(record, field: anyField(record))
    return mutant("NUL byte", inserting([0], at: offset), record: record, at: offset)
  }

  /// The whole file saved as UTF-16 (little-endian with its mark, or big-endian without).
  func utf16(littleEndian: Bool) -> ImportMutant {
    let text = bytes.withUnsafeBufferPointer { buffer in
      let scan = TextDecoding.scan(buffer, requireUTF8: false)
      return scan.decoding.decode(buffer, from: 0, to: buffer.count)
    }
    let encoding: String.Encoding = littleEndian ? .utf16LittleEndian : .utf16BigEndian
    let encoded =
      (littleEndian ? [0xFF, 0xFE] : []) + [UInt8](text.data(using: encoding) ?? Data())
    return ImportMutant(
      kind: littleEndian ? "UTF-16LE with BOM" : "UTF-16BE without BOM", bytes: encoded,
      lines: 1...1)
  }

  // MARK: columns

  /// One field and a separator removed from a record.
  mutating func missingColumn() -> ImportMutant {
    let record = anyRecord()
    let fields = records[record].fields
    let field = anyField(record)
    let range =
      field + 1 < fields.count
      ? fields[field].lowerBound..<fields[field + 1].lowerBound
      : fields[field - 1].upperBound..<fields[field].upperBound
    var copy = bytes
    copy.removeSubrange(range)
    return mutant("missing column", copy, record: record, at: range.lowerBound)
  }

  mutating func extraColumn() -> ImportMutant {
    let record = anyRecord()
    let offset = records[record].fields[anyField(record)].upperBound
    return mutant(
      "extra column", inserting([layout.separator] + Array("x".utf8), at: offset),
      record: record, at: offset)
  }

  /// A header name the importer needs, renamed.
  func renamedHeader(_ column: String) -> ImportMutant? {
    guard let range = layout.headerField(column) else { return nil }
    let quoted = bytes[range.lowerBound] == UInt8(ascii: "\"")
    let name = Array((quoted ? "\"\(column)_renomme\"" : "\(column)_renomme").utf8)
    var copy = bytes
    copy.replaceSubrange(range, with: name)
    return ImportMutant(kind: "renamed header column", bytes: copy, lines: 1...1)
  }

  /// A header name the importer needs, removed with its separator: the header is one column short.
  func droppedHeader(_ column: String) -> ImportMutant? {
    guard let range = layout.headerField(column), let header = records.first else { return nil }
    let removed =
      range.upperBound < header.end
      ? range.lowerBound..<(range.upperBound + 1) : (range.lowerBound - 1)..<range.upperBound
    var copy = bytes
    copy.removeSubrange(removed)
    return ImportMutant(
      kind: "header column removed", bytes: copy, lines: 1...(layout.line(records[1].start)))
  }

  // MARK: sizes

  /// `size` bytes of letters inside a field.
  mutating func hugeField(_ size: Int) -> ImportMutant {
    let record = anyRecord()
    let offset = inside(record, field: anyField(record))
    let filler = [UInt8](repeating: UInt8(ascii: "x"), count: size)
    return mutant(
      "field of \(size) bytes", inserting(filler, at: offset), record: record, at: offset)
  }

  /// A record continued for `size` bytes without a line end (a file whose line ends were lost).
  mutating func longLine(_ size: Int) -> ImportMutant {
    let record = anyRecord()
    let content = Array(bytes[records[record].start..<records[record].end])
    // Doubled until long enough: few copies, even in a debug build.
    var tail = [layout.separator] + content
    while tail.count < size { tail += tail }
    return mutant(
      "line of \(tail.count) bytes", inserting(tail, at: records[record].end), record: record,
      at: records[record].end)
  }

  /// A record written twice: refused where the file's key must be unique.
  mutating func duplicatedRecord() -> ImportMutant {
    let record = anyRecord()
    let content = Array(bytes[records[record].start..<records[record].end])
    if record + 1 < records.count {
      // The copy, with the same line end, goes where the next record starts.
      let next = records[record + 1].start
      let line = layout.line(next)
      return ImportMutant(
        kind: "duplicated record",
        bytes: inserting(content + bytes[records[record].end..<next], at: next), lines: line...line)
    }
    let endsWithNewline = bytes.last == UInt8(ascii: "\n")
    let line = layout.line(bytes.count) + (endsWithNewline ? 0 : 1)
    let insert = endsWithNewline ? content + Array("\n".utf8) : Array("\n".utf8) + content
    return ImportMutant(
      kind: "duplicated record", bytes: inserting(insert, at: bytes.count), lines: line...line)
  }
}
