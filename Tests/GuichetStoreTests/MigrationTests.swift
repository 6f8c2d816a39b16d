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
