import Foundation
import GRDB
import GuichetCore

@testable import GuichetStore

/// An in-memory database whose new passwords use a cheap scrypt (N = 2^10), so tests stay fast; the
/// production parameters are checked on their own in `PasswordHasherTests`.
enum AccountFixtures {
  static let cheap = PasswordHasher(logRounds: 10, blockSize: 8, parallelism: 1)
  static let password = "une phrase de passe solide"
  static let now = Date(timeIntervalSince1970: 1_780_293_600)

  static func database(_ base: AppDatabase? = nil) throws -> AppDatabase {
    var database = try base ?? AppDatabase.inMemory()
    database.passwordHasher = cheap
    return database
  }

  /// The first administrator, created on the empty database.
  static func administrator(_ database: AppDatabase) throws -> Account {
    try database.createAccount(
      login: "admin", role: .administrator, password: password, by: nil, now: now)
  }

  static func rawCount(_ database: AppDatabase, _ sql: String) throws -> Int {
    try database.writer.read { try Int.fetchOne($0, sql: sql) ?? -1 }
  }
}
