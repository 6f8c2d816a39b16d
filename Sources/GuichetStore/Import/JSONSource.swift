import Foundation

/// Reads a published JSON file the way `CSVFile` reads a CSV: size, encoding, control bytes and string lengths are
/// checked first, and every refusal, a decoding one included, names the line of the defect.
enum JSONSource {
  /// Decodes `url` with snake_case keys read as camelCase.
  static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
    let name = url.lastPathComponent
    let data = try CSVFile.contents(of: url)
    let bytes = [UInt8](data)
    try bytes.withUnsafeBufferPointer { buffer in
      let scan = TextDecoding.scan(buffer, requireUTF8: true)
      if let defect = scan.defect {
        throw ImportError(
          file: name, line: TextDecoding.line(of: defect.offset, in: buffer),
          message: defect.message)
      }
      try checkStrings(buffer, name: name)
    }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    do {
      return try decoder.decode(T.self, from: data)
    } catch let error as DecodingError {
      throw bytes.withUnsafeBufferPointer { describe(error, $0, name: name) }
    } catch {
      throw ImportError(file: name, message: "JSON illisible")
    }
  }

  /// Refuses a string longer than `ImportLimits.fieldBytes`, at the line where it starts.
  private static func checkStrings(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws {
    var index = 0
    var line = 1
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A { line += 1 }
      guard byte == UInt8(ascii: "\"") else {
        index += 1
        continue
      }
      let start = index
      let startLine = line
      index += 1
      while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
        if bytes[index] == 0x0A { line += 1 }
        index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
      }
      if index - start - 1 > ImportLimits.fieldBytes {
        throw ImportError(
          file: name, line: startLine,
          message:
            "texte de \(ImportLimits.size(index - start - 1)), au-delà de la limite de "
            + "\(ImportLimits.size(ImportLimits.fieldBytes)) (fichier abîmé)")
      }
      index += 1
    }
  }

  /// The decoder's refusal, in French, at the line of the value it concerns.
  private static func describe(
    _ error: DecodingError, _ bytes: UnsafeBufferPointer<UInt8>, name: String
  ) -> ImportError {
    func located(_ path: [any CodingKey], _ message: String) -> ImportError {
      let offset = JSONLocator.offset(of: path, in: bytes) ?? 0
      return ImportError(
        file: name, line: TextDecoding.line(of: offset, in: bytes), message: message)
    }
    switch error {
    case .keyNotFound(let key, let context):
      return located(context.codingPath, "champ « \(key.stringValue) » absent")
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return located(
        context.codingPath,
        "valeur inattendue pour « \(context.codingPath.last?.stringValue ?? "?") »")
    case .dataCorrupted(let context) where !context.codingPath.isEmpty:
      return located(
        context.codingPath,
        "valeur illisible pour « \(context.codingPath.last?.stringValue ?? "?") »")
    default:
      return ImportError(
        file: name, line: syntaxErrorLine(bytes),
        message: "JSON mal formé (fichier tronqué ou abîmé)")
    }
  }

  /// Where the JSON syntax breaks: Foundation says « around character N » (a byte offset), or the end of the file.
  private static func syntaxErrorLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let end = TextDecoding.line(of: bytes.count, in: bytes)
    do {
      _ = try JSONSerialization.jsonObject(with: Data(buffer: bytes))
      return 1
    } catch {
      let text = "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? "")"
      guard let range = text.range(of: #"character \d+"#, options: .regularExpression),
        let offset = Int(text[range].dropFirst("character ".count))
      else { return end }
      return TextDecoding.line(of: offset, in: bytes)
    }
  }
}
