import ArgumentParser
import Foundation

/// How every error of the command line reaches stderr, in one style: « guichet : » then the message, in lower
/// case after the colon as French typography wants (a message written for the console starts with a
/// capital there), and for a usage mistake where the command's help is.
enum CommandLineMessage {
  static func error(_ message: String) {
    FileHandle.standardError.write(Data(line(message).utf8))
  }

  /// A wrong argument of `command` (« operators list »; empty for `guichet` itself).
  static func usage(_ message: String, command: String) {
    FileHandle.standardError.write(Data((line(message) + helpPointer(command) + "\n").utf8))
  }

  static func line(_ message: String) -> String { "guichet : " + afterColon(message) + "\n" }

  static func helpPointer(_ command: String) -> String {
    "  Voir « guichet\(command.isEmpty ? "" : " " + command) --help » pour plus d'informations."
  }

  /// « La base … » → « la base … »; « RNCP… », « GUICHET_DATABASE … » and « « x » … » are left alone.
  static func afterColon(_ message: String) -> String {
    guard let first = message.first, first.isUppercase else { return message }
    if let second = message.dropFirst().first,
      second.isUppercase || second.isNumber || second == "_"
    {
      return message
    }
    return first.lowercased() + message.dropFirst()
  }

  /// The words that name `command` under `guichet` (« operators list »), from the command tree.
  static func path(of command: ParsableCommand.Type) -> String {
    func search(_ node: ParsableCommand.Type, _ words: [String]) -> [String]? {
      if node == command { return words }
      for child in node.configuration.subcommands {
        if let found = search(child, words + [child._commandName]) { return found }
      }
      return nil
    }
    return (search(Guichet.self, []) ?? [command._commandName]).joined(separator: " ")
  }
}
