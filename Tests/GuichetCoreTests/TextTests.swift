import Testing

@testable import GuichetCore

@Suite struct TextTests {
  @Test func safeTextRemovesControlsEscapesAndBidiOverrides() {
    let hostile = "a\u{1B}]52;c;eA==\u{07}b\u{1B}[2Jc\u{202E}d\u{0085}e\u{7F}f\u{00}g"
    let clean = SafeText.clean(hostile)
    #expect(clean == "a]52;c;eA==b[2Jcdefg")
    #expect(SafeText.clean("ligne 1\nligne\t2") == "ligne 1 ligne 2")
    #expect(SafeText.clean("Éducatrice spécialisée") == "Éducatrice spécialisée")
  }

  @Test func displayWidthOfAccentsWideAndCombining() {
    #expect(DisplayWidth.of("Éducatrice") == 10)
    #expect(DisplayWidth.of("e\u{0301}") == 1)
    #expect(DisplayWidth.of("漢字") == 4)
    #expect(DisplayWidth.of("😀") == 2)
    #expect(DisplayWidth.of("a\u{200B}b") == 2)
  }

  @Test func searchTextFoldsAccentsCaseLigaturesAndApostrophes() {
    #expect(SearchText.normalize("Œnologue") == "oenologue")
    #expect(SearchText.normalize("Éducatrice SPÉCIALISÉE") == "educatrice specialisee")
    #expect(SearchText.normalize("Agent d’accueil") == "agent d'accueil")
    #expect(SearchText.normalize("curriculum vitæ") == "curriculum vitae")
  }

  @Test func searchTokensNeverCarryQuerySyntax() {
    #expect(SearchText.tokens("aide-soignant") == ["aide", "soignant"])
    #expect(SearchText.tokens("agent d'accueil") == ["agent", "d", "accueil"])
    #expect(SearchText.tokens("\" * NEAR( : -x") == ["near", "x"])
    #expect(SearchText.tokens("") == [])
  }
}
