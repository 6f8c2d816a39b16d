import Foundation

/// A version of the consent text read to the person. Versions are kept for ever in the database, so any
/// consent can show exactly what was agreed to. `{structure}` and `{duree}` are filled in when shown.
public struct ConsentText: Equatable, Hashable, Sendable {
  public var version: Int
  public var purpose: ConsentPurpose
  public var body: String
  /// Days the contact is kept after the appointment, as the text announces.
  public var retentionDays: Int
  public var publishedAt: Date
  /// The kind of structure this version is read for; nil: every kind without a later text of its own.
  public var operatorKind: OperatorKind?

  public init(
    version: Int, purpose: ConsentPurpose = .appointment, body: String, retentionDays: Int,
    publishedAt: Date, operatorKind: OperatorKind? = nil
  ) {
    self.version = version
    self.purpose = purpose
    self.body = body
    self.retentionDays = retentionDays
    self.publishedAt = publishedAt
    self.operatorKind = operatorKind
  }

  /// The first text, copied into new databases by the booking migration.
  public static let initialBody = """
    Pour prendre ce rendez-vous, nous avons besoin de vos nom, prénom, et d'un téléphone ou d'une adresse \
    électronique. Ils seront transmis uniquement à {structure}, dans le seul but d'organiser ce rendez-vous \
    et de vous prévenir en cas de changement. Ils seront effacés {duree} jours après le rendez-vous. Vous \
    pouvez retirer votre accord à tout moment : vos coordonnées seront alors effacées et le rendez-vous \
    annulé. Êtes-vous d'accord ?
    """
  public static let initialRetentionDays = 90

  /// The text as read to the person, naming the recipient.
  public func rendered(recipient: String) -> String {
    body.replacingOccurrences(of: "{structure}", with: recipient)
      .replacingOccurrences(of: "{duree}", with: "\(retentionDays)")
  }

  public func validate() throws(UserError) {
    if SafeText.clean(body).trimmingSpaces.isEmpty {
      throw UserError("Le texte de consentement est vide.")
    }
    if !body.contains("{structure}") {
      throw UserError("Le texte doit nommer le destinataire : ajoutez {structure}.")
    }
    if !(1...3650).contains(retentionDays) {
      throw UserError("La durée de conservation doit être comprise entre 1 et 3 650 jours.")
    }
  }
}
