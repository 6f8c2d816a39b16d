import Foundation
import Testing

/// `guichet territories …` and `guichet sites …` run as the real binary on a copy of the seeded database:
/// a ZTEF of three bassins is created, given a target delay, renamed and reported on; bad input is refused
/// in French with a non-zero exit and writes nothing.
@Suite("Command line: territories and sites")
struct TerritoriesCommandTests {
  struct Listed: Decodable, Equatable {
    var id: Int64
    var name: String
    var targetDelayDays: Int
    var communes: Int
    var bassins: [Bassin]
  }
  struct Bassin: Decodable, Equatable {
    var code: String
    var name: String
    var communeCount: Int
  }
  struct Site: Decodable {
    var id: Int64
    var name: String
    var announcedWaitMinutes: Int
  }

  static func prepared(_ label: String) throws -> (GuichetRun, [String]) {
    let runner = GuichetRun(folder: try GuichetRun.temporaryFolder("territories-\(label)"))
    let path = runner.folder.appendingPathComponent("territories.sqlite").path
    try SeededDatabase.copy(to: path)
    return (runner, ["--database", path])
  }

  static func listed(_ runner: GuichetRun, _ database: [String]) throws -> [Listed] {
    let outcome = try runner.run(["territories", "list", "--format", "json"] + database)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return try JSONDecoder().decode([Listed].self, from: Data(outcome.stdout.utf8))
  }

  @Test func aZTEFOfThreeBassinsIsCreatedGivenATargetRenamedAndReported() throws {
    let (runner, database) = try Self.prepared("create")
    let created = try runner.run(
      [
        "territories", "create", "ZTEF Savoie", "--bassin", "chambery", "--bassin", "Annecy",
        "--bassin", "8410",
      ] + database)
    #expect(created.status == 0, "\(created.stderr)")
    #expect(created.stdout.contains("« ZTEF Savoie » créé : 3 bassins"), "\(created.stdout)")
    let ztef = try #require(try Self.listed(runner, database).first { $0.name == "ZTEF Savoie" })
    #expect(Set(ztef.bassins.map(\.code)) == ["8411", "8407", "8410"])
    #expect(ztef.communes == ztef.bassins.reduce(0) { $0 + $1.communeCount })
    #expect(ztef.communes > 0)
    #expect(ztef.targetDelayDays == 30)

    let target = try runner.run(
      ["territories", "set-target", "ztef savoie", "--days", "21"] + database)
    #expect(target.status == 0, "\(target.stderr)")
    let renamed = try runner.run(
      ["territories", "rename", String(ztef.id), "Pays de Savoie"] + database)
    #expect(renamed.status == 0, "\(renamed.stderr)")
    #expect(renamed.stdout.contains("renommé « Pays de Savoie »"), "\(renamed.stdout)")
    let after = try #require(try Self.listed(runner, database).first { $0.id == ztef.id })
    #expect(after.name == "Pays de Savoie")
    #expect(after.targetDelayDays == 21)

    let report = try runner.run(
      ["report", "monthly", "--territory", "Pays de Savoie", "--format", "csv"] + database)
    #expect(report.status == 0, "\(report.stderr)")
  }

  @Test func badInputIsRefusedInFrenchAndChangesNothing() throws {
    let (runner, database) = try Self.prepared("refusals")
    let before = try Self.listed(runner, database)
    let unknown = try runner.run(
      ["territories", "create", "ZTEF", "--bassin", "8411", "--bassin", "Atlantide"] + database)
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("bassin inconnu « Atlantide »"), "\(unknown.stderr)")
    let none = try runner.run(["territories", "create", "ZTEF"] + database)
    #expect(none.status == 64)
    #expect(none.stderr.contains("au moins un bassin"), "\(none.stderr)")
    let taken = try runner.run(
      ["territories", "create", "CHAMBERY", "--bassin", "8411"] + database)
    #expect(taken.status == 1)
    #expect(
      taken.stderr.contains("guichet : un territoire s'appelle déjà « Chambéry »"),
      "\(taken.stderr)")
    let empty = try runner.run(["territories", "rename", "Chambéry", "  "] + database)
    #expect(empty.status == 1)
    #expect(empty.stderr.contains("guichet : le nom du territoire est vide."), "\(empty.stderr)")
    let days = try runner.run(["territories", "set-target", "Chambéry", "--days", "0"] + database)
    // A value out of range is a usage mistake, refused before the database is opened.
    #expect(days.status == 64)
    #expect(
      days.stderr.contains("guichet : --days va de 1 à 365 jours (reçu 0)."), "\(days.stderr)")
    let nowhere = try runner.run(
      ["territories", "set-target", "Nulle part", "--days", "9"] + database)
    #expect(nowhere.status == 1)
    #expect(nowhere.stderr.contains("territoire inconnu « Nulle part »"), "\(nowhere.stderr)")
    #expect(try Self.listed(runner, database) == before)
  }

  @Test func aSiteAnnouncesItsWait() throws {
    let (runner, database) = try Self.prepared("sites")
    let list = try runner.run(["sites", "list", "--format", "json"] + database)
    #expect(list.status == 0, "\(list.stderr)")
    let site = try #require(
      try JSONDecoder().decode([Site].self, from: Data(list.stdout.utf8)).first)
    let set = try runner.run(["sites", "set-wait", String(site.id), "--minutes", "25"] + database)
    #expect(set.status == 0, "\(set.stderr)")
    #expect(set.stdout.contains(": 25 minutes."), "\(set.stdout)")
    let refused = try runner.run(
      ["sites", "set-wait", String(site.id), "--minutes", "500"] + database)
    #expect(refused.status == 64)
    #expect(
      refused.stderr.contains("guichet : --minutes va de 1 à 240 minutes (reçu 500)."),
      "\(refused.stderr)")
    let unknown = try runner.run(["sites", "set-wait", "Atlantide", "--minutes", "5"] + database)
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("site inconnu « Atlantide »"), "\(unknown.stderr)")
    let again = try runner.run(["sites", "list", "--format", "json"] + database)
    #expect(
      try JSONDecoder().decode([Site].self, from: Data(again.stdout.utf8)).first?
        .announcedWaitMinutes == 25)
  }

  struct Report: Decodable {
    var filter: String
    var lines: [Line]
    struct Line: Decodable {
      var indicator: String
      var group: String
      var item: String
      var value: Double?
    }
    func value(_ indicator: String, _ group: String, _ item: String) -> Double? {
      lines.first { $0.indicator == indicator && $0.group == group && $0.item == item }?.value
    }
  }

  /// Supervision per ZTEF: a ZTEF made after the visits, of three bassins named the way the console picks
  /// them (accents aside), reports exactly the visits recorded in those bassins, against its own target; a
  /// commune's name picks its territory; a part that matches several is refused with the best first.
  @Test func aZTEFMadeAfterTheVisitsReportsTheVisitsOfItsBassins() throws {
    let runner = GuichetRun(
      folder: try GuichetRun.temporaryFolder("territories-report"),
      environment: ["GUICHET_NOW": "2026-06-15T12:00"])
    let path = runner.folder.appendingPathComponent("demo.sqlite").path
    let database = ["--database", path]
    let demo = try runner.run(
      ["demo", "--days", "20", "--per-day", "30", "--seed", "7"] + database)
    #expect(demo.status == 0, "\(demo.stderr)")
    func report(_ extra: [String]) throws -> Report {
      let outcome = try runner.run(
        ["report", "monthly", "--date", "2026-06-01", "--format", "json"] + extra + database)
      #expect(outcome.status == 0, "\(outcome.stderr)")
      return try JSONDecoder().decode(Report.self, from: Data(outcome.stdout.utf8))
    }
    let whole = try report([])
    let perBassin = try ["Ambérieu", "Belley", "Oyonnax"].map {
      try #require(whole.value("visits", "Territoire", $0), "\($0)")
    }
    #expect(perBassin.allSatisfy { $0 > 0 })

    let created = try runner.run(
      [
        "territories", "create", "ZTEF Ain", "--bassin", "amberieu", "--bassin", "BELLEY",
        "--bassin", "Oyonnax",
      ] + database)
    #expect(created.status == 0, "\(created.stderr)")
    let target = try runner.run(
      ["territories", "set-target", "ztef ain", "--days", "10"] + database)
    #expect(target.status == 0, "\(target.stderr)")
    let ztef = try report(["--territory", "ZTEF Ain"])
    #expect(ztef.filter == "Territoire : ZTEF Ain")
    #expect(ztef.value("visits", "Total", "Toutes les visites") == perBassin.reduce(0, +))

    // « Vienne » is the commune of one territory; « sav » the start of several: refused, best first.
    let vienne = try report(["--territory", "Vienne"])
    #expect(vienne.filter == "Territoire : Vienne Roussillon")
    let several = try runner.run(
      ["report", "monthly", "--territory", "sav"] + database)
    #expect(several.status != 0)
    #expect(
      several.stderr.contains("territoire inconnu « sav » ; vouliez-vous dire :"),
      "\(several.stderr)")
  }
}
