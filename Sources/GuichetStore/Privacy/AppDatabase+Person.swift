import Foundation
import GRDB
import GuichetCore

/// Everything Guichet keeps about one person, for an access request (RGPD art. 15): the contact rows and,
/// for each, the consent proof and the appointments booked under it. Ids, codes and dates besides the contact.
public struct PersonRecord: Equatable, Sendable, Encodable {
  public struct Booking: Equatable, Sendable, Encodable {
    public var reference: String
    public var startsAt: Date
    public var status: String
    public var structure: String
  }

  public var contactId: Int64
  public var firstName: String
  public var lastName: String
  public var phone: String?
  public var email: String?
  public var consentId: Int64
  public var consentTextVersion: Int
  public var consentGivenAt: Date
  public var consentWithdrawnAt: Date?
  public var recipientStructure: String
  public var appointments: [Booking]
}

extension AppDatabase {
  /// The person's records, found by phone or e-mail (exact, as stored). Reading is audited row by row;
  /// `export` records an export instead. Only the command line (the data controller's host account) may.
  public func person(
    phone: PhoneNumber? = nil, email: EmailAddress? = nil, by caller: Caller, export: Bool = false,
    now: Date = Date()
  ) throws -> [PersonRecord] {
    try Self.requireCommandLine(caller)
    guard phone != nil || email != nil else {
      throw UserError("Indiquez un téléphone ou une adresse électronique.")
    }
    return try StoreErrors.run("Recherche de la personne") {
      try writer.write { db in
        let records = try Self.personRecords(db, phone: phone, email: email)
        for record in records {
          try AuditLog.append(
            db, by: caller, action: export ? .contactExported : .contactRead, subject: "contact",
            subjectID: record.contactId, at: now)
        }
        return records
      }
    }
  }

  /// Erases the person's contact rows (RGPD art. 17): each consent is withdrawn (its proof stays, without
  /// the contact), appointments still to come are revoked, every row erased is audited, the search misses
  /// holding the name go, the phone and e-mail go to the erasure ledger (digests only), and the WAL is
  /// checkpointed so no copy of the name is left in the files. Returns the erased contacts' ids. When another
  /// desk's read keeps the checkpoint from finishing, the erasure stays done and `isScrubPending()` says the
  /// scrub waits for the next purge; a call that erases nothing still tries a scrub left pending.
  @discardableResult
  public func erasePerson(
    phone: PhoneNumber? = nil, email: EmailAddress? = nil, by caller: Caller, now: Date = Date()
  ) throws -> [Int64] {
    try Self.requireCommandLine(caller)
    guard phone != nil || email != nil else {
      throw UserError("Indiquez un téléphone ou une adresse électronique.")
    }
    let erased = try StoreErrors.run("Effacement des coordonnées") {
      try writer.write { db in
        let records = try Self.personRecords(db, phone: phone, email: email)
        for record in records {
          _ = try Self.withdraw(db, consentID: record.consentId, at: now)
          try AuditLog.append(
            db, by: caller, action: .contactErased, subject: "contact", subjectID: record.contactId,
            at: now)
        }
        return records.map(\.contactId)
      }
    }
    try completePendingScrub()
    return erased
  }

  static func personRecords(_ db: Database, phone: PhoneNumber?, email: EmailAddress?) throws
    -> [PersonRecord]
  {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT ct.*, c.text_version, c.given_at, c.withdrawn_at, s.name AS structure_name
        FROM contact ct
        JOIN consent c ON c.id = ct.consent_id
        JOIN operator_structure s ON s.id = c.recipient_structure_id
        WHERE (ct.phone = ?1 AND ?1 IS NOT NULL) OR (ct.email = ?2 AND ?2 IS NOT NULL)
        ORDER BY ct.id
        """, arguments: [phone?.digits, email?.value])
    return try rows.map { row in
      let consentID: Int64 = row["consent_id"]
      let bookings = try Row.fetchAll(
        db,
        sql: """
          SELECT a.reference, a.starts_at, a.status, s.name FROM appointment a
          JOIN advisor ad ON ad.id = a.advisor_id JOIN operator_structure s ON s.id = ad.structure_id
          WHERE a.consent_id = ? ORDER BY a.starts_at
          """, arguments: [consentID]
      ).map {
        PersonRecord.Booking(
          reference: $0["reference"], startsAt: $0["starts_at"], status: $0["status"],
          structure: $0["name"])
      }
      return PersonRecord(
        contactId: row["id"], firstName: row["first_name"], lastName: row["last_name"],
        phone: row["phone"], email: row["email"], consentId: consentID,
        consentTextVersion: row["text_version"], consentGivenAt: row["given_at"],
        consentWithdrawnAt: row["withdrawn_at"], recipientStructure: row["structure_name"],
        appointments: bookings)
    }
  }

  /// `Permission.handlePersonRequest`: `guichet person` on the server, never a console account.
  static func requireCommandLine(_ caller: Caller) throws {
    try caller.require(.handlePersonRequest)
  }
}
