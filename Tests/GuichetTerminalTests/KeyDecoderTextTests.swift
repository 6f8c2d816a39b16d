import GuichetUI
import Testing

@testable import GuichetTerminal

@Suite struct KeyDecoderTextTests {
  @Test func asciiLettersAndSpace() {
    #expect(keys(decode("Ab 1")) == [.char("A"), .char("b"), .char(" "), .char("1")])
  }

  @Test(arguments: ["é", "€", "😀", "漢", "Ω"])
  func multiByteCharacter(_ text: String) {
    #expect(keys(decode(text)) == [.char(Character(text))])
  }

  @Test func mixedWord() {
    #expect(
      keys(decode("Éte€漢😀")) == [
        .char("É"), .char("t"), .char("e"), .char("€"), .char("漢"), .char("😀"),
      ])
  }

  @Test func invalidBytesAreDroppedAndTheNextKeyStillDecodes() {
    // A lone continuation byte, an overlong form, a surrogate, bytes that never occur, a cut sequence.
    let codes: [Int32] = [
      0x80, 0x61, 0xC0, 0xAF, 0x62, 0xED, 0xA0, 0x80, 0x63, 0xFF, 0xFE, 0xE2, 0x82, 0x64,
    ]
    #expect(keys(decode(codes)) == [.char("a"), .char("b"), .char("c"), .char("d")])
    #expect(keys(decode([0xC3] + bytes("é"))) == [.char("é")])
  }

  @Test func invalidByteThenMultiByteCharacter() {
    #expect(keys(decode([0xFF] + bytes("€"))) == [.char("€")])
  }

  @Test func partialCharacterIsDroppedWhenInputStops() {
    var decoder = KeyDecoder(codes: .ncurses)
    #expect(decoder.feed(0xE2).isEmpty)
    #expect(decoder.pending == .sequence)
    #expect(decoder.idle().isEmpty)
    #expect(decoder.pending == nil)
    #expect(decoder.feed(0x78) == [.key(.char("x"))])
  }

  @Test func c1ControlAndBidiOverrideAreNotTyped() {
    #expect(keys(decode("\u{9B}a\u{202E}b")) == [.char("a"), .char("b")])
  }
}
