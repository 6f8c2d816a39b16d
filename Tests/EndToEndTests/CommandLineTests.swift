import Foundation
import GRDB
import GuichetStore
import GuichetTestData
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `guichet import` and `guichet search` run as the real binary, on temporary database files.
/// Two databases are prepared once and shared (the first fill costs seconds in a debug build):
/// one opened fresh (bundled reference data only), one filled by `guichet import all ../shared/data`.
@Suite("Command line: import and search")
struct CommandLineTests {
  static let dataFolder = TestData.folder

  /// A fresh database: `guichet init` creates it and fills the bundled reference data (`search` only reads,
  /// and never creates one).
  static let fresh: Result<(path: String, first: Outcome), any Error> = Result {
    let path = try temporaryDatabase("fresh")
    let created = try guichet(["init", "--database", path])
    guard created.status == 0 else {
      throw CommandFailure(description: "guichet init: \(created.stderr)")
    }
    let first = try guichet(["search", "boulangere", "--database", path, "--limit", "3"])
    return (path, first)
  }

  /// A database filled by `guichet import all`, with what the command printed.
  static let imported: Result<(path: String, outcome: Outcome), any Error> = Result {
    let path = try temporaryDatabase("imported")
    let outcome = try guichet(["import", "all", dataFolder.path, "--database", path])
    return (path, outcome)
  }

  // MARK: import

  @Test func importAllPrintsTheExactCountsOfThePublishedFiles() throws {
    let outcome = try Self.imported.get().outcome
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.hasSuffix("\n"))
    for line in [
      "fiches métier : 1 584", "appellations : 13 120", "grands domaines : 14",
      "domaines professionnels : 110", "fiches RNCP (lignes) : 17 470", "dont actives : 4 542",
      "liens RNCP ↔ ROME : 45 165", "structures : 278", "dont agences France Travail : 85",
      "dont France services : 223", "Import terminé",
    ] {
      #expect(outcome.stdout.contains(line), "« \(line) » missing from:\n\(outcome.stdout)")
    }
  }

  @Test func importedDataIsRecordedAsImportedAndSearchable() throws {
    let path = try Self.imported.get().path
    let database = try AppDatabase.open(path: path)
    let records = try database.referenceDatasets()
    #expect(Set(records.map(\.name)) == Set(ReferenceDataset.allCases.map(\.rawValue)))
    #expect(records.allSatisfy { !$0.bundled })
    let texts = try database.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM occupation_text")
    }
    #expect((texts ?? 0) > 0, "the prose comes with the import")
    // Missions locales, CIO, APEC, France Travail agencies and Transitions Pro of the imported directory become
    // bookable, in the import's transaction.
    let operators = try database.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM operator_structure")
    }
    #expect(operators == 96 + 36 + 4 + 85 + 8)
    let text = try Self.guichet(["search", "educ spe", "--database", path])
    #expect(text.status == 0)
    #expect(text.stdout.contains("importé le"), "\(text.stdout)")
  }

  @Test func brokenFileIsRefusedWithItsLineAndChangesNothing() throws {
    let path = try Self.fresh.get().path
    let broken = try Self.copyOfFolder("structures")
    defer { try? FileManager.default.removeItem(at: broken) }
    let file = broken.appendingPathComponent("annuaire_sp_2019_orientation_rhone_alpes.csv")
    var bytes = try Data(contentsOf: file)
    if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    let brokenLine = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    // A last record whose second field opens a quote that never closes.
    bytes.append(contentsOf: Array("suio-99999-01,\"Structure sans guillemet fermant\n".utf8))
    try bytes.write(to: file)

    let before = try Self.snapshot(path)
    let outcome = try Self.guichet(["import", "structures", broken.path, "--database", path])
    #expect(outcome.status == 1)
    #expect(
      outcome.stderr.hasPrefix(
        "guichet : import refusé, fichier annuaire_sp_2019_orientation_rhone_alpes.csv, ligne \(brokenLine), colonne 2 : "
      ),
      "\(outcome.stderr)")
    #expect(outcome.stderr.contains("guillemet non fermé"), "\(outcome.stderr)")
    #expect(outcome.stdout.isEmpty)
    #expect(try Self.snapshot(path) == before)
  }

  @Test func importArgumentsAreCheckedInFrench() throws {
    let path = try Self.temporaryDatabase("arguments")
    let unknown = try Self.guichet(["import", "metiers", "/tmp", "--database", path])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("jeu de données inconnu « metiers »"))
    #expect(
      unknown.stderr.contains(
        "rome, rome-tree, rncp, territories, bmo, salaries, structures, operators, diplomes, certifinfo, inserjeunes, inserjeunes-etablissements, tensions, lheo, ou all"
      ))
    let missing = try Self.guichet(["import", "rncp", "--database", path])
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("chemin manquant"))
    let nothing = try Self.guichet(["import", "--database", path])
    #expect(nothing.status == 64)
    #expect(nothing.stderr.contains("indiquez le jeu de données"))
    let absent = try Self.guichet(["import", "all", "/nonexistent/guichet", "--database", path])
    #expect(absent.status == 64)
    #expect(absent.stderr.contains("chemin introuvable"))
    #expect(!FileManager.default.fileExists(atPath: path), "nothing is created on a bad argument")
  }

  // MARK: search

  @Test func freshDatabaseFindsRealMetiersCertificationsAndStructures() throws {
    let (path, first) = try Self.fresh.get()
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("D1102  Boulanger / Boulangère"), "\(first.stdout)")
    #expect(first.stdout.hasPrefix("Métiers ("))
    #expect(first.stdout.contains("\nCertifications ("))
    #expect(
      first.stdout.split(separator: "\n").last?.hasPrefix("Source : France Travail – ROME 4.0")
        == true, "\(first.stdout)")
    #expect(first.stdout.contains("données intégrées"))

    let certifications = try Self.hits(
      ["educateur specialise", "--kind", "certification", "--limit", "3"], path)
    #expect(certifications.contains { $0.code == "RNCP34825" }, "\(certifications)")
    #expect(certifications.allSatisfy { $0.kind == "certification" })
    let structures = try Self.hits(["mission locale", "--kind", "structure"], path)
    #expect(structures.count == 10)
    #expect(structures.allSatisfy { $0.title.localizedCaseInsensitiveContains("mission locale") })
  }

  @Test func reopeningAFilledDatabaseLoadsNothingAgain() throws {
    let database = try AppDatabase.open(path: try Self.fresh.get().path)
    #expect(try database.loadBundledReferenceIfNeeded().isEmpty)
    #expect(try database.referenceDatasets().allSatisfy(\.bundled))
    let sizes = try database.searchIndexSizes()
    #expect(sizes[.occupation] == 14704 && sizes[.structure] == 594)
  }

  @Test func inMemoryDatabasesGetTheBundleOnlyWhenAsked() throws {
    #expect(try AppDatabase.inMemory().searchReference("boulanger").isEmpty)
    let database = try AppDatabase.inMemory(bundledReference: true)
    #expect(try database.searchReference("boulanger", kind: .occupation).first?.code == "D1102")
  }

  @Test func educSpeFindsK1207InTheTopThree() throws {
    for path in [try Self.fresh.get().path, try Self.imported.get().path] {
      let hits = try Self.hits(["educ spe", "--format", "json"], path)
      let occupations = hits.filter { $0.kind == "occupation" }
      #expect(occupations.prefix(3).contains { $0.code == "K1207" }, "\(occupations)")
      #expect(occupations.map(\.rank) == Array(1...occupations.count))
    }
  }

  /// Diplomas asked for by type and subject, by acronym and in the feminine, on the bundled and the imported data.
  @Test func certificationsAreFoundTheWayPeopleAskForThem() throws {
    let cases = [
      ("cap cuisine", "RNCP37553"), ("bts mco", "RNCP38362"), ("titre pro soudeur", "RNCP34502"),
      ("deas", "RNCP35830"), ("aide soignante", "RNCP35830"), ("couvreuse", "RNCP38725"),
      ("conductrice routière", "RNCP37894"),
    ]
    for path in [try Self.fresh.get().path, try Self.imported.get().path] {
      for (query, code) in cases {
        let hits = try Self.hits(["--kind", "certification", "--limit", "3", query], path)
        #expect(hits.allSatisfy { $0.kind == "certification" })
        #expect(hits.contains { $0.code == code }, "« \(query) » → \(hits.map(\.code))")
      }
    }
    // The current fiche first, the expired 2021 one still listed and saying so.
    let text = try Self.guichet([
      "search", "--kind", "certification", "--limit", "3", "--database", Self.fresh.get().path,
      "deas",
    ])
    #expect(text.status == 0)
    #expect(text.stdout.contains("RNCP35830"), "\(text.stdout)")
    #expect(text.stdout.contains("RNCP4495"), "\(text.stdout)")
    #expect(text.stdout.contains("expirée le 01/01/2024"), "\(text.stdout)")
  }

  @Test func jsonHoldsKindCodeTitleAndRankForEveryHit() throws {
    let outcome = try Self.guichet([
      "search", "boulang", "--format", "json", "--limit", "2", "--database", Self.fresh.get().path,
    ])
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
    #expect(array.count == 4)
    for object in array {
      #expect(object["kind"] is String && object["code"] is String && object["title"] is String)
      #expect(object["rank"] is Int)
    }
  }

  @Test func hostileQueriesExitZeroWithoutAMessage() throws {
    let path = try Self.fresh.get().path
    let queries: [[String]] = [
      ["\""], ["\"\"\""], ["*"], ["-"], ["-x"], ["--", "-boulanger"], ["a:b"], ["titre:chef"],
      ["NEAR(a b)"], ["a AND b"], ["OR"], ["NOT"], ["aide-soignant"], ["agent d'accueil"],
      ["(", ")"], ["^boulanger"], ["+"], ["''"], [""], [" "],
      [String(repeating: "é", count: 10_000)], [String(repeating: "ab ", count: 3_400)],
      ["a\u{01}b\u{1b}[2Jc\u{7f}\u{9b}d"], ["\u{202e}reinalub"], ["🙂 cuisinier"],
    ]
    for query in queries {
      for format in ["json", "text"] {
        // Options first: after « -- » everything is search text.
        let outcome = try Self.guichet(
          ["search", "--format", format, "--database", path] + query)
        #expect(outcome.status == 0, "\(query.map { $0.prefix(20) }): \(outcome.stderr)")
        #expect(outcome.stderr.isEmpty, "\(query.map { $0.prefix(20) }): \(outcome.stderr)")
        #expect(!outcome.stdout.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{9b}" })
        if format == "json" {
          #expect(
            (try? JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))) is [Any],
            "\(query.map { $0.prefix(20) })")
        }
      }
    }
    let dash = try Self.guichet(
      ["search", "--format", "json", "--limit", "1", "--database", path, "--", "-boulanger"])
    #expect(dash.stdout.contains("\"code\":\"D1102\""), "\(dash.stdout)")
  }

  @Test func searchArgumentsAreCheckedInFrench() throws {
    let path = try Self.fresh.get().path
    for limit in ["0", "201", "abc", "1.5"] {
      let outcome = try Self.guichet(["search", "cuisinier", "--limit", limit, "--database", path])
      #expect(outcome.status == 64, "--limit \(limit)")
      #expect(outcome.stderr.contains("--limit attend un nombre de 1 à 200"), "\(outcome.stderr)")
    }
    let kind = try Self.guichet(["search", "cuisinier", "--kind", "metier", "--database", path])
    #expect(kind.status == 64)
    #expect(kind.stderr.contains("occupation, certification, structure ou all"))
    let format = try Self.guichet(["search", "cuisinier", "--format", "xml", "--database", path])
    #expect(format.status == 64)
    #expect(format.stderr.contains("text ou json"))
    let limits = try Self.hits(["cuisinier", "--limit", "200", "--kind", "all"], path)
    #expect(limits.count > 10)
  }

  // MARK: helpers

  typealias Outcome = GuichetRun.Outcome

  struct Hit: Decodable {
    var kind: String
    var code: String
    var title: String
    var rank: Int
  }

  /// Hits of `guichet search … --format json`.
  static func hits(_ arguments: [String], _ path: String) throws -> [Hit] {
    let outcome = try guichet(["search"] + arguments + ["--format", "json", "--database", path])
    guard outcome.status == 0 else {
      throw CommandFailure(description: "guichet search \(arguments): \(outcome.stderr)")
    }
    return try JSONDecoder().decode([Hit].self, from: Data(outcome.stdout.utf8))
  }

  struct CommandFailure: Error, CustomStringConvertible { var description: String }

  /// This process's scratch folder, removed when the test run exits (the prepared databases weigh 25 MB each).
  static let scratch: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-cli-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit {
      let url = FileManager.default.temporaryDirectory.appendingPathComponent(
        "guichet-cli-\(getpid())")
      try? FileManager.default.removeItem(at: url)
    }
    return url
  }()

  /// A path for a database file in a new temporary folder (the file itself is not created).
  static func temporaryDatabase(_ name: String) throws -> String {
    let folder = scratch.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("\(name).sqlite").path
  }

  static func copyOfFolder(_ name: String) throws -> URL {
    let target = scratch.appendingPathComponent("data-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: dataFolder.appendingPathComponent(name), to: target)
    return target
  }

  /// What an import could change: row counts of the structure tables and the dataset rows.
  static func snapshot(_ path: String) throws -> [String] {
    // Other tests of this suite run `guichet` on the same file meanwhile: wait for their locks
    // (a checkpoint on close) instead of GRDB's default immediate « database is locked ».
    return try readDatabase(path) { db in
      var lines: [String] = []
      for table in ["orientation_structure", "search_structure", "occupation", "certification"] {
        lines.append("\(table)=\(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1)")
      }
      for row in try Row.fetchAll(db, sql: "SELECT * FROM dataset ORDER BY name") {
        lines.append(row.description)
      }
      return lines
    }
  }

  /// Runs the built `guichet` in a folder of its own, removed afterwards (`GuichetRun`: a command that
  /// missed its --database must not touch the real default database).
  static func guichet(_ arguments: [String]) throws -> Outcome {
    let folder = scratch.appendingPathComponent("run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try GuichetRun(folder: folder).run(arguments)
  }
}
