import Foundation

/// One record of a CSV file, with the line it starts on so errors can point at it.
struct CSVRecord: Sendable {
  var line: Int
  var fields: [String]

  /// The field at `column` ("" past the end, which the reader's column count check leaves to header-less tests).
  subscript(column: Int) -> String {
    column < fields.count ? fields[column] : ""
  }
}

/// A whole CSV file read as published: encoding and separator detected, quotes honoured, blank lines skipped.
/// Every record must have as many columns as the header, and fields stay within `ImportLimits`: a truncated,
/// re-encoded or mis-cut file is refused at the line of its first defect before anything is written.
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
    return try parse([UInt8](try contents(of: url)), name: name)
  }

  /// The bytes of a published file, refused when absent or beyond `ImportLimits.fileBytes`.
  static func contents(of url: URL) throws -> Data {
    let name = url.lastPathComponent
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int
    if let size, size > ImportLimits.fileBytes {
      throw ImportError(
        file: name,
        message:
          "fichier de \(ImportLimits.size(size)), au-delà de la limite de \(ImportLimits.size(ImportLimits.fileBytes)) : "
          + "ce n’est pas le fichier publié attendu")
    }
    do {
      return try Data(contentsOf: url)
    } catch {
      throw ImportError(file: name, message: "fichier introuvable ou illisible")
    }
  }

  /// Parses bytes already in memory; `name` is used in error messages (and `utf8` in it means the file must be UTF-8).
  static func parse(_ bytes: [UInt8], name: String) throws -> CSVFile {
    try bytes.withUnsafeBufferPointer { buffer in
      var start = 0
      if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
      let lowered = name.lowercased()
      let scan = TextDecoding.scan(
        buffer, requireUTF8: lowered.contains("utf8") || lowered.contains("utf-8"))
      let separator = detectSeparator(buffer, from: start)
      var parser = CSVParser(
        bytes: buffer, name: name, separator: separator, scan: scan, index: start)
      var records = try parser.records()
      guard !records.isEmpty else {
        throw ImportError(file: name, line: 1, message: "fichier vide (ligne d’en-tête absente)")
      }
      let header = records.removeFirst()
      guard !records.isEmpty else {
        throw ImportError(
          file: name, line: header.line + 1,
          message: "aucune ligne de données après l’en-tête (fichier tronqué ?)")
      }
      return CSVFile(name: name, header: header.fields, records: records)
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

  /// Index of a column by its header name (trimmed, case-insensitive), or an error naming the missing column.
  func column(_ name: String) throws -> Int {
    let wanted = name.lowercased()
    if let index = header.firstIndex(where: { $0.lowercased() == wanted }) { return index }
    throw ImportError(
      file: self.name, line: 1,
      message: "colonne « \(name) » absente de l’en-tête (colonne renommée ou supprimée ?)")
  }

  /// Indexes of several columns at once.
  func columns(_ names: String...) throws -> [Int] {
    try names.map(column)
  }
}
