import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

@Suite("Search folding")
struct SearchFoldingTests {
  @Test func fastFoldingEqualsSearchTextOnEveryRealLabel() throws {
    let labels = try ReferenceFixture.database().read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT label FROM job_title UNION ALL SELECT short_label FROM job_title
          UNION ALL SELECT title FROM occupation UNION ALL SELECT title FROM certification
          UNION ALL SELECT name FROM orientation_structure UNION ALL SELECT ifnull(city, '') FROM orientation_structure
          """)
    }
    #expect(labels.count > 40_000)
    var mismatches: [String] = []
    for label in labels where FoldedText.normalize(label) != SearchText.normalize(label) {
      mismatches.append(label)
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }

  @Test func foldsLigaturesAccentsAndApostrophes() {
    for text in [
      "Œnologue", "Éducatrice spécialisée", "Agent d’accueil", "Cæcilia", "ÇA « va » – oui", "ß",
      "x\u{301}", "tab\there", "Ⅻ",
    ] {
      #expect(FoldedText.normalize(text) == SearchText.normalize(text), "\(text)")
    }
    #expect(FoldedText.normalize("Œnologue") == "oenologue")
  }
}
