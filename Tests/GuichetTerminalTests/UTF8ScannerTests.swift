import Testing

@testable import GuichetTerminal

@Suite struct UTF8ScannerTests {
  @Test func decodesValidText() {
    let text = "aé€😀漢"
    #expect(UTF8Scanner.scalars(of: Array(text.utf8)) == Array(text.unicodeScalars))
  }

  @Test func dropsWhatIsNotUTF8() {
    // Overlong "/", a surrogate, past U+10FFFF, a lone lead byte, then valid "z".
    let bytes: [UInt8] = [0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80, 0xE2, 0x7A]
    #expect(UTF8Scanner.scalars(of: bytes) == ["z"])
  }

  @Test func boundaryScalars() {
    let text = "\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"
    #expect(UTF8Scanner.scalars(of: Array(text.utf8)) == Array(text.unicodeScalars))
  }
}
