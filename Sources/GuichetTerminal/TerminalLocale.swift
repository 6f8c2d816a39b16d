import CNCursesW

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// ncursesw only reads and draws UTF-8 under a UTF-8 locale: under LANG=C accents come out garbled and most
/// keys are lost. Like btop, fall back to C.UTF-8 rather than refuse to start.
enum TerminalLocale {
  static func ensureUTF8() throws(TerminalError) {
    _ = setlocale(LC_ALL, "")
    if isUTF8 { return }
    for name in ["C.UTF-8", "C.utf8"] where setlocale(LC_ALL, name) != nil {
      if isUTF8 { return }
    }
    throw TerminalError(
      message: "Guichet a besoin d'un terminal UTF-8 : définissez LANG=C.UTF-8 ou fr_FR.UTF-8."
    )
  }

  private static var isUTF8: Bool {
    guard let codeset = guichet_codeset() else { return false }
    let name = String(cString: codeset).uppercased().filter { $0 != "-" && $0 != "_" }
    return name == "UTF8"
  }
}
