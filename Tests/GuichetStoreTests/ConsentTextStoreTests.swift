import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// Publishing consent texts: append-only versions, per kind of structure, and consents that keep theirs.
@Suite struct ConsentTextStoreTests {
  static let body = "Vos coordonnées iront à {structure} pendant {duree} jours. D'accord ?"

  @Test func aTextForOneKindIsReadForThatKindOnly() throws {
    let setup = try BookingSetup.make()
    let cio = try setup.database.publishConsentText(
      body: "CIO : " + Self.body, retentionDays: 60, operatorKind: .cio, by: .commandLine)
    #expect(cio.version == 2)
    #expect(try setup.database.consentText(for: .cio).version == cio.version)
    #expect(try setup.database.consentText(for: .missionLocale).version == 1)
    // A Mission locale consent may still be given on v1, which is its latest text.
    let other = try setup.database.save(
      Visit(
        siteID: setup.workplace.siteID, deskID: setup.workplace.deskID, arrivedAt: BookingSetup.now,
        publicCategory: .earlySchoolLeaver, ageBand: .from16to25, territoryID: setup.territoryID,
        requestKinds: [.jobSearch], day: BookingSetup.monday.number), by: .commandLine)
    let consent = try setup.database.recordConsent(
      visitID: try #require(other.id), textVersion: 1,
      recipientStructureID: try #require(setup.structure.id), deskID: setup.workplace.deskID,
      by: .commandLine, at: BookingSetup.now)
    #expect(consent.textVersion == 1)
    // A later text for every kind replaces both.
    let all = try setup.database.publishConsentText(
      body: Self.body, retentionDays: 90, by: .commandLine)
    #expect(try setup.database.consentText(for: .cio).version == all.version)
    #expect(try setup.database.consentText(for: .missionLocale).version == all.version)
    #expect(try setup.database.consentTexts().map(\.version) == [1, 2, 3])
    #expect(try setup.database.consentTexts().map(\.operatorKind) == [nil, .cio, nil])
    // Each publication is audited under its version, as whoever published it.
    let audited = try setup.database.writer.read {
      try Row.fetchAll(
        $0,
        sql: "SELECT via, subject_id FROM audit_entry WHERE action = ? ORDER BY id",
        arguments: [AuditAction.consentTextPublished.rawValue])
    }
    #expect(audited.map { $0["subject_id"] as Int64 } == [2, 3])
    #expect(audited.allSatisfy { $0["via"] as String == "command_line" })
  }

  @Test func theNextConsentUsesTheNewVersionAndEarlierOnesKeepTheirs() throws {
    let setup = try BookingSetup.make()
    let v2 = try setup.database.publishConsentText(
      body: Self.body, retentionDays: 30, operatorKind: .missionLocale, by: .commandLine)
    #expect(throws: UserError.self) {
      try setup.database.recordConsent(
        visitID: setup.visitID, textVersion: 1, recipientStructureID: setup.structure.id!,
        deskID: setup.workplace.deskID, by: .commandLine)
    }
    let given = try setup.database.recordConsent(
      visitID: setup.visitID, textVersion: v2.version,
      recipientStructureID: setup.structure.id!, deskID: setup.workplace.deskID, by: .commandLine)
    #expect(given.textVersion == 2)
    let versions = try setup.database.writer.read {
      try Int.fetchAll($0, sql: "SELECT text_version FROM consent ORDER BY id")
    }
    #expect(versions == [1, 2])
  }

  @Test func publishedTextsAreFrozenByTheSchema() throws {
    let setup = try BookingSetup.make()
    _ = try setup.database.publishConsentText(
      body: Self.body, retentionDays: 30, operatorKind: .cio, by: .commandLine)
    for sql in [
      "UPDATE consent_text SET body = 'autre {structure}' WHERE version = 1",
      "UPDATE consent_text SET operator_kind = NULL WHERE version = 2",
      "DELETE FROM consent_text WHERE version = 2",
      """
      INSERT INTO consent_text (version, purpose, body, retention_days, published_at)
      VALUES (0, 'appointment', 'x {structure}', 10, '2026-01-01')
      """,
    ] {
      #expect(throws: DatabaseError.self) {
        try setup.database.writer.write { try $0.execute(sql: sql) }
      }
    }
    #expect(try setup.database.consentText(version: 1).body == ConsentText.initialBody)
    #expect(try setup.database.consentText(version: 2).operatorKind == .cio)
  }

  @Test func aTextWithoutTheRecipientIsRefusedAndNothingIsPublished() throws {
    let setup = try BookingSetup.make()
    #expect(throws: UserError.self) {
      try setup.database.publishConsentText(
        body: "Êtes-vous d'accord ?", retentionDays: 30, by: .commandLine)
    }
    #expect(try setup.database.consentTexts().count == 1)
  }

  @Test func thePurposeNamesTheKindOfStructure() {
    #expect(ConsentPurpose.appointment.label(for: .cio).contains("CIO"))
    #expect(ConsentPurpose.appointment.label(for: .franceTravail).contains("France Travail"))
    #expect(ConsentPurpose.appointment.label(for: .missionLocale).contains("Mission locale"))
    for kind in [OperatorKind.cio, .franceTravail, .missionLocale, .capEmploi] {
      #expect(!ConsentPurpose.appointment.label(for: kind).contains("évolution professionnelle"))
    }
  }
}
