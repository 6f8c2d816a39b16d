import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet backup PATH`: a consistent copy through SQLite's backup API while desks keep working.
struct BackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Sauvegarde la base dans un fichier, sans arrêter les postes.",
    discussion: """
      La copie est cohérente même si des postes enregistrent des visites pendant la sauvegarde,
      puis vérifiée (integrity_check) avant d'être écrite, en mode 0600. Ne copiez jamais le
      fichier de la base à la main. Conseil : une sauvegarde par jour, conservée hors de ce poste.
      """)

  @Argument(help: ArgumentHelp("Fichier de sauvegarde à créer.", valueName: "chemin"))
  var destination: String

  @Flag(name: .long, help: "Remplace le fichier s'il existe déjà.")
  var force = false

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let path = location.path
    let report = try CommandLineErrors.report {
      try AppDatabase.open(path: path, missing: .refuse).backup(to: destination, replacing: force)
    }
    try StandardOutput.line("Sauvegarde faite : \(report.path)")
    try StandardOutput.line(
      "Vérifiée : \(report.health.visits) visite(s), \(HealthText.megabytes(report.health.bytes)), en \(Int(report.milliseconds)) ms."
    )
  }
}
