import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet demo`: fills the database with synthetic visits and appointments so a newcomer (and the bench)
/// has something to browse. Every row is flagged synthetic; reports say when they are included.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract:
      "Crée des visites et rendez-vous de démonstration (marqués synthétiques dans la base).",
    discussion: """
      Les visites sont réparties sur les jours ouvrés (pas le dimanche ni les jours fériés), les heures
      d'ouverture avec des pointes, les sites « Démo · … », les publics et leurs demandes ; une partie est
      orientée avec consentement et rendez-vous (reçu, absent, annulé ou à venir). Aucune coordonnée n'est créée.
      Même graine, mêmes données. Exemple pour découvrir le tableau de bord : guichet demo --days 365
      """)

  @Option(
    name: .long,
    help: ArgumentHelp("Nombre de jours jusqu'à aujourd'hui inclus (1 à 5000).", valueName: "N"))
  var days: Int

  @Option(
    name: .long,
    help: ArgumentHelp("Visites par jour ouvré, en moyenne, tous sites confondus.", valueName: "M"))
  var perDay: Int = 60

  @Option(
    name: .long,
    help: ArgumentHelp("Graine du tirage (mêmes données pour la même graine).", valueName: "S"))
  var seed: UInt64 = 1

  @Option(name: .long, help: ArgumentHelp("Nombre de sites de démonstration.", valueName: "n"))
  var sites: Int = 3

  @Option(name: .long, help: ArgumentHelp("Postes par site.", valueName: "n"))
  var desks: Int = 3

  @OptionGroup var location: DatabaseOptions

  func validate() throws {
    guard (1...5_000).contains(days) else {
      throw ValidationError("--days va de 1 à 5000 (reçu \(days)).")
    }
    guard (1...10_000).contains(perDay) else {
      throw ValidationError("--per-day va de 1 à 10000 (reçu \(perDay)).")
    }
    guard (1...200).contains(sites), (1...50).contains(desks) else {
      throw ValidationError("--sites va de 1 à 200 et --desks de 1 à 50.")
    }
  }

  func run() throws {
    let path = location.path
    DatabaseLocation.announceIfNew(path)
    let start = Date()
    let now = try CommandLineErrors.report { try ConsoleClock.fromEnvironment().now() }
    let summary = try CommandLineErrors.report {
      let database = try AppDatabase.open(path: path)
      return try database.loadDemo(
        DemoOptions(
          days: days, perDay: perDay, seed: seed, lastDay: LocalDate(now), sites: sites,
          desksPerSite: desks, now: now)
      ) { written in
        FileHandle.standardError.write(Data("\r\(written) visites…".utf8))
      }
    }
    FileHandle.standardError.write(Data("\n".utf8))
    let seconds = Date().timeIntervalSince(start)
    try StandardOutput.line(
      "\(summary.visits) visites et \(summary.appointments) rendez-vous de démonstration créés "
        + "du \(summary.firstDay.frenchNumeric) au \(summary.lastDay.frenchNumeric) "
        + "sur \(summary.sites) sites et \(summary.desks) postes, en \(Int(seconds.rounded())) s.")
    try StandardOutput.line("Ces lignes sont marquées synthétiques ; les rapports le signalent.")
    try StandardOutput.line(
      "Tableau de bord : guichet (touche T depuis l'accueil) · bilan : guichet report annual")
  }
}
