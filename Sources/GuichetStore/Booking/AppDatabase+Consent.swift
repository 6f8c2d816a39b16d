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

  /// Publishes a new version; earlier consents keep pointing at the text they were given on.
  public func publishConsentText(body: String, retentionDays: Int, at date: Date = Date()) throws
    -> ConsentText
  {
    let cleaned = body.split(separator: "\n", omittingEmptySubsequences: false)
      .map { SafeText.clean(String($0)) }.joined(separator: "\n")
    try ConsentText(version: 0, body: cleaned, retentionDays: retentionDays, publishedAt: date)
      .validate()
    return try StoreErrors.run("Publication du texte de consentement") {
      try writer.write { db in
        let version = (try Int.fetchOne(db, sql: "SELECT max(version) FROM consent_text") ?? 0) + 1
        let text = ConsentText(
          version: version, body: cleaned, retentionDays: retentionDays, publishedAt: date)
        try db.execute(
          sql: """
            INSERT INTO consent_text (version, purpose, body, retention_days, published_at)
            VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [version, text.purpose.rawValue, text.body, text.retentionDays, date])
        return text
      }
    }
  }

  /// Records the person's explicit « Oui » to the latest text, for one recipient structure.
  /// Refused when the text shown is no longer the latest, so nobody agrees to words they did not hear.
  public func recordConsent(
    visitID: Int64, textVersion: Int, recipientStructureID: Int64, deskID: Int64,
    agent: String? = nil, at date: Date = Date()
  ) throws -> Consent {
    try StoreErrors.run("Enregistrement du consentement") {
      try writer.write { db in
        guard try VisitRecord.exists(db, key: visitID) else {
          throw UserError(
            "Cette visite n'existe plus : le consentement ne peut pas être enregistré.")
        }
        let latest = try Int.fetchOne(db, sql: "SELECT max(version) FROM consent_text")
        guard latest == textVersion else {
          throw UserError(
            "Le texte de consentement vient de changer : lisez la nouvelle version à la personne.")
        }
        guard
          let structure = try OperatorStructureRecord.fetchOne(db, key: recipientStructureID),
          structure.isActive
        else {
          throw UserError("Cette structure n'existe plus ou n'accueille plus de rendez-vous.")
        }
        guard try DeskRecord.exists(db, key: deskID) else {
          throw UserError("Ce poste d'accueil n'existe plus.")
        }
        let trimmedAgent = agent.map { Self.cleanName($0) }.flatMap { $0.isEmpty ? nil : $0 }
        var record = ConsentRecord(
          Consent(
            visitID: visitID, textVersion: textVersion, recipientStructureID: recipientStructureID,
            givenAt: date, deskID: deskID, agent: trimmedAgent))
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
  /// appointments still booked are revoked. Withdrawing twice changes nothing.
  @discardableResult
  public func withdrawConsent(id: Int64, at date: Date = Date()) throws -> Consent {
    try StoreErrors.run("Retrait du consentement") {
      try writer.write { db in
        guard var record = try ConsentRecord.fetchOne(db, key: id) else {
          throw UserError("Ce consentement n'existe pas.")
        }
        if record.withdrawnAt != nil { return record.consent }
        record.withdrawnAt = max(date, record.givenAt)
        try record.update(db)
        try db.execute(sql: "DELETE FROM contact WHERE consent_id = ?", arguments: [id])
        try db.execute(
          sql: """
            UPDATE appointment SET status = 'revoked', status_at = ?, cancelled_at = ?
            WHERE consent_id = ? AND status = 'booked'
            """, arguments: [record.withdrawnAt, record.withdrawnAt, id])
        return record.consent
      }
    }
  }

  /// Saves the contact under its consent (replacing an earlier one for that consent). The schema refuses
  /// a contact whose consent is missing or withdrawn; this says so in French first.
  public func saveContact(_ contact: Contact, consentID: Int64) throws -> Contact {
    try StoreErrors.run("Enregistrement des coordonnées") {
      try writer.write { db in
        guard let consent = try ConsentRecord.fetchOne(db, key: consentID) else {
          throw UserError("Sans consentement enregistré, aucune coordonnée ne peut être saisie.")
        }
        guard consent.withdrawnAt == nil else {
          throw UserError(
            "La personne a retiré son consentement : ses coordonnées ne peuvent plus être saisies.")
        }
        var record = ContactRecord(contact, consentID: consentID)
        record.id = try Int64.fetchOne(
          db, sql: "SELECT id FROM contact WHERE consent_id = ?", arguments: [consentID])
        try record.save(db)
        return record.contact
      }
    }
  }

  /// Erases the contact typed for a booking the store then refused (advisor removed meanwhile, structure
  /// closed, slot no longer open…), so no personal data is left without an appointment. Kept as soon as any
  /// appointment hangs on the consent. The agent still has the fields on screen for another attempt.
  public func discardUnbookedContact(consentID: Int64) throws {
    try StoreErrors.run("Effacement des coordonnées") {
      try writer.write { db in
        try db.execute(
          sql: """
            DELETE FROM contact WHERE consent_id = ?
              AND NOT EXISTS (SELECT 1 FROM appointment WHERE consent_id = ?)
            """, arguments: [consentID, consentID])
      }
    }
  }

  public func contact(consentID: Int64) throws -> Contact? {
    try StoreErrors.run("Lecture des coordonnées") {
      try writer.read { db in
        try ContactRecord.fetchOne(
          db, sql: "SELECT * FROM contact WHERE consent_id = ?", arguments: [consentID]
        )?.contact
      }
    }
  }

  /// Earlier contacts with the same phone or e-mail, offered for reuse (newest first); the contact's own
  /// consent is left out. Only contacts still under a live consent exist, so nothing withdrawn comes back.
  public func possibleDuplicates(of contact: Contact, excludingConsentID: Int64? = nil) throws
    -> [Contact]
  {
    guard contact.phone != nil || contact.email != nil else { return [] }
    return try StoreErrors.run("Recherche des doublons") {
      try writer.read { db in
        try ContactRecord.fetchAll(
          db,
          sql: """
            SELECT * FROM contact
            WHERE (phone = ? OR email = ?) AND consent_id IS NOT ?
            ORDER BY id DESC LIMIT 5
            """,
          arguments: [contact.phone?.digits, contact.email?.value, excludingConsentID]
        ).map(\.contact)
      }
    }
  }

  /// Erases contacts kept longer than their consent text announced: that many days after the last
  /// appointment (or after the consent when nothing was booked), unless an appointment is still to come.
  /// Returns how many were erased; the anonymous visit and appointment rows stay for statistics.
  @discardableResult
  public func purgeExpiredContacts(now: Date = Date()) throws -> Int {
    try StoreErrors.run("Effacement des coordonnées expirées") {
      try writer.write { db in
        try db.execute(
          sql: """
            DELETE FROM contact WHERE consent_id IN (
              SELECT c.id FROM consent c JOIN consent_text t ON t.version = c.text_version
              WHERE julianday(?) - julianday(coalesce(
                  (SELECT max(a.ends_at) FROM appointment a WHERE a.consent_id = c.id), c.given_at))
                > t.retention_days
                AND NOT EXISTS (
                  SELECT 1 FROM appointment a
                  WHERE a.consent_id = c.id AND a.cancelled_at IS NULL AND a.ends_at > ?))
            """, arguments: [now, now])
        return db.changesCount
      }
    }
  }

  static func consentText(_ row: Row) -> ConsentText {
    ConsentText(
      version: row["version"], purpose: ConsentPurpose(rawValue: row["purpose"]) ?? .appointment,
      body: row["body"], retentionDays: row["retention_days"], publishedAt: row["published_at"])
  }
}
