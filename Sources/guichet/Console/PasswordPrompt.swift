import Foundation
import GuichetCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a password from the terminal with echo off, or one line of stdin when stdin is not a terminal
/// (scripts, tests). Never from the command line, which `ps` and shell histories would show.
enum PasswordPrompt {
  static func read(_ prompt: String, confirm: Bool) throws -> String {
    guard isatty(STDIN_FILENO) == 1 else {
      guard let line = readLine(strippingNewline: true) else {
        throw UserError("Mot de passe attendu sur l'entrée standard.")
      }
      return line
    }
    let first = try readHidden(prompt)
    if confirm {
      let second = try readHidden("Confirmez le mot de passe : ")
      guard first == second else {
        throw UserError("Les deux saisies diffèrent : rien n'a changé.")
      }
    }
    return first
  }

  static func readHidden(_ prompt: String) throws -> String {
    FileHandle.standardError.write(Data(prompt.utf8))
    var saved = termios()
    guard tcgetattr(STDIN_FILENO, &saved) == 0 else {
      throw UserError("Impossible de masquer la saisie du mot de passe sur ce terminal.")
    }
    var hidden = saved
    hidden.c_lflag &= ~tcflag_t(ECHO)
    hidden.c_lflag |= tcflag_t(ECHONL)
    guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden) == 0 else {
      throw UserError("Impossible de masquer la saisie du mot de passe sur ce terminal.")
    }
    defer { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
    guard let line = readLine(strippingNewline: true) else {
      throw UserError("Saisie du mot de passe interrompue.")
    }
    return line
  }
}
