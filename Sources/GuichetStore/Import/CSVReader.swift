import Foundation

/// One record of a CSV file, with the line it starts on so errors can point at it.
struct CSVRecord: Sendable {
  var line: Int
  var fields: [String]

  /// The field at `column`, or "" when the record is shorter (trailing empty columns are often cut).
  subscript(column: Int) -> String {
    column < fields.count ? fields[column] : ""
  }
}

/// A whole CSV file read as published: encoding and separator detected, quotes honoured, blank lines skipped.
/// Works on bytes because the full import must stay within a few seconds.
struct CSVFile: Sendable {
  var name: String
  var header: [String]
  var records: [CSVRecord]

  private static let quote = UInt8(ascii: "\"")
  private static let newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  /// Reads and parses a file; errors name the file, in French.
  static func read(_ url: URL) throws -> CSVFile {
    let name = url.lastPathComponent
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw ImportError(file: name, message: "fichier introuvable ou illisible")
    }
    return try parse([UInt8](data), name: name)
  }

  /// Parses bytes already in memory; `name` is used in error messages.
  static func parse(_ bytes: [UInt8], name: String) throws -> CSVFile {
    try bytes.withUnsafeBufferPointer { buffer in
      var start = 0
      if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
      let decoding = TextDecoding.detect(buffer)
      let separator = detectSeparator(buffer, from: start)
      var records = try parseRecords(
        buffer, from: start, separator: separator, decoding: decoding, name: name)
      guard !records.isEmpty else {
        throw ImportError(file: name, line: 1, message: "fichier vide (ligne d’en-tête absente)")
      }
      let header = records.removeFirst().fields
      return CSVFile(name: name, header: header, records: records)
    }
  }

  /// `;` or `,`, whichever occurs more often outside quotes on the header line.
  static func detectSeparator(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
    var commas = 0
    var semicolons = 0
    var quoted = false
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      if byte == quote {
        quoted.toggle()
      } else if !quoted {
        if byte == newline || byte == carriageReturn { break }
        if byte == UInt8(ascii: ",") { commas += 1 }
        if byte == UInt8(ascii: ";") { semicolons += 1 }
      }
      index += 1
    }
    return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
  }

  private static func parseRecords(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, separator: UInt8,
    decoding: TextDecoding, name: String
  ) throws -> [CSVRecord] {
    var records: [CSVRecord] = []
    var index = start
    var line = 1
    let end = bytes.count
    var unquoted: [UInt8] = []
    while index < end {
      let recordLine = line
      var fields: [String] = []
      var blank = true
      fieldLoop: while true {
        if index < end, bytes[index] == quote {
          blank = false
          let fieldLine = line
          index += 1
          unquoted.removeAll(keepingCapacity: true)
          while true {
            var cursor = index
            // Inside quotes only `\n` counts as a line, as `grep -n` counts them
            // (the RNCP export ends many quoted titles with a lone `\r`).
            while cursor < end, bytes[cursor] != quote {
              if bytes[cursor] == newline { line += 1 }
              cursor += 1
            }
            guard cursor < end else {
              throw ImportError(
                file: name, line: fieldLine, column: fields.count + 1,
                message: "guillemet non fermé")
            }
            unquoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<cursor]))
            if cursor + 1 < end, bytes[cursor + 1] == quote {
              unquoted.append(quote)
              index = cursor + 2
            } else {
              index = cursor + 1
              break
            }
          }
          while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
          {
            index += 1
          }
          if index < end, bytes[index] != separator, bytes[index] != newline,
            bytes[index] != carriageReturn
          {
            throw ImportError(
              file: name, line: line, column: fields.count + 1,
              message: "caractère inattendu après un guillemet fermant")
          }
          fields.append(unquoted.withUnsafeBufferPointer { decode($0, 0, $0.count, decoding) })
        } else {
          let fieldStart = index
          while index < end, bytes[index] != separator, bytes[index] != newline,
            bytes[index] != carriageReturn
          {
            index += 1
          }
          if index > fieldStart { blank = false }
          fields.append(decode(bytes, fieldStart, index, decoding))
        }
        if index >= end { break fieldLoop }
        let byte = bytes[index]
        if byte == separator {
          blank = false
          index += 1
          if index >= end {
            fields.append("")
            break fieldLoop
          }
          continue fieldLoop
        }
        // End of line: \n, \r\n or a lone \r.
        if byte == carriageReturn, index + 1 < end, bytes[index + 1] == newline { index += 1 }
        index += 1
        line += 1
        break fieldLoop
      }
      if !blank { records.append(CSVRecord(line: recordLine, fields: fields)) }
    }
    return records
  }

  /// Decodes a field and trims surrounding blanks (published titles often end in a space or a stray `\r`).
  private static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ decoding: TextDecoding
  ) -> String {
    var low = start
    var high = end
    while low < high, isBlank(bytes[low]) { low += 1 }
    while high > low, isBlank(bytes[high - 1]) { high -= 1 }
    return decoding.decode(bytes, from: low, to: high)
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Index of a column by its header name (trimmed, case-insensitive), or an error naming the missing column.
  func column(_ name: String) throws -> Int {
    let wanted = name.lowercased()
    if let index = header.firstIndex(where: { $0.lowercased() == wanted }) { return index }
    throw ImportError(file: self.name, line: 1, message: "colonne « \(name) » absente de l’en-tête")
  }

  /// Indexes of several columns at once.
  func columns(_ names: String...) throws -> [Int] {
    try names.map(column)
  }
}
