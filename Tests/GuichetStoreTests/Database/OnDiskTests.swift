import Foundation
import GRDB
import GuichetCore
import Synchronization
import Testing

@testable import GuichetStore

@Suite struct OnDiskTests {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("guichet-store-\(UUID().uuidString)")

  var path: String { directory.appendingPathComponent("donnees/guichet.sqlite").path }

  func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return try #require(attributes[.posixPermissions] as? Int) & 0o777
  }

  @Test func createsAPrivateFileInWALWithFullSyncAndBusyTimeout() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = try AppDatabase.open(path: path)
    #expect(database.writer is DatabasePool)
    #expect(try mode(path) == 0o600)
    #expect(try mode(directory.appendingPathComponent("donnees").path) == 0o700)
    let writer = try database.writer.writeWithoutTransaction { try Self.pragmas($0) }
    #expect(writer["journal_mode"] == "wal")
    #expect(writer["synchronous"] == "2")
    // A busy handler with short sleeps (ShortBusyWait) stands in for SQLite's busy_timeout.
    #expect(writer["busy_timeout"] == "0")
    #expect(writer["secure_delete"] == "1")
    #expect(writer["foreign_keys"] == "1")
    let reader = try database.writer.read { try Self.pragmas($0) }
    #expect(
      reader["busy_timeout"] == "10000",
      "GRDB gives the pool's readers their own timeout; WAL readers seldom wait")
    #expect(reader["secure_delete"] == "1")
    #expect(reader["foreign_keys"] == "1")
  }

  /// The busy handler keeps retrying for about the configured timeout, then lets SQLite report « busy ».
  @Test func busyWaitRetriesThenGivesUpAfterTheTimeout() {
    let callback = ShortBusyWait.callback(timeout: 3.5 * ShortBusyWait.averageSleep)
    #expect(callback(0) && callback(1) && callback(2))
    #expect(!callback(3))
  }

  static func pragmas(_ db: Database) throws -> [String: String] {
    var values: [String: String] = [:]
    for name in ["journal_mode", "synchronous", "busy_timeout", "secure_delete", "foreign_keys"] {
      values[name] = try String.fetchOne(db, sql: "PRAGMA \(name)")
    }
    return values
  }

  @Test func reopeningIsIdempotent() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let first = try AppDatabase.open(path: path)
    let workplace = try first.workplace(siteName: "CIO Grenoble", deskName: "Poste 1")
    _ = try first.registerArrival(
      workplace, channel: .walkIn, by: .commandLine, at: Fixtures.morning)
    let second = try AppDatabase.open(path: path)
    #expect(try Fixtures.count(second, "territory") == 38)
    #expect(try Fixtures.count(second, "territory_bassin") == 38)
    #expect(try Fixtures.count(second, "bassin") == 38)
    #expect(try Fixtures.count(second, "channel") == Channel.allCases.count)
    #expect(try Fixtures.count(second, "visit") == 1)
    #expect(try second.workplace(siteName: "CIO Grenoble", deskName: "Poste 1") == workplace)
  }

  @Test func eightDesksOpeningANewFileAtOnceAllSucceed() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = self.path
    let failures = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 8) { index in
      do {
        let database = try AppDatabase.open(path: path)
        _ = try database.workplace(siteName: "CIO Grenoble", deskName: "Poste \(index)")
      } catch {
        failures.withLock { $0.append("\(error)") }
      }
    }
    #expect(failures.withLock { $0 } == [])
    let database = try AppDatabase.open(path: path)
    #expect(try Fixtures.count(database, "territory") == 38)
    #expect(try Fixtures.count(database, "desk") == 8)
  }

  @Test func anotherConnectionsWriteChangesTheDataVersion() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let console = try AppDatabase.open(path: path)
    let otherDesk = try AppDatabase.open(path: path)
    let before = try console.dataVersion()
    #expect(try console.dataVersion() == before)
    _ = try otherDesk.workplace(siteName: "CIO Grenoble", deskName: "Poste 2")
    #expect(try console.dataVersion() != before)
  }

  @Test func anUnusableFileGivesAFrenchErrorNamingThePath() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("donnees"), withIntermediateDirectories: true)
    try Data("ceci n'est pas une base".utf8).write(to: URL(fileURLWithPath: path))
    let error = #expect(throws: UserError.self) { try AppDatabase.open(path: path) }
    #expect(
      error?.message.hasPrefix("« \(path) » n'est pas une base de données Guichet") == true,
      "\(error?.message ?? "")")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "ceci n'est pas une base")
  }

  @Test func aPathUnderAFileGivesAFrenchError() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let blocker = directory.appendingPathComponent("fichier")
    try Data().write(to: blocker)
    let error = #expect(throws: UserError.self) {
      try AppDatabase.open(path: blocker.appendingPathComponent("guichet.sqlite").path)
    }
    #expect(error?.message.contains("fichier/guichet.sqlite") == true)
  }
}

@Suite struct SchemaVersionTests {
  @Test func aDatabaseFromANewerVersionIsRefused() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-newer-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("guichet.sqlite").path
    let database = try AppDatabase.open(path: path)
    try database.writer.write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
    }
    #expect(throws: UserError.self) { try AppDatabase.open(path: path) }
    do {
      _ = try AppDatabase.open(path: path)
    } catch let error as UserError {
      #expect(error.message.contains("version plus récente de Guichet"))
    }
  }
}
