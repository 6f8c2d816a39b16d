import Foundation
import GuichetCore
import GuichetUI
import Testing

/// 1,000 hostile payloads typed or pasted into the console (random bytes, invalid UTF-8, C0 and C1 controls,
/// OSC 52 clipboard writes, CSI sequences, one 64 KiB paste): the console never dies, nothing reaches the
/// screen or the clipboard, and the next key typed is echoed.
///
/// The payloads go into the visit form's commune field, the one field that echoes whatever is typed. They
/// are sent in batches of ten and the echo is checked after each batch: every character typed there runs
/// the commune search and a redraw, so a check after every payload would double an already long run (about
/// 40 s in a debug build), while ten payloads are still few enough to pin a stuck decoder to its batch (the
/// seed replays it). Raw payloads leave out the keys that legitimately leave the field (Enter, Tab, Escape,
/// Ctrl-C, Ctrl-Q): those are keys, not hostile input; pasted payloads keep them.
@Suite struct HostileInputTests {
  static let navigation: Set<UInt8> = [0x03, 0x09, 0x0A, 0x0D, 0x11, 0x1B]

  static func payload(_ index: Int, _ random: inout SeededRandom) -> (bytes: [UInt8], pasted: Bool)
  {
    let length = Int.random(in: 1...24, using: &random)
    switch index % 8 {
    case 0:  // Random bytes, anything but the navigation keys.
      return (
        (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
          .filter { !navigation.contains($0) }, false
      )
    // Invalid UTF-8: lone continuation bytes, truncated and overlong sequences, surrogates.
    case 1:
      let pieces: [[UInt8]] = [
        [0x80], [0xBF], [0xC3], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF],
        [0xF8, 0x88, 0x80, 0x80, 0x80],
      ]
      return ((0..<length / 4 + 1).flatMap { _ in pieces.randomElement(using: &random)! }, false)
    case 2:  // C0 controls.
      return (
        (0..<length).map { _ in UInt8.random(in: 0...0x1F, using: &random) }.filter {
          !navigation.contains($0)
        }, false
      )
    case 3:  // C1 controls, raw and UTF-8 encoded.
      return (
        (0..<length).flatMap { _ in
          let c1 = UInt8.random(in: 0x80...0x9F, using: &random)
          return Bool.random(using: &random) ? [c1] : [0xC2, c1]
        }, false
      )
    case 4:  // OSC 52: a clipboard write, terminated by BEL or ST, typed raw.
      let data = Data((0..<length).map { _ in UInt8.random(in: 0x20...0x7E, using: &random) })
        .base64EncodedString()
      let end = Bool.random(using: &random) ? "\u{07}" : "\u{1B}\\"
      return (Array("\u{1B}]52;c;\(data)\(end)".utf8), false)
    case 5:  // CSI sequences: clear screen, cursor moves, colours, a bogus long one.
      let sequences = [
        "\u{1B}[2J", "\u{1B}[H", "\u{1B}[31;1m", "\u{1B}[999;999H", "\u{1B}[?1049l",
        "\u{1B}[" + String(repeating: "9;", count: 40) + "m",
      ]
      return (Array(sequences.randomElement(using: &random)!.utf8), false)
    case 6:  // A paste holding everything, navigation keys and escapes included.
      return ((0..<length * 4).map { _ in UInt8.random(in: 0...255, using: &random) }, true)
    default:  // Accented and wide text with controls in between, pasted.
      let text = (0..<length).map { _ in
        ["é", "Œ", "漢", "😀", "\u{202E}", "\u{0}", "\r\n", "\u{1B}[2J", "\u{9B}"].randomElement(
          using: &random)!
      }.joined()
      return (Array(text.utf8), true)
    }
  }

  @Test func aThousandHostilePayloadsNeverKillTheConsoleAndTheNextKeyEchoes() throws {
    let console = try TmuxConsole()
    try console.openCommuneField()
    var random = SeededRandom(state: 20_261_129)
    var sent = 0
    for batch in 0..<100 {
      for index in 0..<10 {
        let (bytes, pasted) = Self.payload(batch * 10 + index, &random)
        if batch == 50 && index == 0 {
          // One 64 KiB paste of printable text mixed with controls.
          try console.paste((0..<65_536).map { _ in UInt8.random(in: 0x01...0x7E, using: &random) })
        } else if pasted {
          try console.paste(bytes)
        } else if !bytes.isEmpty {
          try console.sendBytes(bytes)
        }
        sent += 1
      }
      // Delete empties the field (it holds 60 characters at most), then a marker must show.
      let marker = "zq\(batch)x"
      try console.press("DC")
      try console.type(marker)
      let screen = try console.waitFor("Commune : \(marker)", timeout: 10)
      #expect(!screen.contains("52;c"), "an OSC 52 sequence reached the screen (batch \(batch))")
      #expect(!screen.contains("[2J"), "a CSI sequence reached the screen (batch \(batch))")
    }
    #expect(sent == 1000)
    #expect(try console.consolePID() != nil, "the console is still running")
    #expect(try console.buffers().allSatisfy { $0 == "e2e" }, "no clipboard write reached tmux")
    // Nothing was chosen in the form (the payloads only went to the commune search), so F10 quits at once.
    try console.quit()
  }
}
