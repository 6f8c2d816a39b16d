/// The only personal data Guichet keeps (coordonnées): a name and a way to reach the person for the
/// appointment. It exists only under a consent, and never in the visit row.
public struct Contact: Equatable, Hashable, Sendable {
  public typealias ID = Int64

  public var id: ID?
  public var consentID: Consent.ID?
  public var firstName: String
  public var lastName: String
  public var phone: PhoneNumber?
  public var email: EmailAddress?

  public init(
    id: ID? = nil, consentID: Consent.ID? = nil, firstName: String, lastName: String,
    phone: PhoneNumber?, email: EmailAddress?
  ) {
    self.id = id
    self.consentID = consentID
    self.firstName = firstName
    self.lastName = lastName
    self.phone = phone
    self.email = email
  }

  public static let maximumNameLength = 60

  /// Validates what the agent typed; empty phone or e-mail fields mean « not given », but one of them is required.
  public static func validate(firstName: String, lastName: String, phone: String, email: String)
    throws(UserError) -> Contact
  {
    let first = try name(firstName, field: "le prénom")
    let last = try name(lastName, field: "le nom")
    let phoneText = SafeText.clean(phone).trimmingSpaces
    let emailText = SafeText.clean(email).trimmingSpaces
    if phoneText.isEmpty && emailText.isEmpty {
      throw UserError(
        "Indiquez un téléphone ou une adresse électronique pour prévenir la personne.")
    }
    let parsedPhone = phoneText.isEmpty ? nil : try PhoneNumber(parsing: phoneText)
    let parsedEmail = emailText.isEmpty ? nil : try EmailAddress(parsing: emailText)
    return Contact(firstName: first, lastName: last, phone: parsedPhone, email: parsedEmail)
  }

  /// Letters, spaces, hyphens and apostrophes; single spaces; bounded length.
  static func name(_ text: String, field: String) throws(UserError) -> String {
    let words = SafeText.clean(text).split(whereSeparator: \.isWhitespace)
    let joined = words.joined(separator: " ")
    guard !joined.isEmpty else { throw UserError("Indiquez \(field).") }
    guard joined.count <= maximumNameLength else {
      throw UserError(
        "\(field.prefix(1).uppercased() + field.dropFirst()) est trop long (60 caractères au plus)."
      )
    }
    let allowed = joined.allSatisfy { $0.isLetter || " -'’.".contains($0) }
    guard allowed, joined.contains(where: \.isLetter) else {
      throw UserError(
        "\(field.prefix(1).uppercased() + field.dropFirst()) ne doit contenir que des lettres, des espaces, des traits d'union ou des apostrophes."
      )
    }
    return joined
  }

  /// « Marie DUPONT »
  public var displayName: String { "\(firstName) \(lastName.uppercased())" }
}

/// A contact as one caller may see it, so a screen says why none shows: the caller may not see it (another
/// agent took the consent, another structure receives the person), or it is no longer kept (retention).
public enum VisibleContact: Equatable, Sendable {
  case shown(Contact)
  case hidden
  case erased

  public var contact: Contact? {
    if case .shown(let contact) = self { return contact }
    return nil
  }
}
