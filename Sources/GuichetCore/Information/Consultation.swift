/// What an agent looked up: kept with the visit as a code only (never free text), so the supervisor can see
/// which métiers and certifications people ask about without anything that could identify them.
public struct Consultation: Equatable, Hashable, Sendable {
  public enum Kind: String, CaseIterable, Sendable {
    /// A ROME fiche (`K1207`).
    case occupation
    /// An RNCP fiche (`RNCP34001`).
    case certification
    /// A structure of the directory (its directory id).
    case structure
    /// The BMO figures of a territory (its id).
    case labourNeeds = "labour_needs"
  }

  public var kind: Kind
  public var code: String

  public init(kind: Kind, code: String) {
    self.kind = kind
    self.code = code
  }

  /// Codes are short identifiers; anything else is refused before it reaches the database.
  public static let maximumCodeLength = 40

  public var isValidCode: Bool {
    !code.isEmpty && code.count <= Self.maximumCodeLength
      && code.unicodeScalars.allSatisfy { scalar in
        scalar.isASCII
          && (("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
            || ("0"..."9").contains(scalar) || "#_.-".unicodeScalars.contains(scalar))
      }
  }
}
