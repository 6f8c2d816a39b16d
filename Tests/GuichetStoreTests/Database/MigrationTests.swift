import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

@Suite struct MigrationTests {
  @Test func migratesAnEmptyDatabase() throws {
    let database = try AppDatabase.inMemory()
    try database.writer.read { db in
      #expect(try AppDatabase.migrator.hasCompletedMigrations(db))
      let applied = try AppDatabase.migrator.appliedMigrations(db)
      #expect(applied.starts(with: ["v1-territory", "v1-desk"]))
      for table in [
        "site", "desk", "visit", "visit_request", "bassin", "commune", "territory",
        "territory_bassin", "store_meta", "channel", "public_category", "age_band", "request_kind",
        "outcome", "no_answer_reason",
      ] {
        #expect(try db.tableExists(table), "missing table \(table)")
      }
      for index in ["visit_desk_day", "visit_site_day", "visit_day", "commune_name_search"] {
        #expect(
          try db.indexes(on: index.hasPrefix("visit") ? "visit" : "commune").contains {
            $0.name == index
          })
      }
    }
  }

  @Test func migratesAndSeedsAFreshQueueFromScratch() throws {
    let queue = try DatabaseQueue()
    let database = try AppDatabase(queue)
    #expect(try database.writer.read(AppDatabase.migrator.hasCompletedMigrations))
    #expect(try Fixtures.count(database, "commune") == 2_745)
    #expect(try Fixtures.count(database, "request_kind") == RequestKind.allCases.count)
  }

  @Test func seedingIsSkippedWhenTheMarkersAreCurrent() throws {
    let database = try AppDatabase.inMemory()
    try database.writer.write {
      try $0.execute(sql: "DELETE FROM commune WHERE insee_code = '73065'")
    }
    try Seeding.ensure(database.writer)
    #expect(try Fixtures.count(database, "commune") == 2_744)
    try database.writer.write {
      try $0.execute(sql: "UPDATE store_meta SET value = 'old' WHERE key = 'territories'")
    }
    try Seeding.ensure(database.writer)
    #expect(try Fixtures.count(database, "commune") == 2_745)
  }

  @Test func seedsEveryVocabularyFromTheCoreEnums() throws {
    let database = try AppDatabase.inMemory()
    try database.writer.read { db in
      let channels = try Row.fetchAll(db, sql: "SELECT code, label FROM channel ORDER BY position")
      #expect(channels.map { $0["code"] as String } == Channel.allCases.map(\.rawValue))
      #expect(channels.map { $0["label"] as String } == Channel.allCases.map(\.label))
      #expect(
        try Int.fetchOne(db, sql: "SELECT count(*) FROM request_kind") == RequestKind.allCases.count
      )
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM outcome") == Outcome.allCases.count)
      #expect(
        try Int.fetchOne(db, sql: "SELECT count(*) FROM no_answer_reason")
          == NoAnswerReason.allCases.count)
      #expect(
        try Int.fetchOne(db, sql: "SELECT count(*) FROM public_category")
          == PublicCategory.allCases.count)
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM age_band") == AgeBand.allCases.count)
      #expect(
        try String.fetchOne(db, sql: "SELECT label FROM outcome WHERE code = 'no_answer'")
          == "Pas de réponse possible")
    }
  }

  @Test func workplaceIsFoundOrCreatedIdempotently() throws {
    let database = try AppDatabase.inMemory()
    let first = try database.workplace(siteName: "  CIO   Vienne ", deskName: "Poste 1")
    let again = try database.workplace(siteName: "CIO Vienne", deskName: "Poste 1")
    let other = try database.workplace(siteName: "CIO Vienne", deskName: "Poste 2")
    #expect(first == again)
    #expect(first.siteName == "CIO Vienne")
    #expect(other.siteID == first.siteID)
    #expect(other.deskID != first.deskID)
    #expect(try Fixtures.count(database, "site") == 1)
    #expect(try Fixtures.count(database, "desk") == 2)
    #expect(throws: UserError("Indiquez le nom du poste d'accueil.")) {
      try database.workplace(siteName: "CIO Vienne", deskName: " \t ")
    }
  }
}

/// « v2-consent-account-only » on a file that already holds consents whose free-text `agent` was filled in.
@Suite struct ConsentAgentMigrationTests {
  /// A database as it was before the migration: every earlier migration applied, one visit, two consents with
  /// typed initials (one taken by an account, one before accounts), and a contact under the first.
  func previousDatabase() throws -> DatabaseQueue {
    let queue = try DatabaseQueue()
    try AppDatabase.migrator.migrate(queue, upTo: "v1-supervision")
    try queue.write { db in
      #expect(try db.columns(in: "consent").contains { $0.name == "agent" })
      try db.execute(
        sql: """
          INSERT INTO site (id, name) VALUES (1, 'CIO Vienne');
          INSERT INTO desk (id, site_id, name) VALUES (1, 1, 'Poste 1');
          INSERT INTO visit (id, site_id, desk_id, channel, arrived_at, public_category, age_band, day, month)
            VALUES (1, 1, 1, ?, '2026-06-01 06:00:00.000', ?, ?, 20260601, 202606);
          INSERT INTO operator_structure (id, kind, name) VALUES (1, ?, 'Mission locale de Vienne');
          INSERT INTO account (id, login, role, password_hash, created_at, password_changed_at)
            VALUES (7, 'accueil', 'agent', 'scrypt$x', '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000');
          INSERT INTO consent (id, visit_id, text_version, purpose, recipient_structure_id, given_at, desk_id, agent, account_id)
            VALUES (1, 1, 1, 'appointment', 1, '2026-06-01 06:10:00.000', 1, 'M. D.', 7),
                   (2, 1, 1, 'appointment', 1, '2026-06-01 06:20:00.000', 1, 'J. B.', NULL);
          INSERT INTO contact (consent_id, first_name, last_name, phone) VALUES (1, 'Zoé', 'Quintanilla', '0612345678');
          """,
        arguments: [
          Channel.walkIn.rawValue, PublicCategory.notSaid.rawValue, AgeBand.notSaid.rawValue,
          OperatorKind.missionLocale.rawValue,
        ])
    }
    return queue
  }

  @Test func theTypedAgentGoesAndTheProofStays() throws {
    let queue = try previousDatabase()
    let database = try AppDatabase(queue)
    try queue.read { db in
      let completed = try AppDatabase.migrator.hasCompletedMigrations(db)
      let columns = try db.columns(in: "consent").map(\.name)
      #expect(completed)
      #expect(!columns.contains("agent") && columns.contains("account_id"))
    }
    let first = try #require(try database.consent(id: 1))
    #expect(first.accountID == 7)
    #expect(first.textVersion == 1)
    #expect(first.givenAt == Date(timeIntervalSince1970: 1_780_294_200))
    #expect(try database.consent(id: 2)?.accountID == nil)
    // The agent who took it still sees the contact; access requests and the purge still work.
    #expect(
      try database.contact(consentID: 1, by: Caller(accountID: 7, role: .agent))?.lastName
        == "Quintanilla")
    let phone = try PhoneNumber(parsing: "0612345678")
    #expect(try database.person(phone: phone, by: .commandLine).first?.consentId == 1)
    let purged = try database.purgeExpiredContacts(now: Date(timeIntervalSince1970: 1_800_000_000))
    #expect(purged.map(\.consentID) == [1])
    #expect(try database.consent(id: 1)?.accountID == 7, "the proof outlives the contact")
    #expect(try database.verifyAudit().isIntact)
  }
}
