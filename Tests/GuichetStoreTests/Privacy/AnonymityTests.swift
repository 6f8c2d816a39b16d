import GRDB
import Testing

@testable import GuichetStore

/// The visit tables cannot hold identity: their columns are exactly these, and none looks like personal data.
@Suite struct AnonymityTests {
  static let visitColumns = [
    "id", "site_id", "desk_id", "channel", "arrived_at", "started_at", "closed_at",
    "public_category",
    "age_band", "territory_id", "outcome", "reason", "day", "month",
    // v1-supervision: hour of arrival, optional 1–5 score, demonstration flag.
    "hour", "satisfaction", "synthetic",
    // v5-queue: the site's number of the day (1, 2, 3…), which says nothing of the person.
    "ticket",
  ]
  static let visitRequestColumns = ["visit_id", "request_kind"]
  static let identityWords = [
    "name", "nom", "phone", "tel", "mail", "birth", "naiss", "address", "adresse", "comment",
    "note",
    "text", "free",
  ]

  func columns(_ table: String) throws -> [String] {
    let database = try AppDatabase.inMemory()
    return try database.writer.read { db in
      try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
    }
  }

  @Test func visitHasExactlyTheWhitelistedColumns() throws {
    #expect(try columns("visit") == Self.visitColumns)
    #expect(try columns("visit_request") == Self.visitRequestColumns)
  }

  @Test(arguments: ["visit", "visit_request"])
  func noColumnLooksLikeIdentity(table: String) throws {
    let names = try columns(table)
    #expect(!names.isEmpty)
    for name in names {
      for word in Self.identityWords {
        #expect(!name.lowercased().contains(word), "\(table).\(name) looks like identity (\(word))")
      }
    }
  }
}
