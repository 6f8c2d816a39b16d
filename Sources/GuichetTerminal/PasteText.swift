import GuichetCore

/// Turns the raw bytes of a bracketed paste into text that is safe to show and store: a clipboard can hold
/// anything, including OSC 52 or CSI 2J, so whole escape sequences go (not just their ESC byte).
enum PasteText {
  static func clean(_ bytes: [UInt8]) -> String {
    var scalars = EscapeStripper.strip(UTF8Scanner.scalars(of: bytes))
    // A copied line usually ends with a line break; it would only become a stray space.
    while let last = scalars.last, last == "\n" || last == "\r" { scalars.removeLast() }
    var text = String.UnicodeScalarView()
    var previous: Unicode.Scalar?
    for scalar in scalars {
      // CRLF is one line break, so it becomes one space, not two.
      if !(scalar == "\n" && previous == "\r") { text.append(scalar) }
      previous = scalar
    }
    return SafeText.clean(String(text))
  }
}
