/// The record loop of `CSVFile`: splits bytes into records and fields, counts lines as `grep -n` does, and refuses
/// the first defect it reaches (encoding defect found by the scan, oversized field, wrong column count)
/// with its line, so the error points where a person opening the file would look.
struct CSVParser {
  let bytes: UnsafeBufferPointer<UInt8>
  let name: String
  let separator: UInt8
  let scan: TextDecoding.Scan
  var index: Int
  var line = 1
  /// Columns of the header, once it is read; every later record must have as many.
  private var columns: Int?
  private var headerLine = 1
  private var unquoted: [UInt8] = []

  private static let quote = UInt8(ascii: "\"")
  private static let newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  init(
    bytes: UnsafeBufferPointer<UInt8>, name: String, separator: UInt8, scan: TextDecoding.Scan,
    index: Int
  ) {
    self.bytes = bytes
    self.name = name
    self.separator = separator
    self.scan = scan
    self.index = index
  }

  /// Every non-blank record, the header first.
  mutating func records() throws -> [CSVRecord] {
    var records: [CSVRecord] = []
    let end = bytes.count
    while index < end {
      let recordLine = line
      var fields: [String] = []
      // Fields past the header's count are counted, not decoded: a line of megabytes costs no strings.
      var count = 0
      var blank = true
      fieldLoop: while true {
        count += 1
        let keep = count <= columns ?? Int.max
        if index < end, bytes[index] == Self.quote {
          blank = false
          let field = try quotedField(column: count, keep: keep)
          if keep { fields.append(field) }
        } else {
          let fieldStart = index
          while index < end, bytes[index] != separator, bytes[index] != Self.newline,
            bytes[index] != Self.carriageReturn
          {
            index += 1
          }
          if index > fieldStart { blank = false }
          try check(fieldStart, index, line: line, column: count)
          if keep { fields.append(decode(fieldStart, index)) }
        }
        if index >= end { break fieldLoop }
        let byte = bytes[index]
        if byte == separator {
          blank = false
          index += 1
          if index >= end {
            count += 1
            if count <= columns ?? Int.max { fields.append("") }
            break fieldLoop
          }
          continue fieldLoop
        }
        // End of line: \n, \r\n or a lone \r.
        if byte == Self.carriageReturn, index + 1 < end, bytes[index + 1] == Self.newline {
          index += 1
        }
        index += 1
        line += 1
        break fieldLoop
      }
      if blank { continue }
      try countColumns(count, line: recordLine)
      records.append(CSVRecord(line: recordLine, fields: fields))
    }
    if let defect = scan.defect {
      // Not reached inside a field (it cannot happen, but the file must not pass for all that).
      throw ImportError(
        file: name, line: TextDecoding.line(of: defect.offset, in: bytes), message: defect.message)
    }
    return records
  }

  /// A field between quotes, doubled quotes read as one; the cursor is on the opening quote.
  /// Decoded only when `keep` is true.
  private mutating func quotedField(column: Int, keep: Bool) throws -> String {
    let end = bytes.count
    let fieldLine = line
    index += 1
    let contentStart = index
    unquoted.removeAll(keepingCapacity: true)
    while true {
      var cursor = index
      // Inside quotes only `\n` counts as a line, as `grep -n` counts them
      // (the RNCP export ends many quoted titles with a lone `\r`).
      while cursor < end, bytes[cursor] != Self.quote {
        if bytes[cursor] == Self.newline { line += 1 }
        cursor += 1
      }
      guard cursor < end else {
        try check(contentStart, end, line: fieldLine, column: column, size: false)
        throw ImportError(
          file: name, line: fieldLine, column: column,
          message: "guillemet non fermé (fichier tronqué, ou guillemet en trop)")
      }
      unquoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<cursor]))
      if cursor + 1 < end, bytes[cursor + 1] == Self.quote {
        unquoted.append(Self.quote)
        index = cursor + 2
      } else {
        index = cursor + 1
        break
      }
    }
    try check(contentStart, index - 1, line: fieldLine, column: column)
    while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
      index += 1
    }
    if index < end, bytes[index] != separator, bytes[index] != Self.newline,
      bytes[index] != Self.carriageReturn
    {
      throw ImportError(
        file: name, line: line, column: column,
        message: "caractère inattendu après un guillemet fermant")
    }
    guard keep else { return "" }
    return unquoted.withUnsafeBufferPointer { Self.decode($0, 0, $0.count, scan.decoding) }
  }

  /// Refuses the field `start..<end` (starting on `line`) when it holds the scan's defect or, unless `size` is false,
  /// is too long.
  private func check(_ start: Int, _ end: Int, line: Int, column: Int, size: Bool = true) throws {
    if let defect = scan.defect, defect.offset >= start, defect.offset < end {
      var defectLine = line
      for offset in start..<defect.offset where bytes[offset] == Self.newline { defectLine += 1 }
      throw ImportError(file: name, line: defectLine, column: column, message: defect.message)
    }
    if size, end - start > ImportLimits.fieldBytes {
      throw ImportError(
        file: name, line: line, column: column,
        message:
          "champ de \(ImportLimits.size(end - start)), au-delà de la limite de "
          + "\(ImportLimits.size(ImportLimits.fieldBytes)) (fichier abîmé ou mal découpé)")
    }
  }

  /// The header sets the column count; every record must match it.
  private mutating func countColumns(_ count: Int, line recordLine: Int) throws {
    guard let columns else {
      if count > ImportLimits.columns {
        throw ImportError(
          file: name, line: recordLine,
          message:
            "en-tête de \(count) colonnes, au-delà de la limite de \(ImportLimits.columns) "
            + "(ce n’est pas le fichier publié attendu)")
      }
      columns = count
      headerLine = recordLine
      return
    }
    if count != columns {
      throw ImportError(
        file: name, line: recordLine,
        message:
          "\(count) colonne\(count > 1 ? "s" : "") au lieu de \(columns) comme l’en-tête (ligne \(headerLine)) "
          + "(séparateur en trop ou manquant, ligne coupée ?)")
    }
  }

  private func decode(_ start: Int, _ end: Int) -> String {
    Self.decode(bytes, start, end, scan.decoding)
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
}
