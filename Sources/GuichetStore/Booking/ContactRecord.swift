import GRDB
import GuichetCore

/// The `contact` row, reachable only through its consent.
struct ContactRecord: Codable, Sendable, StoredRecord {
  static let databaseTableName = "contact"
  var id: Int64?
  var consentID: Int64
  var firstName: String
  var lastName: String
  var phone: String?
  var email: String?

  init(_ contact: Contact, consentID: Int64) {
    id = contact.id
    self.consentID = consentID
    firstName = contact.firstName
    lastName = contact.lastName
    phone = contact.phone?.digits
    email = contact.email?.value
  }

  /// Stored values were validated on the way in; a value that no longer parses is shown as absent.
  var contact: Contact {
    Contact(
      id: id, consentID: consentID, firstName: firstName, lastName: lastName,
      phone: phone.flatMap { try? PhoneNumber(parsing: $0) },
      email: email.flatMap { try? EmailAddress(parsing: $0) })
  }
}
