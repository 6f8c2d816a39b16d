import Foundation
import GuichetCore
import Testing

@testable import GuichetUI

@Suite struct CanvasTests {
  @Test func accentsTakeOneColumnAndWideGlyphsTwo() {
    var canvas = Canvas(size: Size(width: 10, height: 1))
    #expect(canvas.put("Éducé", x: 0, y: 0) == 5)
    #expect(canvas.put("漢字", x: 5, y: 0) == 4)
    #expect(canvas.text == "Éducé漢字 ")
    #expect(canvas[6, 0].isContinuation)
  }

  @Test func combiningAccentsDoNotShiftColumns() {
    var canvas = Canvas(size: Size(width: 6, height: 1))
    canvas.put("e\u{0301}te|", x: 0, y: 0)
    #expect(canvas[3, 0].text == "|")
  }

  @Test func wideGlyphThatDoesNotFitIsReplacedBySpace() {
    var canvas = Canvas(size: Size(width: 3, height: 1))
    #expect(canvas.put("a漢字", x: 0, y: 0) == 3)
    #expect(canvas.text == "a漢")
    var narrow = Canvas(size: Size(width: 2, height: 1))
    narrow.put("a漢", x: 0, y: 0)
    #expect(narrow.text == "a ")
  }

  @Test func controlSequencesNeverReachTheCanvas() {
    var canvas = Canvas(size: Size(width: 30, height: 1))
    canvas.put("a\u{1B}[2Jb\u{1B}]52;c;eA==\u{07}c\u{202E}d\u{9B}", x: 0, y: 0)
    #expect(
      !canvas.text.unicodeScalars.contains {
        $0.value < 0x20 || $0.value == 0x9B || $0.value == 0x202E
      })
    #expect(canvas.text.hasPrefix("a[2Jb]52;c;eA==cd"))
  }

  @Test func overwritingHalfAWideGlyphBlanksTheOtherHalf() {
    var canvas = Canvas(size: Size(width: 4, height: 1))
    canvas.put("漢", x: 0, y: 0)
    canvas.put("x", x: 1, y: 0)
    #expect(canvas.text == " x  ")
  }

  @Test func fitTruncatesWithEllipsis() {
    #expect(Text.fit("Éducateur spécialisé", width: 10) == "Éducateur…")
    #expect(Text.pad("abc", width: 5) == "abc  ")
    #expect(DisplayWidth.of(Text.pad("漢字漢字", width: 5)) == 5)
  }
}

@Suite struct WrapTests {
  @Test func wrapsAtSpacesWithinWidth() {
    let lines = Text.wrap("Codez la visite : demande(s), public, tranche d'âge", width: 20)
    #expect(lines == ["Codez la visite :", "demande(s), public,", "tranche d'âge"])
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
    #expect(Text.wrap("anticonstitutionnellement", width: 10) == ["anticonst…"])
  }

  @Test func frenchSpacedPunctuationNeverStartsALine() {
    // At 22 columns a plain split would leave « » » and « : » alone at the start of a line.
    let lines = Text.wrap("Tapez « aide soignante » : les diplômes suivent", width: 22)
    #expect(lines == ["Tapez « aide", "soignante » : les", "diplômes suivent"])
    #expect(Text.wrap("Le marquer « absent » ?", width: 20) == ["Le marquer", "« absent » ?"])
    #expect(Text.wrap("« mot", width: 10) == ["« mot"])
    #expect(Text.wrap("fin «", width: 10) == ["fin «"])
    for line in Text.wrap("Dites « oui » ou « non » : la personne choisit ; merci !", width: 12) {
      #expect(!line.hasPrefix("»") && !line.hasPrefix(":") && !line.hasPrefix(";"), "\(line)")
      #expect(!line.hasSuffix("«"), "\(line)")
    }
  }

  @Test func messagesWrapToAFewLinesThenEndWithAnEllipsis() {
    let text = "Numéro invalide : dix chiffres, ou +33 suivi de neuf"
    #expect(Text.wrap(text, width: 20, maxLines: 3) == Text.wrap(text, width: 20))
    let two = Text.wrap(text, width: 20, maxLines: 2)
    #expect(two == ["Numéro invalide :", "dix chiffres, ou +3…"])
    var canvas = Canvas(size: Size(width: 22, height: 5))
    #expect(canvas.putMessage(text, x: 1, y: 4, width: 20, style: .error, upward: true) == 3)
    #expect(
      canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      } == [
        "", "", "Numéro invalide :", "dix chiffres, ou +33", "suivi de neuf",
      ])
  }
}
