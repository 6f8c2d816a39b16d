import GuichetUI
import Testing

@testable import GuichetTerminal

@Suite struct KeyDecoderKeyCodeTests {
  let codes = KeyCodes.ncurses

  @Test func navigationKeys() {
    let fed = [
      codes.up, codes.down, codes.left, codes.right, codes.home, codes.end, codes.pageUp,
      codes.pageDown, codes.delete, codes.backTab, codes.enter, codes.backspace,
    ]
    #expect(
      keys(decode(fed)) == [
        .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .delete, .backTab, .enter,
        .backspace,
      ])
  }

  @Test func functionKeys() {
    #expect(codes.functionKeys.count == 12)
    #expect(keys(decode(codes.functionKeys)) == (1...12).map { .function($0) })
  }

  /// Codes from ncurses (F1 = 0410 octal, KEY_RESIZE = 0632) so the table really is what getch returns.
  @Test func codesComeFromNcurses() {
    #expect(codes.up == 0o403)
    #expect(codes.functionKeys.first == 0o411)
    #expect(codes.resize == 0o632)
  }

  @Test func resize() {
    #expect(decode([codes.resize]) == [.resize])
  }

  @Test func unknownKeyCodeIsIgnored() {
    // ncurses hands out codes from KEY_MAX up for extended keys such as Ctrl-Up.
    #expect(keys(decode([0o777 + 5, 0x61])) == [.char("a")])
  }

  @Test func keyCodeCutsAPartialCharacter() {
    #expect(keys(decode([0xE2, codes.left, 0x61])) == [.left, .char("a")])
  }

  @Test func strayPasteEndIsIgnored() {
    #expect(keys(decode([codes.pasteEnd, 0x61])) == [.char("a")])
  }
}
