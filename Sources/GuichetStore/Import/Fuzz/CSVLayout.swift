import Foundation

/// Where the records and fields of a CSV file lie in its bytes, as the importer splits them (quotes honoured),
/// so a mutation can hit a chosen record or field and know the line it is on.
struct CSVLayout {
  struct Record {
    /// First byte of the record and end of its content (before its line end).
    var start: Int
    var end: Int
    /// Content of each field, quotes included, separators excluded.
    var fields: [Range<Int>]
  }

  let bytes: [UInt8]
  let separator: UInt8
  /// Non-blank records, the header first.
  private(set) var records: [Record] = []

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    separator = bytes.withUnsafeBufferPointer { CSVFile.detectSeparator($0, from: start) }
    var quoted = false
    var fieldStart = start
    var fields: [Range<Int>] = []
    var recordStart = start
    for index in start...bytes.count {
      let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "\n")
      if byte == UInt8(ascii: "\"") {
        quoted.toggle()
      } else if !quoted, byte == separator {
        fields.append(fieldStart..<index)
        fieldStart = index + 1
      } else if !quoted, byte == UInt8(ascii: "\n") {
        var end = index
        if end > fieldStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        fields.append(fieldStart..<end)
        if end > recordStart {
          records.append(Record(start: recordStart, end: end, fields: fields))
        }
        fields = []
        recordStart = index + 1
        fieldStart = index + 1
      }
    }
  }

  /// Line (from 1) of the byte at `offset`.
  func line(_ offset: Int) -> Int {
    bytes.withUnsafeBufferPointer { TextDecoding.line(of: offset, in: $0) }
  }

  /// The header's field named `name` (quotes and case ignored).
  func headerField(_ name: String) -> Range<Int>? {
    records.first?.fields.first { range in
      let text = String(decoding: bytes[range], as: UTF8.self)
      return text.trimmingCharacters(in: .init(charactersIn: "\"\u{FEFF} \r"))
        .lowercased() == name.lowercased()
    }
  }
}
