import ArgumentParser
import Foundation
import GuichetCore
import GuichetResources
import GuichetStore

extension Guichet {
  /// Same as ArgumentParser's entry point, but usage errors reach the agent in French.
  static func main() {
    do {
      var command = try parseAsRoot()
      // Before any command opens (and so creates) a database: without its reference data it would be empty.
      guard BundledData.root != nil else {
        FileHandle.standardError.write(Data("guichet : \(BundledData.missingMessage)\n".utf8))
        Foundation.exit(ExitCode.failure.rawValue)
      }
      do {
        try command.run()
        // The last word on stdout: a full disk may only show at the final flush, fsync or close.
        try CheckedOutput.finishStandardOutput()
      } catch let error as UserError {
        // Raised outside `CommandLineErrors.report`, e.g. by a checked write to stdout.
        FileHandle.standardError.write(Data("guichet : \(error.message)\n".utf8))
        Foundation.exit(ExitCode.failure.rawValue)
      } catch let error as ValidationError {
        // Thrown by a subcommand after parsing: the root's usage line would point at the wrong command.
        let name = type(of: command).configuration.commandName.map { " \($0)" } ?? ""
        FileHandle.standardError.write(
          Data(
            "Erreur : \(error.message)\n  Voir « guichet\(name) --help » pour plus d'informations.\n"
              .utf8))
        Foundation.exit(ExitCode.validationFailure.rawValue)
      }
    } catch {
      let code = exitCode(for: error)
      guard code == .validationFailure else { exit(withError: error) }
      let message = FrenchUsageErrors.translate(fullMessage(for: error))
      FileHandle.standardError.write(Data((message + "\n").utf8))
      Foundation.exit(code.rawValue)
    }
  }
}

/// ArgumentParser only speaks English; its few usage messages are rewritten here.
enum FrenchUsageErrors {
  static let replacements: [(pattern: String, template: String)] = [
    ("^Error: ", "Erreur : "),
    ("Unexpected arguments?:? ?'?([^'\\n]*)'?", "Argument inattendu : « $1 »"),
    ("Missing expected argument '([^']*)'", "Argument manquant : « $1 »"),
    ("Missing value for '([^']*)'", "Valeur manquante pour « $1 »"),
    (
      "Unknown option '([^']*)'\\. Did you mean '([^']*)'\\?",
      "Option inconnue : « $1 ». Vouliez-vous dire « $2 » ?"
    ),
    ("Unknown option '([^']*)'", "Option inconnue : « $1 »"),
    (
      "The value '([^']*)' is invalid for '([^']*)'",
      "La valeur « $1 » n'est pas valide pour « $2 »"
    ),
    ("Usage:", "Utilisation :"),
    ("See '([^']*)' for more information\\.", "Voir « $1 » pour plus d'informations."),
    ("Help:", "Aide :"),
  ]

  static func translate(_ message: String) -> String {
    var text = message
    for (pattern, template) in replacements {
      guard let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
      else { continue }
      text = regex.stringByReplacingMatches(
        in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
    return text
  }
}
