import GuichetUI
import Testing

@testable import GuichetTerminal

@Suite struct PasteTests {
  let codes = KeyCodes.ncurses

  func paste(_ content: [Int32]) -> [KeyDecoder.Event] {
    decode([codes.pasteStart] + content + [codes.pasteEnd])
  }

  @Test func newlineNeverBecomesEnter() {
    #expect(keys(paste(bytes("12 rue\nLyon\r\n"))) == [.paste("12 rue Lyon")])
  }

  @Test func hostileClipboardGivesOneCleanPaste() {
    var content = bytes("a\n\u{1B}]52;c;ZXZpbA==\u{07}b\u{1B}[2J\u{1B}[Hc")
    content += [0xFF, 0xC3]  // invalid UTF-8
    content += bytes("é\tf\u{1B}]0;t\u{1B}\\g\u{9B}2Jh\u{1B}cX")
    #expect(keys(paste(content)) == [.paste("a bcé fghX")])
  }

  @Test func keysAroundAPasteStayKeys() {
    let events = decode(bytes("x") + [codes.pasteStart] + bytes("y\r") + [codes.pasteEnd] + [13])
    #expect(keys(events) == [.char("x"), .paste("y"), .enter])
  }

  @Test func keyCodesInsideAPasteAreDropped() {
    // ncurses turns a pasted "\e[A" into KEY_UP: it is not text.
    #expect(keys(paste(bytes("a") + [codes.up, codes.pasteStart] + bytes("b"))) == [.paste("ab")])
  }

  @Test func emptyPasteGivesNothing() {
    #expect(keys(paste(bytes("\u{1B}[2J\n"))).isEmpty)
  }

  @Test func resizeDuringAPasteIsReportedAndThePasteGoesOn() {
    let events = paste(bytes("ab") + [codes.resize] + bytes("c"))
    #expect(events == [.resize, .key(.paste("abc"))])
  }

  @Test func pasteIsCappedAndEndsAtItsMarker() {
    let long = [Int32](repeating: 0x61, count: KeyDecoder.pasteLimit + 5000)
    let events = decode([codes.pasteStart] + long + [codes.pasteEnd] + bytes("z"))
    #expect(
      keys(events) == [.paste(String(repeating: "a", count: KeyDecoder.pasteLimit)), .char("z")])
  }

  @Test func pasteWithoutEndMarkerEndsWhenInputStops() {
    var decoder = KeyDecoder(codes: .ncurses)
    _ = decoder.feed(codes.pasteStart)
    for byte in bytes("abc\n") { #expect(decoder.feed(byte).isEmpty) }
    #expect(decoder.pending == .paste)
    #expect(decoder.idle() == [.key(.paste("abc"))])
    #expect(decoder.feed(0x64) == [.key(.char("d"))])
  }

  /// A slow link can split the markers so ncurses passes them on as plain bytes.
  @Test func markersSentAsBytes() {
    let events = decode(bytes("\u{1B}[200~l1\nl2\u{1B}[201~\r"))
    #expect(keys(events) == [.paste("l1 l2"), .enter])
  }

  @Test func cutMultiByteCharacterAtTheCapIsDropped() {
    let filler = [Int32](repeating: 0x61, count: KeyDecoder.pasteLimit - 1)
    let events = paste(filler + bytes("€"))
    #expect(keys(events) == [.paste(String(repeating: "a", count: KeyDecoder.pasteLimit - 1))])
  }
}
