import Foundation

/// Why an import was refused, in French for the agent, naming the file and, when known, the line and column,
/// so the person who brought the file can find the defect.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
  public var file: String
  public var line: Int?
  public var column: Int?
  public var message: String

  public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String {
    var place = file
    if let line { place += ", ligne \(line)" }
    if let column { place += ", colonne \(column)" }
    return "\(place) : \(message)"
  }

  public var errorDescription: String? { description }
}
