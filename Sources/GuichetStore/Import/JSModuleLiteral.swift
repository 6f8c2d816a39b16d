import Foundation

/// Reads the one value of a JavaScript data module (`export default [ { name: "…", … } ]`), as the Transitions Pro
/// contacts are published: unquoted keys, comments, trailing commas. Only literals are accepted (strings, numbers,
/// `null`, booleans, arrays, objects); anything else is refused at its line, in French.
enum JSModuleLiteral {
  indirect enum Value: Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([Value])
    case object([(String, Value)])

    static func == (lhs: Value, rhs: Value) -> Bool {
      switch (lhs, rhs) {
      case (.string(let a), .string(let b)): a == b
      case (.number(let a), .number(let b)): a == b
      case (.bool(let a), .bool(let b)): a == b
      case (.null, .null): true
      case (.array(let a), .array(let b)): a == b
      case (.object(let a), .object(let b)):
        a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
      default: false
      }
    }

    subscript(key: String) -> Value? {
      guard case .object(let fields) = self else { return nil }
      return fields.first { $0.0 == key }?.1
    }

    var string: String? {
      if case .string(let text) = self { return text }
      return nil
    }
  }

  /// Parses the file at `url` (size and encoding checked like any published file).
  static func read(_ url: URL) throws -> Value {
    let data = try CSVFile.contents(of: url)
    guard let text = String(data: data, encoding: .utf8) else {
      throw ImportError(file: url.lastPathComponent, message: "fichier non UTF-8")
    }
    return try parse(text, name: url.lastPathComponent)
  }

  static func parse(_ text: String, name: String) throws -> Value {
    var parser = Parser(scalars: Array(text.unicodeScalars), name: name)
    parser.skipSpace()
    if parser.word("export") {
      parser.skipSpace()
      guard parser.word("default") else { throw parser.error("« export default » attendu") }
    }
    let value = try parser.value()
    parser.skipSpace()
    if parser.peek == ";" { parser.index += 1 }
    parser.skipSpace()
    guard parser.index == parser.scalars.count else {
      throw parser.error("texte inattendu après la valeur exportée")
    }
    return value
  }

  private struct Parser {
    var scalars: [Unicode.Scalar]
    var name: String
    var index = 0
    var depth = 0

    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func error(_ message: String) -> ImportError {
      let line = scalars[..<min(index, scalars.count)].filter { $0 == "\n" }.count + 1
      return ImportError(file: name, line: line, message: message)
    }

    mutating func skipSpace() {
      while let scalar = peek {
        if scalar.properties.isWhitespace {
          index += 1
        } else if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "/" {
          while let next = peek, next != "\n" { index += 1 }
        } else if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "*" {
          index += 2
          while index + 1 < scalars.count, !(scalars[index] == "*" && scalars[index + 1] == "/") {
            index += 1
          }
          index = min(index + 2, scalars.count)
        } else {
          return
        }
      }
    }

    /// Consumes `text` when it comes next as a whole word.
    mutating func word(_ text: String) -> Bool {
      let wanted = Array(text.unicodeScalars)
      guard index + wanted.count <= scalars.count,
        Array(scalars[index..<index + wanted.count]) == wanted
      else { return false }
      let after = index + wanted.count
      if after < scalars.count, isIdentifier(scalars[after]) { return false }
      index = after
      return true
    }

    func isIdentifier(_ scalar: Unicode.Scalar) -> Bool {
      scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
        || scalar == "$"
    }

    mutating func value() throws -> Value {
      skipSpace()
      guard let scalar = peek else { throw error("valeur attendue, fin du fichier atteinte") }
      depth += 1
      defer { depth -= 1 }
      if depth > 32 { throw error("valeurs imbriquées trop profondément") }
      switch scalar {
      case "[":
        index += 1
        var items: [Value] = []
        while true {
          skipSpace()
          if peek == "]" {
            index += 1
            return .array(items)
          }
          items.append(try value())
          skipSpace()
          if peek == "," {
            index += 1
          } else if peek != "]" {
            throw error("« , » ou « ] » attendu")
          }
        }
      case "{":
        index += 1
        var fields: [(String, Value)] = []
        while true {
          skipSpace()
          if peek == "}" {
            index += 1
            return .object(fields)
          }
          let key = try self.key()
          skipSpace()
          guard peek == ":" else { throw error("« : » attendu après « \(key) »") }
          index += 1
          fields.append((key, try value()))
          skipSpace()
          if peek == "," {
            index += 1
          } else if peek != "}" {
            throw error("« , » ou « } » attendu")
          }
        }
      case "\"", "'": return .string(try string())
      default:
        if word("null") { return .null }
        if word("true") { return .bool(true) }
        if word("false") { return .bool(false) }
        let start = index
        while let next = peek, "+-.eE0123456789".unicodeScalars.contains(next) { index += 1 }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        if let number = Double(text), !text.isEmpty { return .number(number) }
        index = start
        throw error("valeur non reconnue (seules des données littérales sont lues)")
      }
    }

    mutating func key() throws -> String {
      if peek == "\"" || peek == "'" { return try string() }
      let start = index
      while let next = peek, isIdentifier(next) { index += 1 }
      guard index > start else { throw error("nom de champ attendu") }
      return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    mutating func string() throws -> String {
      let quote = scalars[index]
      index += 1
      var result = String.UnicodeScalarView()
      while let scalar = peek {
        index += 1
        if scalar == quote { return String(result) }
        if scalar == "\n" { throw error("texte non terminé avant la fin de la ligne") }
        guard scalar == "\\" else {
          result.append(scalar)
          continue
        }
        guard let escaped = peek else { break }
        index += 1
        switch escaped {
        case "n": result.append("\n")
        case "t": result.append("\t")
        case "u":
          guard index + 4 <= scalars.count,
            let code = UInt32(
              String(String.UnicodeScalarView(scalars[index..<index + 4])), radix: 16),
            let decoded = Unicode.Scalar(code)
          else { throw error("séquence \\u illisible") }
          index += 4
          result.append(decoded)
        default: result.append(escaped)
        }
      }
      throw error("texte non terminé")
    }
  }
}
