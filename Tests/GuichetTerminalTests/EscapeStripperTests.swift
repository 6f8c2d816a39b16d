import Testing

@testable import GuichetTerminal

@Suite struct EscapeStripperTests {
  func strip(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    result.append(contentsOf: EscapeStripper.strip(Array(text.unicodeScalars)))
    return String(result)
  }

  @Test func keepsPlainText() {
    #expect(strip("Éducateur spécialisé 😀") == "Éducateur spécialisé 😀")
  }

  @Test func removesWholeSequences() {
    #expect(strip("a\u{1B}[38;5;196mb\u{1B}[0mc") == "abc")
    #expect(strip("a\u{1B}]52;c;ZXZpbA==\u{1B}\\b") == "ab")
    #expect(strip("a\u{1B}(Bb\u{1B}OAc\u{1B}Pq#0\u{9C}d") == "abcd")
    #expect(strip("a\u{9D}8;;http://x\u{07}b") == "ab")
  }

  @Test func unterminatedStringSwallowsTheRest() {
    #expect(strip("a\u{1B}]52;c;ZXZpbA==b") == "a")
  }

  @Test func controlByteInsideSequenceSurvivesForLaterCleaning() {
    #expect(strip("\u{1B}[1\nx") == "\nx")
  }
}
