import ArgumentParser
import Foundation
import GuichetStore

/// `guichet restore PATH`: checks the backup, then writes it back into the live database.
struct RestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore",
    abstract: "Remplace la base par une sauvegarde, après l'avoir vérifiée.",
    discussion: """
      Fermez Guichet sur tous les postes avant de restaurer : un poste resté ouvert afficherait des
      données périmées. La sauvegarde est vérifiée (integrity_check, version de Guichet) avant que
      quoi que ce soit soit remplacé, et la base remplacée est conservée à côté, pour revenir en arrière.
      Les personnes effacées depuis la sauvegarde (registre des effacements de la base en service, gardé
      \(ErasureLedger.retentionDays) jours) sont effacées de nouveau avant que la sauvegarde ne soit mise en service :
      ne gardez pas de sauvegarde plus longtemps.
      """)

  @Argument(help: ArgumentHelp("Fichier de sauvegarde à restaurer.", valueName: "chemin"))
  var source: String

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let path = location.path
    try StandardOutput.line("Restauration de « \(source) » dans « \(path) ».")
    try StandardOutput.line("Les postes doivent être fermés pendant la restauration.")
    let report = try CommandLineErrors.report {
      try DatabaseRestore.restore(from: source, into: path)
    }
    try StandardOutput.line("Sauvegarde vérifiée et restaurée : \(report.health.visits) visite(s).")
    if report.ledgerUnreadable {
      CommandLineMessage.error(
        "le registre des effacements de l'ancienne base est illisible : les effacements faits depuis cette sauvegarde n'ont pas pu être refaits. Refaites-les avec « guichet person erase »."
      )
      if let previous = report.previous {
        try StandardOutput.line("L'ancienne base est conservée dans : \(previous)")
      }
      // Restored, but people erased since the backup may be back: not a success.
      throw ExitCode.failure
    } else {
      try StandardOutput.line(
        "Effacements refaits d'après le registre des effacements : \(report.reerased) personne(s) effacée(s) de nouveau."
      )
    }
    if let previous = report.previous {
      try StandardOutput.line("L'ancienne base est conservée dans : \(previous)")
    }
    try StandardOutput.line("Vous pouvez relancer Guichet sur les postes.")
  }
}
