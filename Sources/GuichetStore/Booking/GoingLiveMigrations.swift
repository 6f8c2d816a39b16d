import GRDB
import GuichetCore

extension DatabaseMigrator {
  /// A consent text may be published for one kind of structure (a CIO is not France Travail). Texts stay
  /// append-only: `consent_text_frozen` and `consent_text_kept` already refuse edits and deletions, and a new
  /// version must come after every published one, so a consent's version always means the words it was given on.
  mutating func registerConsentTextKindMigration() {
    registerMigration("v3-consent-text-kind") { db in
      try db.execute(
        sql: """
          ALTER TABLE consent_text ADD COLUMN operator_kind TEXT REFERENCES operator_kind(code);
          CREATE TRIGGER consent_text_appended BEFORE INSERT ON consent_text
          WHEN NEW.version <= (SELECT coalesce(max(version), 0) FROM consent_text)
          BEGIN SELECT RAISE(ABORT, 'consent texts are appended: a new version comes after the others'); END;
          """)
    }
  }
}

extension DatabaseMigrator {
  /// The first default table gave some rules another rule's reason (the RQTH job seeker read « Demandeur
  /// d'emploi : France Travail… », an adult asking about school « Élève ou étudiant »). Each default rule
  /// still holding one of the first texts unchanged gets its own reason; a reason a site wrote is kept.
  mutating func registerRoutingReasonsMigration() {
    registerMigration("v3-routing-default-reasons") { db in
      let firstTexts = [
        "Jeune de 16 à 25 ans sorti du système scolaire : la Mission locale l'accompagne (emploi, formation, vie quotidienne).",
        "Travailleur handicapé (RQTH) : Cap emploi accompagne vers l'emploi et le maintien dans l'emploi.",
        "Cadre ou jeune diplômé (bac+3 et plus) : l'APEC est l'opérateur du conseil en évolution professionnelle des cadres.",
        "Demandeur d'emploi : France Travail (inscription, indemnisation, accompagnement vers l'emploi).",
        "Salarié ayant un projet de reconversion : Transitions Pro (projet de transition professionnelle).",
        "Élève ou étudiant : le CIO conseille sur l'orientation scolaire et les études.",
        "Indépendant ou salarié : le conseil en évolution professionnelle des actifs est assuré par l'opérateur habilité par la Région.",
      ]
      let placeholders = firstTexts.map { _ in "?" }.joined(separator: ", ")
      for rule in DefaultRoutingRules.rules {
        try db.execute(
          sql: """
            UPDATE routing_rule SET reason = ?
            WHERE territory_id IS NULL AND operator_kind = ? AND public_category IS ?
              AND age_band IS ? AND request_kind IS ? AND reason IN (\(placeholders))
            """,
          arguments: StatementArguments(
            [
              rule.reason, rule.operatorKind.rawValue, rule.publicCategory?.rawValue,
              rule.ageBand?.rawValue, rule.requestKind?.rawValue,
            ] + firstTexts))
      }
    }
  }
}

extension DatabaseMigrator {
  /// The calendar file's SEQUENCE (RFC 5545 §3.8.7.4): a move or a cancellation is a new revision of the
  /// same UID, so the entry the person imported is replaced, not doubled.
  mutating func registerAppointmentSequenceMigration() {
    registerMigration("v5-appointment-sequence") { db in
      try db.execute(
        sql:
          "ALTER TABLE appointment ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0)"
      )
    }
  }
}
