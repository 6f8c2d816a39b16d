import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// Territories (ZTEF) defined by administrators: one audited transaction each, French refusals, and the
/// bassin picker's ranking on the bundled Rhône-Alpes bassins.
@Suite struct TerritoryAdminTests {
  static func auditCount(_ database: AppDatabase, _ action: AuditAction) throws -> Int {
    try database.writer.read { db in
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM audit_entry WHERE action = ?", arguments: [action.rawValue])
        ?? 0
    }
  }

  @Test func aZTEFOfThreeBassinsIsCreatedListedAndAudited() throws {
    let database = try AppDatabase.inMemory()
    let created = try database.createTerritory(
      name: "  ZTEF   Savoie  ", bassinCodes: ["8411", "8407", "8411", "8426"], by: .commandLine)
    #expect(created.name == "ZTEF Savoie")
    #expect(Set(created.bassins.map(\.code)) == ["8411", "8407", "8426"])
    #expect(created.targetDelayDays == 30)
    let listed = try #require(
      try database.territorySummaries(by: .commandLine).first { $0.id == created.id })
    #expect(listed == created)
    let communes = try database.writer.read { db in
      try Int.fetchOne(
        db,
        sql: "SELECT count(*) FROM commune WHERE bassin_code IN ('8411', '8407', '8426')") ?? 0
    }
    #expect(listed.communeCount == communes)
    #expect(communes > 0)
    #expect(try Self.auditCount(database, .territoryCreated) == 1)
    // The default territory of each bassin stays: a bassin may belong to several territories.
    #expect(try database.territories().count == 39)
  }

  @Test func refusalsAreFrenchAndWriteNothing() throws {
    let database = try AppDatabase.inMemory()
    let before = try database.territorySummaries(by: .commandLine)
    func refusal(_ body: () throws -> Void) -> String? {
      do {
        try body()
        return nil
      } catch let error as UserError {
        return error.message
      } catch {
        return "\(error)"
      }
    }
    #expect(
      refusal { try database.createTerritory(name: "   ", bassinCodes: ["8411"], by: .commandLine) }
        == "Le nom du territoire est vide.")
    #expect(
      refusal { try database.createTerritory(name: "ZTEF", bassinCodes: [], by: .commandLine) }
        == "Un territoire réunit au moins un bassin.")
    #expect(
      refusal {
        try database.createTerritory(name: "ZTEF", bassinCodes: ["8411", "9999"], by: .commandLine)
      } == "Bassin inconnu : « 9999 ».")
    // « chambery » is the default territory « Chambéry », accents and case aside.
    #expect(
      refusal {
        try database.createTerritory(name: "CHAMBERY", bassinCodes: ["8411"], by: .commandLine)
      } == "Un territoire s'appelle déjà « Chambéry ».")
    #expect(
      refusal {
        try database.createTerritory(
          name: String(repeating: "a", count: 81), bassinCodes: ["8411"], by: .commandLine)
      } == "Le nom du territoire dépasse 80 caractères.")
    #expect(try database.territorySummaries(by: .commandLine) == before)
    #expect(try Self.auditCount(database, .territoryCreated) == 0)
  }

  @Test func renameRefusesATakenNameAndAnUnknownTerritory() throws {
    let database = try AppDatabase.inMemory()
    let territories = try database.territorySummaries(by: .commandLine)
    let annecy = try #require(territories.first { $0.name == "Annecy" })
    let renamed = try database.renameTerritory(
      id: annecy.id, to: "Bassin annécien", by: .commandLine)
    // The answer is the renamed territory alone, with its bassins as they were.
    #expect(renamed.id == annecy.id && renamed.name == "Bassin annécien")
    #expect(renamed.bassins == annecy.bassins)
    #expect(
      try database.territories().contains { $0.id == annecy.id && $0.name == "Bassin annécien" })
    // Renaming to its own name with other capitals is allowed; another territory's name is not.
    try database.renameTerritory(id: annecy.id, to: "BASSIN ANNÉCIEN", by: .commandLine)
    #expect(throws: UserError("Un territoire s'appelle déjà « Chambéry ».")) {
      try database.renameTerritory(id: annecy.id, to: "Chambery", by: .commandLine)
    }
    #expect(throws: UserError("Territoire inconnu.")) {
      try database.renameTerritory(id: 9_999, to: "Nulle part", by: .commandLine)
    }
    #expect(try Self.auditCount(database, .territoryRenamed) == 2)
  }

  @Test func targetsAreCheckedAndAudited() throws {
    let (database, workplace) = try Fixtures.database()
    let territory = try #require(try database.territorySummaries(by: .commandLine).first)
    try database.setTargetDelay(days: 21, territoryID: territory.id, by: .commandLine)
    #expect(
      try database.territorySummaries(by: .commandLine).first { $0.id == territory.id }?
        .targetDelayDays == 21)
    #expect(throws: UserError("Le délai cible va de 1 à 365 jours.")) {
      try database.setTargetDelay(days: 0, territoryID: territory.id, by: .commandLine)
    }
    try database.setAnnouncedWait(minutes: 25, siteID: workplace.siteID, by: .commandLine)
    #expect(
      try database.siteSummaries(by: .commandLine).first { $0.id == workplace.siteID }?
        .announcedWaitMinutes == 25)
    #expect(throws: UserError("Site inconnu.")) {
      try database.setAnnouncedWait(minutes: 25, siteID: 9_999, by: .commandLine)
    }
    #expect(try Self.auditCount(database, .targetDelaySet) == 1)
    #expect(try Self.auditCount(database, .announcedWaitSet) == 1)
  }

  @Test func anAgentMayNotDefineTerritories() throws {
    let (database, _) = try Fixtures.database()
    let agent = try database.createAccount(
      login: "agent1", role: .agent, password: "une phrase de passe assez longue", by: .commandLine)
    let caller = Caller(accountID: agent.id, role: .agent)
    #expect(throws: UserError.self) {
      try database.createTerritory(name: "ZTEF", bassinCodes: ["8411"], by: caller)
    }
    #expect(throws: UserError.self) { _ = try database.territorySummaries(by: caller) }
  }

  @Test func bassinsAreFoundByBassinZTEFOrCommuneNameAccentsAside() throws {
    let database = try AppDatabase.inMemory()
    // A bassin's own name: « chambery » is exactly the bassin Chambéry, first.
    let byBassin = try database.bassins(matching: "chambery", limit: 5, by: .commandLine)
    #expect(byBassin.first?.bassin.code == "8411")
    #expect(byBassin.first?.matchedBy == nil)
    // A commune's name brings its bassin: Aix-les-Bains is in the bassin of Chambéry.
    let byCommune = try database.bassins(matching: "aix les bains", limit: 5, by: .commandLine)
    #expect(byCommune.first?.matchedBy == "commune Aix-les-Bains")
    #expect(byCommune.first?.bassin.code == "8411")
    // A ZTEF's name brings every bassin it is made of.
    try database.createTerritory(
      name: "Pays de Savoie", bassinCodes: ["8411", "8407"], by: .commandLine)
    let byZTEF = try database.bassins(matching: "pays de sav", limit: 10, by: .commandLine)
    #expect(Set(byZTEF.prefix(2).map(\.bassin.code)) == ["8411", "8407"])
    #expect(byZTEF.first?.matchedBy == "ZTEF Pays de Savoie")
    // Exact before prefix before a later word: « saint etienne » puts the bassin Saint-Étienne first.
    let ranked = try database.bassins(matching: "st etienne", limit: 10, by: .commandLine)
    #expect(ranked.first?.bassin.code == "8426")
    #expect(try database.bassins(matching: "  ", limit: 5, by: .commandLine).isEmpty)
    #expect(try database.bassins(matching: "zzzzqx", limit: 5, by: .commandLine).isEmpty)
  }
}
