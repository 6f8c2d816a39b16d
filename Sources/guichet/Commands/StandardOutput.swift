import GuichetStore

/// What commands print: each write is checked (a full disk or a closed pipe is a French error and a
/// non-zero exit), and `Guichet.main` checks the final flush and close.
enum StandardOutput {
  static func line(_ text: String) throws { try CheckedOutput.standardOutput(text + "\n") }

  static func write(_ text: String) throws { try CheckedOutput.standardOutput(text) }
}

/// `print` drops write errors (an export to a full disk would exit 0, empty): this module must not use it.
@available(*, unavailable, message: "use StandardOutput.line, which checks the write")
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {}
