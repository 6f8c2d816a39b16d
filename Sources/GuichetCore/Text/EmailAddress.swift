/// An e-mail address, checked for the mistakes made at a desk (missing @, spaces, no domain) and kept in
/// lower case so duplicates match.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
  public let value: String

  static let invalid = UserError(
    "Adresse électronique invalide : elle doit ressembler à prenom.nom@exemple.fr.")
  static let localCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/=?^_`{|}~-")
  static let domainCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789-")

  public init(parsing text: String) throws(UserError) {
    let cleaned = SafeText.clean(text).trimmingSpaces.lowercased()
    guard !cleaned.isEmpty else { throw UserError("Indiquez une adresse électronique.") }
    let parts = cleaned.split(separator: "@", omittingEmptySubsequences: false)
    guard cleaned.count <= 254, parts.count == 2 else { throw Self.invalid }
    let local = parts[0]
    let domain = parts[1]
    let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
    guard !local.isEmpty, local.count <= 64, local.allSatisfy(Self.localCharacters.contains),
      !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
      labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 }),
      labels.allSatisfy({ $0.allSatisfy(Self.domainCharacters.contains) }),
      labels.allSatisfy({ !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
      let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter)
    else { throw Self.invalid }
    value = cleaned
  }

  public var description: String { value }
}
