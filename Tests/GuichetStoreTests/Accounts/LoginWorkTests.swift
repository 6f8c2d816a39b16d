import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// Logins that tell nothing and cannot be guessed for free: an unknown login costs the same scrypt work as
/// a known one from the very first attempt (counted, never timed), and a desk whose file is read-only still
/// locks a login after five failures.
@Suite struct LoginWorkTests {
  let now = AccountFixtures.now

  /// The scrypt derivations `body` runs.
  func derivations(_ body: () throws -> Void) rethrows -> Int {
    let counter = DerivationCounter()
    try PasswordHasher.$derivations.withValue(counter) { try body() }
    return counter.value
  }

  /// A fresh store each time, so the first attempt is the first of its process-wide state too.
  func store() throws -> AppDatabase {
    let database = try AccountFixtures.database()
    _ = try AccountFixtures.administrator(database)
    return database
  }

  @Test func anUnknownLoginCostsTheSameWorkAsAKnownOneFromTheFirstAttempt() throws {
    let first = try store()
    let unknownFirst = derivations {
      _ = try? first.authenticate(login: "personne", password: "pas le bon", now: now)
    }
    let second = try store()
    let knownFirst = derivations {
      _ = try? second.authenticate(login: "admin", password: "pas le bon", now: now)
    }
    #expect(unknownFirst == 1 && knownFirst == 1, "\(unknownFirst) against \(knownFirst)")
    let attempts = [
      ("personne", "pas le bon"), ("admin", "pas le bon"), ("admin", AccountFixtures.password),
    ]
    let counts = attempts.map { login, password in
      derivations { _ = try? first.authenticate(login: login, password: password, now: now) }
    }
    #expect(counts == [1, 1, 1])
  }

  @Test func aReadOnlyDeskCountsTheSameWorkForAnUnknownLogin() throws {
    let (database, _) = try readOnlyStore("work")
    let unknown = derivations {
      _ = try? database.checkPassword(login: "personne", password: "x", now: now)
    }
    let known = derivations {
      _ = try? database.checkPassword(login: "admin", password: "x", now: now)
    }
    #expect(unknown == 1 && known == 1)
  }

  /// A file opened read-only (as a desk opens a file it may not write), with the administrator in it.
  func readOnlyStore(_ label: String) throws -> (AppDatabase, String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-login-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("guichet.sqlite").path
    do {
      let writable = try AccountFixtures.database(
        AppDatabase.open(path: path, bundledReference: false))
      _ = try AccountFixtures.administrator(writable)
    }
    var database = try AppDatabase.openReadOnly(path: path)
    database.passwordHasher = AccountFixtures.cheap
    return (database, path)
  }

  @Test func aReadOnlyDeskRefusesTheRightPasswordAfterTenWrongOnes() throws {
    let (database, path) = try readOnlyStore("guess")
    var messages: [String] = []
    for attempt in 1...10 {
      do {
        _ = try database.checkPassword(
          login: "admin", password: "essai numéro \(attempt)",
          now: now.addingTimeInterval(Double(attempt)))
        Issue.record("a wrong password was accepted")
      } catch let error as UserError {
        messages.append(error.message)
      }
    }
    #expect(messages.allSatisfy { $0.hasPrefix(AppDatabase.loginRefused) })
    #expect(messages[0].contains("lecture seule : 1 échec(s)"), "\(messages[0])")
    #expect(messages[4].contains("5 échec(s)"), "\(messages[4])")
    #expect(messages.allSatisfy { !$0.contains("essai numéro") }, "never the password")
    #expect(throws: UserError.self, "locked on this desk for 15 minutes") {
      try database.checkPassword(
        login: "admin", password: AccountFixtures.password, now: now.addingTimeInterval(60))
    }
    // An unknown login is counted and locked alike, so the lockout says nothing about which logins exist.
    for _ in 1...5 { _ = try? database.checkPassword(login: "personne", password: "x", now: now) }
    #expect(throws: UserError.self) {
      try database.checkPassword(login: "personne", password: "x", now: now)
    }
    let later = now.addingTimeInterval(AppDatabase.lockoutDuration + 120)
    #expect(
      try database.checkPassword(login: "admin", password: AccountFixtures.password, now: later)
        .login
        == "admin")
    // Nothing was written to the file: the lockout lived in memory.
    let failures = try DatabaseQueue(path: path).read { db in
      try Int.fetchOne(db, sql: "SELECT failed_attempts FROM account WHERE login = 'admin'")
    }
    #expect(failures == 0)
  }
}
