/// Strips what must never reach a terminal or the database from text typed, pasted, stored or imported:
/// C0/C1 controls, ESC, DEL and bidirectional overrides (so an OSC 52 or CSI 2J sequence is inert).
public enum SafeText {
  /// Bidirectional controls that can make text display differently from what it is.
  static let bidiControls: Set<UInt32> = [
    0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
  ]

  public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x20 || (0x7F...0x9F).contains(value) { return false }
    if bidiControls.contains(value) { return false }
    return true
  }

  /// Keeps printable text only; tabs and newlines become single spaces.
  public static func clean(_ text: String) -> String {
    // Labels drawn every frame are already clean: return them without copying.
    if text.unicodeScalars.allSatisfy(isAllowed) { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\t" || scalar == "\n" || scalar == "\r" {
        scalars.append(" ")
      } else if isAllowed(scalar) {
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }
}
