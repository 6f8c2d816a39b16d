import Foundation
import GRDB
import GuichetCore

/// The `consent` row: evidence of an explicit « Oui », kept after withdrawal.
struct ConsentRecord: Codable, Sendable, StoredRecord {
  static let databaseTableName = "consent"
  var id: Int64?
  var visitID: Int64
  var textVersion: Int
  var purpose: String
  var recipientStructureID: Int64
  var givenAt: Date
  var deskID: Int64
  var withdrawnAt: Date?
  /// The account that took the consent: the agent who may see the contact given under it.
  var accountID: Int64?

  init(_ consent: Consent) {
    accountID = consent.accountID
    id = consent.id
    visitID = consent.visitID
    textVersion = consent.textVersion
    purpose = consent.purpose.rawValue
    recipientStructureID = consent.recipientStructureID
    givenAt = consent.givenAt
    deskID = consent.deskID
    withdrawnAt = consent.withdrawnAt
  }

  var consent: Consent {
    Consent(
      id: id, visitID: visitID, textVersion: textVersion,
      purpose: ConsentPurpose(rawValue: purpose) ?? .appointment,
      recipientStructureID: recipientStructureID, givenAt: givenAt, deskID: deskID,
      accountID: accountID,
      withdrawnAt: withdrawnAt)
  }
}
