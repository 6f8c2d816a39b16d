import Foundation

/// Why an import was refused, in French for the agent, naming the file and, when known, the line and column,
/// so the person who brought the file can find the defect.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
  public var file: String
  public var line: Int?
  public var column: Int?
  public var message: String
  /// True when `file` names a folder (a missing file, a missing folder).
  public var isFolder: Bool

  public init(
    file: String, line: Int? = nil, column: Int? = nil, message: String, isFolder: Bool = false
  ) {
    self.file = file
    self.isFolder = isFolder
    self.line = line
    self.column = column
    self.message = message
  }

  /// What the person who brought the file should do, shown after the defect wherever an import is refused.
  public static let advice =
    "Vérifiez ce fichier ou retéléchargez-le depuis sa source, puis relancez l’import. "
    + "La base n’a pas été modifiée : les données déjà en place restent utilisables."

  public var description: String {
    var place = "\(isFolder ? "dossier" : "fichier") \(file)"
    if let line { place += ", ligne \(line)" }
    if let column { place += ", colonne \(column)" }
    return "\(place) : \(message)"
  }

  public var errorDescription: String? { description }
}
