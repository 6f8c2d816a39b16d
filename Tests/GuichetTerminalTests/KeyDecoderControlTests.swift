import GuichetUI
import Testing

@testable import GuichetTerminal

@Suite struct KeyDecoderControlTests {
  @Test func editingBytes() {
    #expect(keys(decode([9, 10, 13, 8, 127])) == [.tab, .enter, .enter, .backspace, .backspace])
  }

  @Test func controlLetters() {
    #expect(keys(decode([17, 3, 1, 26])) == [.ctrl("q"), .ctrl("c"), .ctrl("a"), .ctrl("z")])
  }

  @Test func ctrlBackslashAndFriendsAreIgnored() {
    #expect(keys(decode([28, 0x61, 29, 30, 31, 0])) == [.char("a")])
  }

  @Test func lonelyEscapeIsTheEscKey() {
    var decoder = KeyDecoder(codes: .ncurses)
    #expect(decoder.feed(27).isEmpty)
    #expect(decoder.pending == .sequence)
    #expect(decoder.idle() == [.key(.escape)])
    #expect(decoder.pending == nil)
  }

  @Test func escapeTwiceIsTwoEscKeys() {
    #expect(keys(decode([27, 27])) == [.escape, .escape])
  }

  @Test func escapeThenLetterIsBothKeys() {
    #expect(keys(decode([27, 0x6E])) == [.escape, .char("n")])
  }

  @Test(arguments: ["\u{1B}[1;5A", "\u{1B}[99x", "\u{1B}[?25l", "\u{1B}[<0;12;5M", "\u{1B}O5Q"])
  func unknownControlSequenceIsSwallowed(_ sequence: String) {
    #expect(keys(decode(sequence + "z")) == [.char("z")])
  }

  @Test func oscStringIsSwallowed() {
    #expect(keys(decode("\u{1B}]52;c;aGVsbG8=\u{07}z")) == [.char("z")])
    #expect(keys(decode("\u{1B}]0;title\u{1B}\\z")) == [.char("z")])
  }

  @Test func unfinishedSequenceIsDroppedWhenInputStops() {
    #expect(keys(decode("\u{1B}[12")).isEmpty)
    #expect(keys(decode("\u{1B}]52;c;aGVsbG8=")).isEmpty)
  }

  @Test func controlByteCutsASequenceShort() {
    #expect(keys(decode("\u{1B}[1\r")) == [.enter])
  }

  /// Sequences ncurses missed because a slow link split them still give their key.
  @Test func plainKeySequencesSentAsBytes() {
    #expect(
      keys(decode("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D\u{1B}OH\u{1B}[F\u{1B}[Z"))
        == [.up, .down, .right, .left, .home, .end, .backTab])
    #expect(
      keys(decode("\u{1B}[3~\u{1B}[5~\u{1B}[6~\u{1B}OP\u{1B}[15~\u{1B}[24~\u{1B}[[A"))
        == [.delete, .pageUp, .pageDown, .function(1), .function(5), .function(12), .function(1)])
  }
}
