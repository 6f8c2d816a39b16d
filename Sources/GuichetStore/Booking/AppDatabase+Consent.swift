import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// A consent text version, or the latest one when `version` is nil.
  public func consentText(version: Int? = nil) throws -> ConsentText {
    try StoreErrors.run("Lecture du texte de consentement") {
      try writer.read { db in
        let row =
          if let version {
            try Row.fetchOne(
              db, sql: "SELECT * FROM consent_text WHERE version = ?", arguments: [version])
          } else {
            try Row.fetchOne(db, sql: "SELECT * FROM consent_text ORDER BY version DESC LIMIT 1")
          }
        guard let row else { throw UserError("Texte de consentement introuvable.") }
        return Self.consentText(row)
      }
    }
  }

  /// The text to read before booking with a structure of this kind: the latest version published for the
  /// kind or for every kind, so a text published for all replaces earlier ones of a kind.
  public func consentText(for kind: OperatorKind) throws -> ConsentText {
    try StoreErrors.run("Lecture du texte de consentement") {
      try writer.read { db in try Self.latestConsentText(db, for: kind) }
    }
  }

  /// Every published version, oldest first: they are never edited, so this is the history as given.
  public func consentTexts() throws -> [ConsentText] {
    try StoreErrors.run("Lecture des textes de consentement") {
      try writer.read { db in
        try Row.fetchAll(db, sql: "SELECT * FROM consent_text ORDER BY version").map(
          Self.consentText)
      }
    }
  }

  static func latestConsentText(_ db: Database, for kind: OperatorKind) throws -> ConsentText {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT * FROM consent_text WHERE operator_kind IS NULL OR operator_kind = ?
          ORDER BY version DESC LIMIT 1
          """, arguments: [kind.rawValue])
    else { throw UserError("Texte de consentement introuvable.") }
    return consentText(row)
  }

  /// Publishes a new version, for one kind of structure or (nil) for every kind; earlier versions are never
  /// changed and earlier consents keep pointing at the text they were given on. Administrators only.
  public func publishConsentText(
    body: String, retentionDays: Int, operatorKind: OperatorKind? = nil, by caller: Caller,
    at date: Date = Date()
  ) throws -> ConsentText {
    let cleaned = body.split(separator: "\n", omittingEmptySubsequences: false)
      .map { SafeText.clean(String($0)) }.joined(separator: "\n")
    try ConsentText(version: 0, body: cleaned, retentionDays: retentionDays, publishedAt: date)
      .validate()
    return try StoreErrors.run("Publication du texte de consentement") {
      try writer.write { db in
        try caller.require(.administerOperators, in: db)
        let version = (try Int.fetchOne(db, sql: "SELECT max(version) FROM consent_text") ?? 0) + 1
        let text = ConsentText(
          version: version, body: cleaned, retentionDays: retentionDays, publishedAt: date,
          operatorKind: operatorKind)
        try db.execute(
          sql: """
            INSERT INTO consent_text (version, purpose, body, retention_days, published_at, operator_kind)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            version, text.purpose.rawValue, text.body, text.retentionDays, date,
            operatorKind?.rawValue,
          ])
        try AuditLog.append(
          db, by: caller, action: .consentTextPublished, subject: "consent_text",
          subjectID: Int64(version), at: date)
        return text
      }
    }
  }

  /// Records the person's explicit « Oui » to the latest text, for one recipient structure.
  /// Refused when the text shown is no longer the latest, so nobody agrees to words they did not hear.
  /// The caller's account is kept with it as the proof's « who »: that agent, and no other, may then see the
  /// contact given under it. Agents (and the command line) only.
  public func recordConsent(
    visitID: Int64, textVersion: Int, recipientStructureID: Int64, deskID: Int64,
    by caller: Caller, at date: Date = Date()
  ) throws -> Consent {
    try StoreErrors.run("Enregistrement du consentement") {
      try writer.write { db in
        try caller.require(.takeConsent, in: db)
        try VisitRecord.requireExisting(
          db, key: visitID,
          "Cette visite n'existe plus : le consentement ne peut pas être enregistré.")
        guard
          let structure = try OperatorStructureRecord.fetchOne(db, key: recipientStructureID),
          structure.isActive
        else {
          throw UserError("Cette structure n'existe plus ou n'accueille plus de rendez-vous.")
        }
        let kind = OperatorKind(rawValue: structure.kind) ?? .other
        guard try Self.latestConsentText(db, for: kind).version == textVersion else {
          throw UserError(
            "Le texte de consentement vient de changer : lisez la nouvelle version à la personne.")
        }
        try DeskRecord.requireExisting(db, key: deskID, "Ce poste d'accueil n'existe plus.")
        var record = ConsentRecord(
          Consent(
            visitID: visitID, textVersion: textVersion, recipientStructureID: recipientStructureID,
            givenAt: date, deskID: deskID, accountID: caller.accountID))
        try record.insert(db)
        return record.consent
      }
    }
  }

  public func consent(id: Int64) throws -> Consent? {
    try StoreErrors.run("Lecture du consentement") {
      try writer.read { db in try ConsentRecord.fetchOne(db, key: id)?.consent }
    }
  }

  /// Consents given during a visit, oldest first.
  public func consents(visitID: Int64) throws -> [Consent] {
    try StoreErrors.run("Lecture des consentements") {
      try writer.read { db in
        try ConsentRecord.fetchAll(
          db, sql: "SELECT * FROM consent WHERE visit_id = ? ORDER BY id", arguments: [visitID]
        ).map(\.consent)
      }
    }
  }

  /// Withdraws a consent in one transaction: the contact row is erased (secure_delete overwrites it) and the
  /// appointments still booked are revoked. Withdrawing twice changes nothing. Allowed to whoever may see the
  /// contact (the agent who took it, an advisor of the structure, the command line); the erasure is audited.
  @discardableResult
  public func withdrawConsent(id: Int64, by caller: Caller, at date: Date = Date()) throws
    -> Consent
  {
    let consent = try withdrawConsent(id: id, by: caller, at: date) { db in
      try ConsentRecord.fetchOne(db, key: id)?.consent
    }
    guard let consent else { throw UserError("Ce consentement n'existe pas.") }
    return consent
  }

  /// The withdrawal, then `read` in the same transaction (before the scrub's checkpoint).
  func withdrawConsent<T>(
    id: Int64, by caller: Caller, at date: Date, then read: (Database) throws -> T
  ) throws -> T {
    let result = try StoreErrors.run("Retrait du consentement") {
      try writer.write { db in
        try caller.requireLive(in: db)
        try ConsentRecord.requireExisting(db, key: id, "Ce consentement n'existe pas.")
        guard try ContactAccess.mayRead(db, caller, consentID: id) else {
          throw UserError("Vous ne pouvez pas retirer ce consentement.")
        }
        if let contactID = try Self.withdraw(db, consentID: id, at: date) {
          try AuditLog.append(
            db, by: caller, action: .contactErased, subject: "contact", subjectID: contactID,
            at: date)
        }
        return try read(db)
      }
    }
    // A desk reading at this moment keeps the checkpoint from finishing: the scrub mark makes the next
    // purge, console start or day change finish it; the withdrawal itself is done.
    try completePendingScrub()
    return result
  }

  /// Marks the consent withdrawn, erases its contact and revokes what is still booked; returns the erased
  /// contact's id. Nothing changes for a consent already withdrawn. The erasure is complete: the phone and
  /// e-mail go to the erasure ledger as digests (a restored backup is erased again), search misses holding a
  /// word of the name go, and the scrub mark waits for the checkpoint that empties the `-wal`.
  static func withdraw(_ db: Database, consentID: Int64, at date: Date) throws -> Int64? {
    guard var record = try ConsentRecord.fetchOne(db, key: consentID), record.withdrawnAt == nil
    else { return nil }
    record.withdrawnAt = max(date, record.givenAt)
    try record.update(db)
    let contact = try Row.fetchOne(
      db, sql: "SELECT id, first_name, last_name, phone, email FROM contact WHERE consent_id = ?",
      arguments: [consentID])
    let contactID: Int64? = contact?["id"]
    if let contact {
      try ErasureLedger.record(db, phone: contact["phone"], email: contact["email"], at: date)
      try forgetSearchMisses(db, firstName: contact["first_name"], lastName: contact["last_name"])
      try markScrubPending(db, at: date)
    }
    try db.execute(sql: "DELETE FROM contact WHERE consent_id = ?", arguments: [consentID])
    try db.execute(
      sql: """
        UPDATE appointment SET status = 'revoked', status_at = ?, cancelled_at = ?
        WHERE consent_id = ? AND status = 'booked'
        """, arguments: [record.withdrawnAt, record.withdrawnAt, consentID])
    return contactID
  }

  /// Corrects the contact of a booking (replacing the one given under its consent). Only the agent who took the
  /// consent (or the command line) may; the write is audited. A contact is first written by `book`, in the
  /// booking transaction: the schema refuses a contact under a consent no appointment hangs on, so no crash,
  /// refusal or lost race can leave a person's details behind with no purpose.
  public func saveContact(
    _ contact: Contact, consentID: Int64, by caller: Caller, at date: Date = Date()
  )
    throws -> Contact
  {
    try StoreErrors.run("Enregistrement des coordonnées") {
      try writer.write { db in
        try caller.require(.writeContact, in: db)
        guard
          try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM appointment WHERE consent_id = ?)",
            arguments: [consentID]) == true
        else {
          throw UserError(
            "Les coordonnées accompagnent un rendez-vous : elles sont enregistrées avec la réservation."
          )
        }
        guard let consent = try ConsentRecord.fetchOne(db, key: consentID) else {
          throw UserError("Sans consentement enregistré, aucune coordonnée ne peut être saisie.")
        }
        guard consent.withdrawnAt == nil else {
          throw UserError(
            "La personne a retiré son consentement : ses coordonnées ne peuvent plus être saisies.")
        }
        guard try ContactAccess.mayWrite(db, caller, consentID: consentID) else {
          throw UserError(ContactAccess.refused)
        }
        return try Self.storeContact(db, contact, consentID: consentID, by: caller, at: date)
      }
    }
  }

  /// Writes (or replaces) the contact under its consent inside the caller's transaction, audited; the caller
  /// has checked that the consent is live and theirs (`saveContact`, or `book` before its insert).
  static func storeContact(
    _ db: Database, _ contact: Contact, consentID: Int64, by caller: Caller, at date: Date
  ) throws -> Contact {
    var record = ContactRecord(contact, consentID: consentID)
    record.id = try Int64.fetchOne(
      db, sql: "SELECT id FROM contact WHERE consent_id = ?", arguments: [consentID])
    try record.save(db)
    try AuditLog.append(
      db, by: caller, action: .contactWritten, subject: "contact", subjectID: record.id, at: date)
    return record.contact
  }

  /// The contact given under a consent, for a caller allowed to see it (refused otherwise); the read is audited.
  public func contact(consentID: Int64, by caller: Caller, at date: Date = Date()) throws
    -> Contact?
  {
    try StoreErrors.run("Lecture des coordonnées") {
      try writer.write { db in
        try caller.require(.readContact, in: db)
        guard try ContactAccess.mayRead(db, caller, consentID: consentID) else {
          throw UserError(ContactAccess.refused)
        }
        return try Self.auditedContact(db, consentID: consentID, by: caller, at: date)
      }
    }
  }

  /// The contact given under a consent as this caller may see it (screens that show an appointment to
  /// whoever looks it up say which): shown, hidden from this caller, or erased; a contact shown is audited.
  public func visibleContact(consentID: Int64, by caller: Caller, at date: Date = Date()) throws
    -> VisibleContact
  {
    try StoreErrors.run("Lecture des coordonnées") {
      try writer.write { db in
        try caller.requireLive(in: db)
        guard try ContactAccess.mayRead(db, caller, consentID: consentID) else { return .hidden }
        return try Self.auditedContact(db, consentID: consentID, by: caller, at: date)
          .map(VisibleContact.shown) ?? .erased
      }
    }
  }

  static func auditedContact(_ db: Database, consentID: Int64, by caller: Caller, at date: Date)
    throws -> Contact?
  {
    let contact = try ContactRecord.fetchOne(
      db, sql: "SELECT * FROM contact WHERE consent_id = ?", arguments: [consentID])
    if let contact {
      try AuditLog.appendContactRead(db, by: caller, contactID: contact.id, at: date)
    }
    return contact?.contact
  }

  /// Earlier contacts with the same phone or e-mail, offered for reuse (newest first), among those the
  /// caller may see; the contact's own consent is left out. Only contacts still under a live consent exist,
  /// so nothing withdrawn comes back. Each one shown is audited.
  public func possibleDuplicates(
    of contact: Contact, excludingConsentID: Int64? = nil, by caller: Caller, at date: Date = Date()
  ) throws -> [Contact] {
    guard contact.phone != nil || contact.email != nil else { return [] }
    let (visible, arguments) = ContactAccess.condition(caller, consent: "c")
    return try StoreErrors.run("Recherche des doublons") {
      try writer.write { db in
        try caller.requireLive(in: db)
        let found = try ContactRecord.fetchAll(
          db,
          sql: """
            SELECT ct.* FROM contact ct JOIN consent c ON c.id = ct.consent_id
            WHERE (ct.phone = ? OR ct.email = ?) AND ct.consent_id IS NOT ? AND \(visible)
            ORDER BY ct.id DESC LIMIT 5
            """,
          arguments: [contact.phone?.digits, contact.email?.value, excludingConsentID] + arguments)
        for record in found {
          try AuditLog.appendContactRead(db, by: caller, contactID: record.id, at: date)
        }
        return found.map(\.contact)
      }
    }
  }

  static func consentText(_ row: Row) -> ConsentText {
    ConsentText(
      version: row["version"], purpose: ConsentPurpose(rawValue: row["purpose"]) ?? .appointment,
      body: row["body"], retentionDays: row["retention_days"], publishedAt: row["published_at"],
      operatorKind: (row["operator_kind"] as String?).flatMap(OperatorKind.init(rawValue:)))
  }
}
