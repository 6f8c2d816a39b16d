import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet operators …`: second-level structures, advisors and their availability, managed from a shell,
/// so a site can be set up (and tests can prepare advisors) without the console. Like `guichet users`, `person`,
/// `purge` and `report`, it acts as `Caller.commandLine`: it runs on the server under the service account that
/// owns the database file (desk users only reach the console), which holds every `Permission` anyway.
struct OperatorsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "operators",
    abstract: "Gère les structures du second niveau, leurs conseillers et leurs disponibilités.",
    discussion: """
      Mise en place par fichier (structures, conseillers, plages, absences) : écrire
      l'exemple, l'adapter dans un tableur, puis l'importer :
        guichet operators import --example > structures.csv
        guichet operators import structures.csv
      Exemple de mise en place une par une :
        guichet operators add-structure --kind mission_locale --territory Vienne \\
          --name "Mission locale de Vienne" --phone "04 74 00 00 00"
        guichet operators add-advisor --structure 12 --name "Claire Martin"
        guichet operators add-rule --advisor 7 --days lun,mar,jeu \\
          --from 09:00 --to 12:00 --length 45
        guichet operators slots --advisor 7 --days 14
      """,
    subcommands: [
      OperatorsListCommand.self, OperatorsAddStructureCommand.self, OperatorsAddAdvisorCommand.self,
      OperatorsRemoveAdvisorCommand.self, OperatorsAddRuleCommand.self,
      OperatorsAddAbsenceCommand.self, OperatorsSlotsCommand.self, OperatorsImportCommand.self,
      OperatorsExportCommand.self,
    ])
}

/// `--format text|json`, shared by the commands whose output scripts read.
struct OutputFormatOption: ParsableArguments {
  @Option(
    name: .long, help: ArgumentHelp("Format de sortie : text ou json.", valueName: "format"),
    completion: .list(["text", "json"]))
  var format: String = "text"

  var isJSON: Bool {
    get throws(UserError) {
      switch format.lowercased() {
      case "text", "texte": return false
      case "json": return true
      default:
        throw UserError("format inconnu « \(TypedIn.shown(format)) » : text ou json.")
      }
    }
  }
}

/// Writes one JSON document (keys sorted, one line) on stdout.
enum OperatorsJSON {
  static func print<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    try StandardOutput.line(String(decoding: try encoder.encode(value), as: UTF8.self))
  }
}
