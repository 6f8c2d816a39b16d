import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet audit verify|list`: the hash-chained trail of logins and accesses to contact data.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Journal d'audit : connexions et accès aux coordonnées (numéros seulement).",
    subcommands: [AuditVerifyCommand.self, AuditListCommand.self])
}

struct AuditVerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Vérifie que le journal n'a été ni modifié ni amputé (chaînage SHA-256).",
    discussion: "Code de sortie : 0 journal intact, 2 journal altéré, 1 vérification impossible.")

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let path = location.path
    ExposureNotice.report(path: path)
    let result = try CommandLineErrors.report {
      try AppDatabase.open(path: path, missing: .refuse).verifyAudit()
    }
    if let problem = result.problem {
      FileHandle.standardError.write(
        Data("guichet : journal d'audit altéré : \(problem).\n".utf8))
      throw ExitCode(2)
    }
    try StandardOutput.line("Journal d'audit intact : \(result.entries) entrée(s).")
  }
}

struct AuditListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "Affiche les dernières entrées du journal.")

  @Option(name: .long, help: ArgumentHelp("Nombre d'entrées.", valueName: "n"))
  var limit = 50

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let path = location.path
    ExposureNotice.report(path: path)
    let entries = try CommandLineErrors.report {
      try AppDatabase.open(path: path, missing: .refuse).auditEntries(
        limit: max(1, min(limit, 10_000)), by: .commandLine)
    }
    let formatter = ISO8601DateFormatter()
    for entry in entries {
      let who =
        entry.accountID.map { "compte \($0)" }
        ?? (entry.via == "system" ? "automatique" : "ligne de commande")
      let what = entry.action?.label ?? "?"
      let row =
        entry.subject.map { s in " \(s)" + (entry.subjectID.map { " n° \($0)" } ?? "") } ?? ""
      let count = entry.count.map { " (\($0))" } ?? ""
      try StandardOutput.line(
        "\(entry.id)\t\(formatter.string(from: entry.at))\t\(who)\t\(what)\(row)\(count)")
    }
  }
}
