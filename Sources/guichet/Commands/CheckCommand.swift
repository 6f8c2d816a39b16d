import ArgumentParser
import Foundation
import GuichetStore

/// `guichet check`: the full `integrity_check` that a start does not afford (it reads every page).
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract:
      "Vérifie l'intégrité de la base (lecture seule, possible pendant que les postes travaillent).",
    discussion: "Code de sortie : 0 base saine, 2 base endommagée, 1 vérification impossible.")

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let path = location.path
    ExposureNotice.report(path: path)
    let health = try CommandLineErrors.report {
      try DatabasePath.check(path, missing: .refuse)
      return try DatabaseHealth.check(path: path)
    }
    guard health.isSound else {
      let lines = [DatabaseHealth.damageMessage(path: path)] + health.problems.map { "  \($0)" }
      CommandLineMessage.error(lines.joined(separator: "\n"))
      throw ExitCode(2)
    }
    try StandardOutput.line(
      "Base saine : \(path) (\(health.visits) visite(s), \(HealthText.megabytes(health.bytes)), \(health.migrations) migrations)."
    )
  }
}

/// Sizes as an agent reads them.
enum HealthText {
  static func megabytes(_ bytes: Int) -> String {
    String(format: "%.1f Mo", Double(bytes) / 1_048_576).replacingOccurrences(of: ".", with: ",")
  }
}
