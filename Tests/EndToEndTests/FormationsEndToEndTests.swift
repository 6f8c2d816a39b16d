import Foundation
import GuichetTestData
import Testing

/// `guichet import lheo` and `guichet formations` in the real binary, over the small LHÉO files written for
/// the tests (valid against lheo-2.3.xsd, see `LheoSchemaTests`).
@Suite(.serialized) struct FormationsEndToEndTests {
  /// The sessions of the files start in 2029-2031: the clock is pinned so that none has begun.
  static let clock = ["GUICHET_NOW": "2026-12-03T10:30"]

  struct Desk {
    var run: GuichetRun
    var database: String

    init() throws {
      let folder = try GuichetRun.temporaryFolder("formations")
      database = folder.appendingPathComponent("guichet.sqlite").path
      try SeededDatabase.copy(to: database)
      run = GuichetRun(folder: folder, environment: FormationsEndToEndTests.clock)
    }

    func guichet(_ arguments: String...) throws -> GuichetRun.Outcome {
      try run.run(arguments + ["--database", database])
    }
  }

  /// The town of each session of the text list, in order: the line after each numbered title reads
  /// « IFSI du Centre hospitalier, Chambéry (73000) · même commune ».
  static func towns(_ text: String) -> [String] {
    let lines = text.split(separator: "\n").map(String.init)
    return lines.indices.dropLast().compactMap { index -> String? in
      guard lines[index].first?.isNumber == true, lines[index].contains(". "),
        let open = lines[index + 1].range(of: " (", options: .backwards)
      else { return nil }
      let place = lines[index + 1][..<open.lowerBound]
      return place.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) }
    }
  }

  @Test func importThenListNearestFirstForAROMEAndAnRNCPCode() throws {
    let desk = try Desk()
    let imported = try desk.guichet("import", "lheo", LheoTestFiles.url("offres-savoie.xml").path)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("formations : 3"))
    #expect(imported.stdout.contains("sessions : 8"))
    #expect(imported.stdout.hasSuffix("\n"))

    let rome = try desk.guichet("formations", "--rome", "J1501", "--commune", "73065")
    #expect(rome.status == 0, "\(rome.stderr)")
    #expect(
      Self.towns(rome.stdout) == [
        "Chambéry", "La Motte-Servolex", "Albertville", "Albertville", "Grenoble",
      ])
    #expect(rome.stdout.contains("même commune"))
    #expect(
      rome.stdout.contains("Certification : RNCP4495 · Diplôme d'Etat d'aide-soignant (DEAS)"))
    #expect(!rome.stdout.contains("06/01/2020"))
    #expect(rome.stdout.hasSuffix("\n"))
    // The source line dates the import the French way, as the screen does.
    #expect(
      rome.stdout.range(
        of: #"offres-savoie\.xml, importé le \d{2}/\d{2}/\d{4}\n"#, options: .regularExpression)
        != nil, "\(rome.stdout)")
    // Under each certification, its débouchés as the DEAS fiche gives them (bundled InserJeunes).
    let deas = """
         Certification : RNCP4495 · Diplôme d'Etat d'aide-soignant (DEAS)
           Débouchés (InserJeunes, Auvergne-Rhône-Alpes) :
           Apprentissage · millésime 2022-2023 · diplôme 56033102
           • Cohorte (année terminale) : 94 · sortants : 81
           • En emploi à 6 mois : 65 % · 12 mois : 70 % · 24 mois : pas encore mesuré
           • Poursuite d'études : 14 %
           Source : DEPP-DARES – InserJeunes, Auvergne-Rhône-Alpes
      """
    #expect(rome.stdout.contains(deas))

    let rncp = try desk.guichet("formations", "--rncp", "26650", "--commune", "38185")
    #expect(rncp.status == 0, "\(rncp.stderr)")
    #expect(Self.towns(rncp.stdout) == ["Grenoble", "Chambéry"])
    #expect(
      rncp.stdout.hasPrefix("Sessions de formation pour la certification RNCP26650 · Cuisine"))
    #expect(rome.stdout.hasPrefix("Sessions de formation pour le métier J1501"))

    let json = try desk.guichet(
      "formations", "--rome", "G1602", "--commune", "73065", "--format", "json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let sessions = try #require(object["sessions"] as? [[String: Any]])
    #expect(sessions.map { $0["town"] as? String } == ["Chambéry", "Grenoble"])
    #expect(sessions.first?["proximity"] as? String == "commune")
    #expect(sessions.first?["start"] as? String == "2029-09-15")
    #expect(object["outcomesSource"] as? String == "DEPP-DARES – InserJeunes, Auvergne-Rhône-Alpes")
    // The CAP Cuisine's débouchés: a secret rate has a status and no figure, never 0.
    let certifications = try #require(sessions.first?["certifications"] as? [[String: Any]])
    #expect(certifications.map { $0["code"] as? String } == ["RNCP26650"])
    let outcomes = try #require(certifications.first?["outcomes"] as? [[String: Any]])
    let small = try #require(outcomes.first { $0["mef"] as? String == "23110022139" })
    #expect(small["voie"] as? String == "scolaire" && small["millesime"] as? String == "2022-2023")
    #expect(small["cohort"] as? Int == 1 && small["leavers"] == nil)
    let secret = try #require(small["employed6Months"] as? [String: Any])
    #expect(secret["status"] as? String == "secret" && secret["percent"] == nil)
    let apprenticeship = try #require(outcomes.first { $0["voie"] as? String == "apprentissage" })
    #expect(apprenticeship["cohort"] as? Int == 1_437 && apprenticeship["leavers"] as? Int == 899)
    let employed = try #require(apprenticeship["employed6Months"] as? [String: Any])
    #expect(employed["status"] as? String == "publie" && employed["percent"] as? Int == 63)
    let later = try #require(apprenticeship["employed24Months"] as? [String: Any])
    #expect(later["status"] as? String == "non_mesure")
  }

  /// The offer names its establishments (UAI): the fresh install's InserJeunes by establishment comes beside
  /// the diploma's regional figures, in text and JSON.
  @Test func anOfferNamingItsEstablishmentShowsItsFigures() throws {
    let desk = try Desk()
    let imported = try desk.guichet(
      "import", "lheo", LheoTestFiles.url("offres-etablissements.xml").path)
    #expect(imported.status == 0, "\(imported.stderr)")
    let text = try desk.guichet("formations", "--rncp", "RNCP26650", "--commune", "73064")
    #expect(text.status == 0, "\(text.stderr)")
    #expect(Self.towns(text.stdout) == ["Challes-les-Eaux", "Chambéry", "Grenoble"])
    let lycee = """
         Dans cet établissement : Lycée professionnel hôtelier (UAI 0730012S), tous ses diplômes, millésime 2022-2023 :
         • Lycée (voie professionnelle), tous les sortants : poursuite d'études 42 % · en emploi à 6 mois 32 % · autres situations 26 % · taux d'emploi des sortants 55 % (attendu 55 %, valeur ajoutée -1 point)
         • Lycée (voie professionnelle), dont apprentis : poursuite d'études 17 % · en emploi à 6 mois 57 % · autres situations 26 % · taux d'emploi des sortants 68 % (attendu 71 %, valeur ajoutée -3 points)
      """
    #expect(text.stdout.contains(lycee), "\(text.stdout)")
    #expect(
      text.stdout.contains(
        "   Source : DEPP-DARES – InserJeunes par établissement, Auvergne-Rhône-Alpes"))
    #expect(
      text.stdout.contains(
        "   Dans cet établissement (UAI 0389999Z) : aucun chiffre InserJeunes publié."))
    // The regional débouchés of the CAP are still there, before the establishment's.
    #expect(text.stdout.contains("Apprentissage · millésime 2022-2023 · diplôme 50022139"))

    let json = try desk.guichet(
      "formations", "--rncp", "RNCP26650", "--commune", "73064", "--format", "json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(
      object["establishmentsSource"] as? String
        == "DEPP-DARES – InserJeunes par établissement, Auvergne-Rhône-Alpes")
    let sessions = try #require(object["sessions"] as? [[String: Any]])
    #expect(sessions.map { $0["uai"] as? String } == ["0730012S", "0731584A", "0389999Z"])
    let first = try #require(sessions[0]["establishmentOutcomes"] as? [[String: Any]])
    #expect(first.map { $0["population"] as? String } == ["ensemble", "apprentis", "scolaires"])
    #expect(first[0]["kind"] as? String == "lycee" && first[0]["valueAdded"] as? Int == -1)
    let secret = try #require((sessions[1]["establishmentOutcomes"] as? [[String: Any]])?.first)
    let rate = try #require(secret["employmentRate"] as? [String: Any])
    #expect(rate["status"] as? String == "secret" && rate["percent"] == nil)
    #expect(secret["valueAdded"] == nil)
    #expect((sessions[2]["establishmentOutcomes"] as? [Any])?.isEmpty == true)
  }

  @Test func aBrokenFileIsRefusedWithItsLineAndAReimportReplaces() throws {
    let desk = try Desk()
    _ = try desk.guichet("import", "lheo", LheoTestFiles.url("offres-savoie.xml").path)
    let before = try desk.guichet("formations", "--rncp", "RNCP26650", "--commune", "73065")

    let broken = try desk.guichet("import", "lheo", LheoTestFiles.url("offres-sans-fin.xml").path)
    #expect(broken.status == 1)
    #expect(broken.stderr.contains("offres-sans-fin.xml, ligne 47"))
    #expect(broken.stderr.contains("<periode>"))
    #expect(broken.stderr.contains("La base n’a pas été modifiée"))
    #expect(broken.stdout.isEmpty)
    let unchanged = try desk.guichet("formations", "--rncp", "RNCP26650", "--commune", "73065")
    #expect(unchanged.stdout == before.stdout)

    var piped = desk.run
    piped.input = try String(
      contentsOf: LheoTestFiles.url("offres-remplacement.xml"), encoding: .utf8)
    let replaced = try piped.run(["import", "lheo", "-", "--database", desk.database])
    #expect(replaced.status == 0, "\(replaced.stderr)")
    let after = try desk.guichet("formations", "--rncp", "RNCP26650", "--commune", "73065")
    #expect(Self.towns(after.stdout) == ["La Motte-Servolex"])
    #expect(after.stdout.contains("CAP Cuisine (nouvelle offre)"))
  }

  @Test func wrongArgumentsAreRefusedInFrench() throws {
    let desk = try Desk()
    let neither = try desk.guichet("formations")
    #expect(neither.status == 64)
    #expect(neither.stderr.contains("indiquez un métier (--rome J1501)"))
    let both = try desk.guichet("formations", "--rome", "J1501", "--rncp", "RNCP4495")
    #expect(both.status == 64)
    let commune = try desk.guichet("formations", "--rome", "J1501", "--commune", "Chambéry")
    #expect(commune.status == 64)
    #expect(commune.stderr.contains("code INSEE de commune invalide"))
    let missing = try desk.guichet("import", "lheo", "/nonexistent/offres.xml")
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("chemin introuvable"))
    // With nothing imported, the list says where the file comes from.
    let none = try desk.guichet("formations", "--rome", "J1501")
    #expect(none.status == 0)
    #expect(none.stdout.contains("Carif-Oref"))
  }
}
