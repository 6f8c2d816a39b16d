import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `--witness FILE`, else `GUICHET_AUDIT_WITNESS`, else `<database>.audit-witness` next to the database:
/// the file the audit trail's head is appended to (and read back by `guichet audit verify`).
struct AuditWitnessOptions: ParsableArguments {
  @Option(
    name: .customLong("witness"),
    help: ArgumentHelp(
      "Fichier témoin de la tête du journal d'audit (sinon GUICHET_AUDIT_WITNESS, sinon <base>.audit-witness à côté de la base).",
      valueName: "fichier"))
  var file: String?

  /// The file named by the option or the environment, nil for the default.
  var named: String? {
    if let file { return DatabaseLocation.expand(file, ProcessInfo.processInfo.environment) }
    let variable = ProcessInfo.processInfo.environment["GUICHET_AUDIT_WITNESS"]
    return variable.flatMap {
      $0.isEmpty ? nil : DatabaseLocation.expand($0, ProcessInfo.processInfo.environment)
    }
  }

  func path(forDatabase database: String) -> String {
    named ?? AuditWitness.defaultFile(forDatabase: database)
  }

  /// `systemLog` is off for the bench's cold starts, which must not fill the host's log.
  func witness(forDatabase database: String, systemLog: Bool = true) -> AuditWitness {
    AuditWitness(file: path(forDatabase: database), database: database, systemLog: systemLog)
  }

  func validate() throws {
    if let file, file.isEmpty { throw ValidationError("--witness attend un chemin de fichier.") }
  }
}
