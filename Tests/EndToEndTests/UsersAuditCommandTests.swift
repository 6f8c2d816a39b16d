import Foundation
import GRDB
import Testing

/// `guichet users` and `guichet audit` as the real binary: passwords come from stdin (never argv), the
/// audit chain verifies, and a trail edited with raw SQL fails `guichet audit verify` with exit code 2.
@Suite("Command line: users and audit")
struct UsersAuditCommandTests {
  static func prepared(_ label: String) throws -> (GuichetRun, [String], String) {
    let runner = GuichetRun(folder: try GuichetRun.temporaryFolder("users-\(label)"))
    let path = runner.folder.appendingPathComponent("users.sqlite").path
    try SeededDatabase.copy(to: path)
    return (runner, ["--database", path], path)
  }

  @Test func accountsAreAddedListedDisabledWithPasswordsFromStdin() throws {
    var (runner, database, path) = try Self.prepared("lifecycle")
    runner.input = "phrase de passe du patron\n"
    let added = try runner.run(["users", "add", "--login", "chef", "--role", "admin"] + database)
    #expect(added.status == 0, "\(added.stderr)")
    #expect(added.stdout.contains("Compte créé : chef (administrateur)"), "\(added.stdout)")
    runner.input = "court\n"
    let weak = try runner.run(["users", "add", "--login", "weak", "--role", "agent"] + database)
    #expect(weak.status == 1)
    #expect(weak.stderr.contains("au moins 12 caractères"), "\(weak.stderr)")
    runner.input = nil
    let advisor = try runner.run(
      ["users", "add", "--login", "c1", "--role", "conseiller"] + database)
    #expect(advisor.status == 64, "usage error without --structure")
    #expect(advisor.stderr.contains("--structure"), "\(advisor.stderr)")

    let listed = try runner.run(["users", "list"] + database)
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(listed.stdout.contains("chef\tadministrateur"), "\(listed.stdout)")
    #expect(!listed.stdout.contains("scrypt"), "no hash is ever printed")

    runner.input = "nouvelle phrase secrète\n"
    let changed = try runner.run(["users", "passwd", "chef"] + database)
    #expect(changed.status == 0, "\(changed.stderr)")
    runner.input = "phrase de passe seconde\n"
    _ = try runner.run(
      ["users", "add", "--login", "adjoint", "--role", "administrateur"] + database)
    runner.input = nil
    let disabled = try runner.run(["users", "disable", "adjoint"] + database)
    #expect(disabled.status == 0, "\(disabled.stderr)")
    let after = try runner.run(["users", "list", "--format", "json"] + database)
    #expect(after.stdout.contains(#""disabled":true,"id""#), "\(after.stdout)")

    let stored = try DatabaseQueue(path: path).read { db in
      try String.fetchAll(db, sql: "SELECT password_hash FROM account WHERE login = 'chef'")
    }
    #expect(stored.count == 1)
    #expect(stored.allSatisfy { $0.hasPrefix("scrypt$16$8$1$") && !$0.contains("phrase") })
  }

  @Test func auditVerifyPassesThenFailsOnATamperedTrail() throws {
    var (runner, database, path) = try Self.prepared("verify")
    runner.input = "phrase de passe du patron\n"
    _ = try runner.run(["users", "add", "--login", "chef", "--role", "admin"] + database)
    runner.input = nil
    let intact = try runner.run(["audit", "verify"] + database)
    #expect(intact.status == 0, "\(intact.stderr)")
    #expect(intact.stdout.contains("Journal d'audit intact"), "\(intact.stdout)")
    let list = try runner.run(["audit", "list"] + database)
    #expect(list.stdout.contains("compte créé account"), "\(list.stdout)")

    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    try DatabaseQueue(path: path, configuration: configuration).write { db in
      try db.execute(sql: "DROP TRIGGER audit_entry_frozen")
      try db.execute(sql: "UPDATE audit_entry SET subject_id = subject_id + 1")
    }
    let tampered = try runner.run(["audit", "verify"] + database)
    #expect(tampered.status == 2)
    #expect(tampered.stderr.contains("journal d'audit altéré"), "\(tampered.stderr)")
  }

  /// What someone with the `sqlite3` tool could do to the trail, once the guarding triggers are dropped.
  enum Tampering: String, CaseIterable, CustomTestStringConvertible {
    case modified, deletedInTheMiddle, deletedAtTheEnd, reordered
    var testDescription: String { rawValue }

    var sql: String {
      switch self {
      case .modified: "UPDATE audit_entry SET account_id = 999 WHERE id = 2"
      case .deletedInTheMiddle: "DELETE FROM audit_entry WHERE id = 2"
      case .deletedAtTheEnd: "DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)"
      case .reordered:
        """
        UPDATE audit_entry SET id = -1 WHERE id = 2;
        UPDATE audit_entry SET id = 2 WHERE id = 3;
        UPDATE audit_entry SET id = 3 WHERE id = -1;
        """
      }
    }
  }

  /// The seeded file's trail (three accounts created) verifies; each kind of tampering makes
  /// `guichet audit verify` exit with 2 and say in French where the chain broke.
  @Test(arguments: Tampering.allCases) func auditVerifyFailsOnEveryKindOfTampering(
    _ tampering: Tampering
  ) throws {
    let (runner, database, path) = try Self.prepared("tamper-\(tampering.rawValue)")
    let intact = try runner.run(["audit", "verify"] + database)
    #expect(intact.status == 0, "\(intact.stderr)")
    #expect(intact.stdout.contains("Journal d'audit intact : 3 entrée(s)."), "\(intact.stdout)")
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    try DatabaseQueue(path: path, configuration: configuration).write { db in
      try db.execute(sql: "DROP TRIGGER audit_entry_frozen; DROP TRIGGER audit_entry_kept")
      try db.execute(sql: tampering.sql)
    }
    let tampered = try runner.run(["audit", "verify"] + database)
    #expect(tampered.status == 2, "\(tampered.stdout)")
    #expect(tampered.stderr.contains("guichet : journal d'audit altéré : "), "\(tampered.stderr)")
    #expect(
      tampered.stderr.contains("n° 2") || tampered.stderr.contains("n° 3"), "\(tampered.stderr)")
    #expect(!tampered.stdout.contains("intact"))
  }
}
