import Foundation
import Testing

/// `guichet demo` and `guichet report` as the real binary: deterministic demonstration data, the synthetic
/// rows announced, RFC 4180 and Excel CSV, masked small cells, the annual Markdown, French usage errors.
@Suite("Command line: demo and report")
struct ReportCommandTests {
  static let now = ["GUICHET_NOW": "2026-06-15T12:00"]

  static func demo(seed: Int, days: Int = 20, perDay: Int = 30) throws -> (GuichetRun, String) {
    let runner = GuichetRun(folder: try GuichetRun.temporaryFolder("report"), environment: now)
    let path = runner.folder.appendingPathComponent("demo.sqlite").path
    let outcome = try runner.run([
      "demo", "--days", "\(days)", "--per-day", "\(perDay)", "--seed", "\(seed)", "--database",
      path,
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("visites et"))
    return (runner, path)
  }

  /// Splits RFC 4180 text into records of fields (quotes doubled inside quoted fields).
  static func records(_ text: String, separator: Character) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)
    if characters.first == "\u{FEFF}" { characters.removeFirst() }
    var index = 0
    while index < characters.count {
      let c = characters[index]
      if quoted {
        if c == "\"" {
          if index + 1 < characters.count && characters[index + 1] == "\"" {
            field.append("\"")
            index += 1
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == separator {
        record.append(field)
        field = ""
      } else if c == "\r\n" {
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.append(c)
      }
      index += 1
    }
    return records
  }

  @Test func theSameSeedGivesTheSameFigures() throws {
    let (first, firstPath) = try Self.demo(seed: 7)
    let (second, secondPath) = try Self.demo(seed: 7)
    let (third, thirdPath) = try Self.demo(seed: 8)
    let arguments = ["report", "monthly", "--date", "2026-06-01", "--format", "csv"]
    let a = try first.run(arguments + ["--database", firstPath])
    let b = try second.run(arguments + ["--database", secondPath])
    let c = try third.run(arguments + ["--database", thirdPath])
    #expect(a.status == 0 && !a.stdout.isEmpty)
    #expect(a.stdout == b.stdout)
    #expect(a.stdout != c.stdout)
  }

  @Test func csvIsRFC4180WithSmallCellsMaskedAndSyntheticRowsSaid() throws {
    let (runner, path) = try Self.demo(seed: 3, days: 10, perDay: 8)
    let csv = try runner.run([
      "report", "weekly", "--date", "2026-06-10", "--format", "csv", "--database", path,
    ])
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(csv.stdout.hasSuffix("\r\n"))
    let records = Self.records(csv.stdout, separator: ",")
    #expect(records.count > 50)
    #expect(records.allSatisfy { $0.count == 8 })
    #expect(records[0][5] == "valeur")
    #expect(records.dropFirst().allSatisfy { $0[7] == "réelles et démonstration" })
    let counts = records.dropFirst().filter {
      ["visites", "rendez-vous", "personnes"].contains($0[6])
    }
    #expect(counts.contains { $0[5] == "< 5" })
    for record in counts {
      if let value = Int(record[5]) { #expect(value == 0 || value >= 5, "\(record)") }
    }
    let pid = try runner.start(
      [
        "report", "weekly", "--date", "2026-06-10", "--format", "csv", "--excel", "--database",
        path,
      ],
      name: "excel")
    #expect(GuichetRun.wait(pid) == 0)
    // Read as bytes: decoding a file as text drops its BOM.
    let bytes = try Data(contentsOf: runner.folder.appendingPathComponent("excel.out"))
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("periode_debut;periode_fin;".utf8)))
    let excelRecords = Self.records(String(decoding: bytes, as: UTF8.self), separator: ";")
    #expect(excelRecords.count == records.count)
    #expect(excelRecords.contains { $0[6] == "%" && $0[5].contains(",") })
    let table = try runner.run(["report", "weekly", "--date", "2026-06-10", "--database", path])
    #expect(table.stdout.contains("visites de démonstration (synthétiques) sont incluses"))
    let real = try runner.run([
      "report", "weekly", "--date", "2026-06-10", "--synthetic", "exclude", "--database", path,
    ])
    #expect(real.stdout.contains("Données : réelles uniquement."))
    #expect(
      real.stdout.contains("Toutes les visites")
        && !real.stdout.contains("synthétiques) sont incluses"))
  }

  @Test func theAnnualReportHasEveryIndicatorWithItsDefinition() throws {
    let (runner, path) = try Self.demo(seed: 5)
    let annual = try runner.run(["report", "annual", "--date", "2026-03-01", "--database", path])
    #expect(annual.status == 0, "\(annual.stderr)")
    #expect(annual.stdout.hasPrefix("# Bilan annuel 2026"))
    for title in [
      "## Visites", "## Continuité 1er → 2e niveau", "## Délai de rendez-vous",
      "## Absences aux rendez-vous",
      "## Attente au guichet", "## Satisfaction", "## Demandes sans réponse",
      "## Métiers et certifications consultés",
    ] {
      #expect(annual.stdout.contains(title), "\(title)")
    }
    #expect(annual.stdout.components(separatedBy: "**Définition.**").count == 11)
    #expect(annual.stdout.contains("| Mois | 2026-06 |"))
    let json = try runner.run([
      "report", "annual", "--date", "2026-03-01", "--format", "json", "--database", path,
    ])
    let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(document?["includesSynthetic"] as? Bool == true)
  }

  @Test(arguments: [
    (["report", "daily", "--date", "2026-02-30"], "date invalide pour --date"),
    (["report", "daily", "--from", "2026-01-01"], "--from et --to vont ensemble"),
    (
      ["report", "daily", "--date", "2026-01-01", "--from", "2026-01-01", "--to", "2026-01-02"],
      "ne se combine pas"
    ),
    (["report", "monthly", "--excel"], "--excel ne s'applique qu'au format csv"),
    (["report", "monthly", "--format", "pdf"], "format inconnu « pdf »"),
    (["report", "monthly", "--from", "2026-05-01", "--to", "2026-04-01"], "est après --to"),
    (["report", "hourly"], "guichet : la valeur « hourly » n'est pas valide"),
    (["demo", "--days", "0"], "--days va de 1 à 5000"),
  ])
  func badOptionsAreRefusedInFrench(arguments: [String], message: String) throws {
    let runner = GuichetRun(
      folder: try GuichetRun.temporaryFolder("report-usage"), environment: Self.now)
    let path = runner.folder.appendingPathComponent("empty.sqlite").path
    let outcome = try runner.run(arguments + ["--database", path])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
  }

  /// Demonstration desks are not the newcomer's desk: the console still opens without asking which desk it is.
  @Test func theConsoleOpensOnItsOwnDeskAfterADemo() throws {
    let (runner, path) = try Self.demo(seed: 2, days: 2, perDay: 5)
    let frame = try runner.run(["first-frame", "--database", path])
    #expect(frame.status == 0, "\(frame.stderr)")
    #expect(!frame.stderr.contains("plusieurs postes"))
  }

  @Test func anUnknownSiteIsNamedInFrench() throws {
    let (runner, path) = try Self.demo(seed: 1, days: 2, perDay: 5)
    let outcome = try runner.run(["report", "monthly", "--site", "Atlantis", "--database", path])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("site inconnu « Atlantis »"))
    #expect(outcome.stderr.contains("Démo · Lyon Part-Dieu"))
  }
}
