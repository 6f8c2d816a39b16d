import Foundation
import Testing

/// `guichet operators …` run as the real binary on a copy of the seeded database: a new site sets up a
/// structure, an advisor and a rule, and sees the computed slots; bad input is refused in French.
@Suite("Command line: operators")
struct OperatorsCommandTests {
  struct Created: Decodable { var id: Int64 }
  struct Listed: Decodable {
    var id: Int64
    var kind: String
    var name: String
    var advisors: [ListedAdvisor]
  }
  struct ListedAdvisor: Decodable {
    var id: Int64
    var name: String
  }
  struct Free: Decodable {
    var time: String
    var place: String
    var seatsLeft: Int
  }

  /// A runner and a private copy of the seeded database.
  static func prepared(_ label: String) throws -> (GuichetRun, [String]) {
    let runner = GuichetRun(folder: try GuichetRun.temporaryFolder("operators-\(label)"))
    let path = runner.folder.appendingPathComponent("ops.sqlite").path
    try SeededDatabase.copy(to: path)
    return (runner, ["--database", path])
  }

  static func created(_ outcome: GuichetRun.Outcome) throws -> Int64 {
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return try JSONDecoder().decode(Created.self, from: Data(outcome.stdout.utf8)).id
  }

  @Test func aNewSiteSetsUpAnAdvisorAndSeesTheComputedSlots() throws {
    let (runner, database) = try Self.prepared("setup")
    let structure = try Self.created(
      runner.run(
        [
          "operators", "add-structure", "--kind", "apec", "--name", "APEC Test", "--phone",
          "04 72 00 00 00", "--format", "json",
        ]
          + database))
    let advisor = try Self.created(
      runner.run(
        [
          "operators", "add-advisor", "--structure", "\(structure)", "--name", "Claire Martin",
          "--format", "json",
        ] + database))
    let rule = try runner.run(
      [
        "operators", "add-rule", "--advisor", "\(advisor)", "--days", "lun-dim", "--from", "9h",
        "--to", "12:00", "--length", "60", "--place", "visio",
      ] + database)
    #expect(rule.status == 0, "\(rule.stderr)")
    #expect(rule.stdout.contains("rendez-vous de 60 min, en visioconférence"), "\(rule.stdout)")

    let listed = try runner.run(
      ["operators", "list", "--kind", "apec", "--format", "json"] + database)
    #expect(listed.status == 0, "\(listed.stderr)")
    let structures = try JSONDecoder().decode([Listed].self, from: Data(listed.stdout.utf8))
    let mine = try #require(structures.first { $0.id == structure })
    #expect(mine.advisors.map(\.name) == ["Claire Martin"])
    #expect(structures.allSatisfy { $0.kind == "apec" })

    let slots = try runner.run(
      ["operators", "slots", "--advisor", "\(advisor)", "--days", "14", "--format", "json"]
        + database)
    #expect(slots.status == 0, "\(slots.stderr)")
    let free = try JSONDecoder().decode([Free].self, from: Data(slots.stdout.utf8))
    #expect(
      free.count >= 20, "about 3 slots a day over 14 days, minus today's past hours and holidays")
    #expect(
      free.allSatisfy { ["09:00", "10:00", "11:00"].contains($0.time) && $0.place == "video" })

    // A whole fortnight away: nothing left to offer.
    let today = ISO8601DateFormatter.string(
      from: Date(), timeZone: TimeZone(identifier: "Europe/Paris")!, formatOptions: [.withFullDate])
    let later = ISO8601DateFormatter.string(
      from: Date().addingTimeInterval(20 * 86_400), timeZone: TimeZone(identifier: "Europe/Paris")!,
      formatOptions: [.withFullDate])
    let absence = try runner.run(
      [
        "operators", "add-absence", "--advisor", "\(advisor)", "--from", today, "--to", later,
        "--reason", "formation",
      ] + database)
    #expect(absence.status == 0, "\(absence.stderr)")
    #expect(absence.stdout.contains("inclus"), "\(absence.stdout)")
    let none = try runner.run(["operators", "slots", "--advisor", "\(advisor)"] + database)
    #expect(none.status == 0)
    #expect(none.stdout.contains("Aucun créneau libre pour Claire Martin"), "\(none.stdout)")

    let removed = try runner.run(["operators", "remove-advisor", "\(advisor)"] + database)
    #expect(removed.status == 0, "\(removed.stderr)")
    #expect(removed.stdout.contains("Conseiller \(advisor) retiré"))
  }

  /// `add-structure --phone abc --email "pas un mail"` was stored as typed: the store now refuses it.
  @Test func aStructureWithABadPhoneOrEmailIsRefusedInFrench() throws {
    let (runner, database) = try Self.prepared("structure-contact")
    let listed = try runner.run(["operators", "list", "--format", "json"] + database)
    for (field, value, message) in [
      ("--phone", "abc", "guichet : téléphone de la structure refusé (« abc »)"),
      ("--email", "pas un mail", "guichet : courriel de la structure refusé (« pas un mail »)"),
    ] {
      let outcome = try runner.run(
        ["operators", "add-structure", "--kind", "cio", "--name", "CIO Essai", field, value]
          + database)
      #expect(outcome.status == 1, "\(outcome.stderr)")
      #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }
    let after = try runner.run(["operators", "list", "--format", "json"] + database)
    #expect(after.stdout == listed.stdout, "nothing was added")
    let good = try runner.run(
      [
        "operators", "add-structure", "--kind", "cio", "--name", "CIO Essai", "--phone",
        "04.74.00.00.00", "--email", "accueil@cio-essai.fr",
      ] + database)
    #expect(good.status == 0, "\(good.stderr)")
  }

  @Test(arguments: [
    (
      [
        "add-rule", "--advisor", "1", "--days", "xyz", "--from", "9h", "--to", "12h", "--length",
        "45",
      ],
      "--days attend des jours comme lun,mar,jeu ou lun-ven (reçu « xyz »)."
    ),
    (
      [
        "add-rule", "--advisor", "1", "--days", "lun", "--from", "12h", "--to", "9h", "--length",
        "45",
      ],
      "l'heure de fin (09:00) doit suivre l'heure de début (12:00)."
    ),
    (
      [
        "add-rule", "--advisor", "1", "--days", "lun", "--from", "9h", "--to", "12h", "--length",
        "2",
      ],
      "--length attend un nombre de 5 à 480"
    ),
    (
      [
        "add-rule", "--advisor", "1", "--days", "lun", "--from", "9h", "--to", "12h", "--length",
        "45",
        "--place", "lune",
      ], "lieu inconnu « lune » : site, telephone ou visio."
    ),
    (["add-structure", "--kind", "banque", "--name", "X"], "type de structure inconnu « banque »"),
    (
      ["add-absence", "--advisor", "1", "--from", "32/13/2026", "--to", "01/01/2027"],
      "--from attend une date comme 01/12/2026"
    ),
    (["slots", "--advisor", "abc"], "--advisor attend un numéro (reçu « abc »)."),
    (["list", "--format", "xml"], "format inconnu « xml » : text ou json."),
  ])
  func badInputIsRefusedInFrenchWithTheUsageExitCode(arguments: [String], message: String) throws {
    let (runner, database) = try Self.prepared("usage")
    let outcome = try runner.run(["operators"] + arguments + database)
    #expect(outcome.status == 64, "\(outcome.stderr)")
    #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    #expect(outcome.stderr.contains("Voir « guichet operators"), "\(outcome.stderr)")
  }

  @Test func unknownNumbersFailWithAFrenchMessage() throws {
    let (runner, database) = try Self.prepared("unknown")
    for arguments in [
      ["remove-advisor", "999"], ["slots", "--advisor", "999"],
      ["add-advisor", "--structure", "99999", "--name", "Claire"],
      [
        "add-rule", "--advisor", "999", "--days", "lun", "--from", "9h", "--to", "12h", "--length",
        "30",
      ],
    ] {
      let outcome = try runner.run(["operators"] + arguments + database)
      #expect(outcome.status == 1, "\(arguments): \(outcome.stderr)")
      #expect(outcome.stderr.hasPrefix("guichet : aucun"), "\(arguments): \(outcome.stderr)")
    }
  }

  @Test func helpIsInFrench() throws {
    let (runner, _) = try Self.prepared("help")
    let outcome = try runner.run(["operators", "add-rule", "--help"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("Ajoute une plage d'ouverture récurrente"), "\(outcome.stdout)")
  }
}
