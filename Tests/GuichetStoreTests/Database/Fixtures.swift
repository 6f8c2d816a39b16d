import Foundation
import GRDB
import GuichetCore

@testable import GuichetStore

/// Shared test values: a fixed Tuesday morning in Paris and a fresh in-memory database with one desk.
enum Fixtures {
  /// 2024-03-12 09:00 Europe/Paris (08:00 UTC).
  static let morning = Date(timeIntervalSince1970: 1_710_230_400)
  static let day = 20_240_312

  static func minutes(_ count: Double, after date: Date = morning) -> Date {
    date.addingTimeInterval(count * 60)
  }

  /// With `bundledReference`, search misses keep the words of the métier and certification labels.
  static func database(bundledReference: Bool = false) throws -> (AppDatabase, Workplace) {
    let database = try AppDatabase.inMemory(bundledReference: bundledReference)
    let workplace = try database.workplace(siteName: "CIO Lyon Part-Dieu", deskName: "Poste 1")
    return (database, workplace)
  }

  static func count(_ database: AppDatabase, _ table: String) throws -> Int {
    try database.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? -1 }
  }

  /// A visit coded and ready to close.
  static func closable(_ workplace: Workplace) -> Visit {
    Visit(
      siteID: workplace.siteID, deskID: workplace.deskID, channel: .walkIn, arrivedAt: morning,
      startedAt: minutes(5), closedAt: minutes(20), publicCategory: .jobSeeker,
      ageBand: .from26to44,
      requestKinds: [.training, .cpf], outcome: .information, day: day)
  }
}
