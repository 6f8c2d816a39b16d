import ArgumentParser
import Foundation
import GuichetCore
import GuichetResources
import GuichetStore

extension Guichet {
  /// Same as ArgumentParser's entry point, but what the library writes in English reaches the agent in
  /// French: usage errors, help screens, completion scripts and the help dump the manual is made from.
  static func main() {
    do {
      var command = try parseAsRoot()
      // Before any command opens (and so creates) a database: without its reference data it would be empty.
      guard BundledData.root != nil else {
        CommandLineMessage.error(BundledData.missingMessage)
        Foundation.exit(ExitCode.failure.rawValue)
      }
      do {
        try command.run()
        // The last word on stdout: a full disk may only show at the final flush, fsync or close.
        try CheckedOutput.finishStandardOutput()
      } catch let error as UserError {
        // Raised outside `CommandLineErrors.report`, e.g. by a checked write to stdout.
        CommandLineMessage.error(error.message)
        Foundation.exit(ExitCode.failure.rawValue)
      } catch let error as ValidationError {
        // Thrown by a subcommand after parsing: the root's usage line would point at the wrong command.
        CommandLineMessage.usage(
          error.message, command: CommandLineMessage.path(of: type(of: command)))
        Foundation.exit(ExitCode.validationFailure.rawValue)
      }
    } catch {
      finish(with: error)
    }
  }

  /// What `exit(withError:)` does (help and version on stdout, the rest on stderr), in French.
  static func finish(with error: any Error) -> Never {
    let code = exitCode(for: error)
    let text = fullMessage(for: error)
    if code == .success {
      do {
        if !text.isEmpty {
          try StandardOutput.line(ManualEscapes.apply(FrenchHelp.translate(text)))
        }
        try CheckedOutput.finishStandardOutput()
      } catch let error as UserError {
        CommandLineMessage.error(error.message)
        Foundation.exit(ExitCode.failure.rawValue)
      } catch {
        Foundation.exit(ExitCode.failure.rawValue)
      }
    } else if !text.isEmpty {
      FileHandle.standardError.write(Data((FrenchUsageErrors.translate(text) + "\n").utf8))
    }
    Foundation.exit(code.rawValue)
  }
}

/// Regular-expression rewrites, applied in order.
enum TextRewrite {
  static func apply(_ rules: [(pattern: String, template: String)], to message: String) -> String {
    var text = message
    for (pattern, template) in rules {
      guard let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
      else { continue }
      text = regex.stringByReplacingMatches(
        in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
    return text
  }

  /// A phrase as a pattern that also matches it wrapped over several lines.
  static func phrase(_ words: String) -> String {
    words.split(separator: " ").map { NSRegularExpression.escapedPattern(for: String($0)) }
      .joined(separator: "\\s+")
  }
}

/// ArgumentParser only speaks English; its usage messages are rewritten here, in the style of
/// `CommandLineMessage` (« guichet : » and lower case).
enum FrenchUsageErrors {
  static let replacements: [(pattern: String, template: String)] =
    [
      ("^Error: ", "guichet : "),
      ("Unexpected argument '([^'\\n]*)'", "argument inattendu : « $1 »"),
      ("(\\d+) unexpected arguments: '([^\\n]*)'", "$1 arguments inattendus : « $2 »"),
      ("Missing expected argument '([^']*)'", "argument manquant : « $1 »"),
      ("Missing one of: '([^\\n]*)'", "il manque l'un de : « $1 »"),
      ("Missing required subcommand\\.", "sous-commande manquante."),
      ("Missing value for '([^']*)'", "valeur manquante pour « $1 »"),
      (
        "Unknown option '([^']*)'\\. Did you mean '([^']*)'\\?",
        "option inconnue : « $1 ». Vouliez-vous dire « $2 » ?"
      ),
      ("Unknown option '([^']*)'", "option inconnue : « $1 »"),
      ("Invalid option: ([^\\n]*)", "option non valide : « $1 »"),
      (
        "The option '([^']*)' does not take any value, but '([^']*)' was specified\\.",
        "l'option « $1 » ne prend pas de valeur, mais « $2 » a été donné."
      ),
      (
        "Value to be set with (.*) had already been set with ([^\\n]*)",
        "valeur donnée par $1 alors que $2 l'avait déjà donnée"
      ),
      (
        "The value '([^']*)' is invalid for '([^']*)'",
        "la valeur « $1 » n'est pas valide pour « $2 »"
      ),
      ("The value '([^']*)' is invalid", "la valeur « $1 » n'est pas valide"),
      ("\\. Please provide one of the following:", ". Valeurs possibles :"),
      ("\\. Please provide one of ([^\\n]*)\\.", ". Valeurs possibles : $1."),
      ("'([^' \\n]*)' and '([^' \\n]*)'", "« $1 » et « $2 »"),
      ("'([^' \\n]*)' or '([^' \\n]*)'", "« $1 » ou « $2 »"),
      ("'([^' \\n]*)', ", "« $1 », "),
      ("Can't autodetect a supported shell\\.", "shell non reconnu."),
      ("Can't generate completion scripts for '([^']*)'\\.", "pas de complétion pour « $1 »."),
      (
        "Please use --generate-completion-script=<shell> with one of:",
        "Indiquez --generate-completion-script=<shell> avec l'un de :"
      ),
      ("See '([^']*)' for more information\\.", "Voir « $1 » pour plus d'informations."),
      ("^Help: ", "Aide : "),
    ] + FrenchHelp.phrases

  static func translate(_ message: String) -> String {
    var text = FrenchHelp.hanging(
      TextRewrite.apply(replacements, to: message), from: "Usage: ", to: "Utilisation : ")
    let prefix = "guichet : "
    if text.hasPrefix(prefix) {
      text = prefix + CommandLineMessage.afterColon(String(text.dropFirst(prefix.count)))
    }
    return text
  }
}

/// The texts ArgumentParser writes into every help screen (section titles, the help and version flags, the
/// default subcommand, defaults and values) have no setting: the screens, completion scripts and help dump
/// are rewritten on their way out. Translations hold no straight apostrophe (completion scripts quote
/// descriptions with it).
enum FrenchHelp {
  static let phrases: [(pattern: String, template: String)] = [
    (
      TextRewrite.phrase("Show subcommand help information."), "Affiche l’aide d’une sous-commande."
    ),
    (TextRewrite.phrase("Show help information."), "Affiche cette aide."),
    (TextRewrite.phrase("Show the version."), "Affiche la version."),
    ("<subcommand>", "<sous-commande>"),
    ("<subcommands>", "<sous-commandes>"),
  ]

  static let replacements: [(pattern: String, template: String)] =
    [
      ("^OVERVIEW: ", "RÉSUMÉ : "),
      ("^ARGUMENTS:$", "ARGUMENTS :"),
      ("^OPTIONS:$", "OPTIONS :"),
      ("^SUBCOMMANDS:$", "SOUS-COMMANDES :"),
      ("^(.+) SUBCOMMANDS:$", "SOUS-COMMANDES $1 :"),
      // The label column stays where it was.
      ("^(  \\S+) \\(default\\)   ", "$1 (par défaut)"),
      ("^(  \\S+) \\(default\\)$", "$1 (par défaut)"),
      (
        "\\(values:\\s+([^;)]*);\\s+default\\s+as\\s+flag:\\s+([^)]*)\\)",
        "(valeurs : $1 ; sans valeur : $2)"
      ),
      ("\\(values:\\s+([^;)]*);\\s+default:\\s+([^)]*)\\)", "(valeurs : $1 ; par défaut : $2)"),
      ("\\(values:\\s+([^)]*)\\)", "(valeurs : $1)"),
      ("\\(default\\s+as\\s+flag:\\s+([^)]*)\\)", "(sans valeur : $1)"),
      ("\\(default:\\s+([^)]*)\\)", "(par défaut : $1)"),
      (
        "See\\s+'([^']*)\\s+<subcommand>'\\s+for\\s+detailed\\s+help\\.",
        "Voir « $1 <sous-commande> » pour l’aide détaillée."
      ),
    ] + phrases

  static func translate(_ text: String) -> String {
    hanging(TextRewrite.apply(replacements, to: text), from: "USAGE: ", to: "UTILISATION : ")
  }

  /// « USAGE: » and the lines it hangs (indented under the command) become « UTILISATION : ».
  static func hanging(_ text: String, from english: String, to french: String) -> String {
    var lines = text.components(separatedBy: "\n")
    guard let start = lines.firstIndex(where: { $0.hasPrefix(english) }) else { return text }
    lines[start] = french + lines[start].dropFirst(english.count)
    let hanging = String(repeating: " ", count: english.count)
    var index = start + 1
    while index < lines.count, lines[index].hasPrefix(hanging) {
      lines[index] =
        String(repeating: " ", count: french.count) + lines[index].dropFirst(english.count)
      index += 1
    }
    return lines.joined(separator: "\n")
  }
}

/// swift-argument-parser's manual generator (1.8.2) drops every character outside ASCII from the help dump
/// it reads, so « région » would be « rgion » in the man page. When `Scripts/manual` runs it, the dump
/// (and only the dump) spells those characters « ~u00E9~ », which the script turns into roff's `\[u00E9]`.
enum ManualEscapes {
  static let variable = "GUICHET_MANUAL_ESCAPES"

  static func apply(_ text: String) -> String {
    guard ProcessInfo.processInfo.environment[variable] == "1",
      CommandLine.arguments.contains("--experimental-dump-help")
    else { return text }
    var escaped = ""
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        escaped.unicodeScalars.append(scalar)
      } else {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        escaped += "~u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "~"
      }
    }
    return escaped
  }
}
