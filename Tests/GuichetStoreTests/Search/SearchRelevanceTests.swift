import Foundation
import GRDB
import Testing

@testable import GuichetStore

/// What an agent types at the desk, and the fiche or certification the person standing there is after.
@Suite("Search relevance")
struct SearchRelevanceTests {
  static let occupationCases: [(String, String)] = [
    ("educ spe", "K1207"),
    ("Éducateur spécialisé", "K1207"),
    ("educatrice specialisee", "K1207"),
    ("boulangere", "D1102"),
    ("boulanger", "D1102"),
    ("oenologue", "A1423"),
    ("Œnologue", "A1423"),
    ("aide-soignant", "J1501"),
    ("aide soignante", "J1501"),
    ("agent d'accueil", "M1601"),
    ("agent d’accueil", "M1601"),
    ("plombier", "F1603"),
    ("plombière", "F1603"),
    ("infirmiere", "J1506"),
    ("developpeur", "M1805"),
    ("développeuse web", "M1855"),
    ("comptable", "M1203"),
    ("macon", "F1703"),
    ("maçonne", "F1703"),
    ("coiffeuse", "D1202"),
    ("cuisinier", "G1609"),
    ("menuisier", "H2206"),
    ("carreleur", "F1608"),
    ("couvreur", "F1619"),
    ("fleuriste", "D1209"),
    ("estheticienne", "D1208"),
    ("ambulancier", "J1305"),
    ("aide a domicile", "K1304"),
    ("auxiliaire de puericulture", "J1304"),
    ("assistante maternelle", "K1310"),
    ("boucher", "D1101"),
    ("patissier", "D1104"),
    ("mecanicien auto", "I1604"),
    ("cariste", "N1101"),
    ("magasinier", "N1110"),
    ("pharmacienne", "J1202"),
    ("kine", "J1404"),
    ("avocate", "K1903"),
    ("notaire", "K1901"),
    ("charpentier", "F1503"),
    ("journaliste", "E1106"),
    ("conseiller en insertion", "K1801"),
    ("professeure des ecoles", "K2106"),
    ("secretaire", "M1607"),
    ("facteur", "M1603"),
    ("K1207", "K1207"),
  ]

  static let certificationCases: [(String, String)] = [
    ("RNCP1000", "RNCP1000"),
    ("metiers de la pierre", "RNCP38724"),
    ("educateur specialise", "RNCP37676"),
    ("comptabilite et gestion", "RNCP39159"),
    ("infirmier de bloc", "RNCP37228"),
    ("conducteur transport routier porteur", "RNCP38559"),
  ]

  private func codes(_ query: String, _ kind: SearchKind, limit: Int = 3) throws -> [String] {
    try ReferenceFixture.database().read { db in
      try ReferenceSearch.search(query, kind: kind, limit: limit, in: db).map(\.code)
    }
  }

  @Test(arguments: occupationCases)
  func occupationInTopThree(query: String, code: String) throws {
    let found = try codes(query, .occupation)
    #expect(found.contains(code), "« \(query) » → \(found)")
  }

  @Test(arguments: certificationCases)
  func certificationInTopThree(query: String, code: String) throws {
    let found = try codes(query, .certification)
    #expect(found.contains(code), "« \(query) » → \(found)")
  }

  @Test func exactTitleComesFirst() throws {
    #expect(try codes("educ spe", .occupation).first == "K1207")
    #expect(try codes("boulangere", .occupation).first == "D1102")
    #expect(try codes("oenologue", .occupation).first == "A1423")
    #expect(try codes("plombier", .occupation).first == "F1603")
  }

  @Test func inactiveCertificationStillFoundAfterActiveOnes() throws {
    let found = try codes("metiers de la pierre", .certification, limit: 10)
    #expect(found.first == "RNCP38724")
    // The expired 2021 fiche, then the inactive one it replaced.
    let expired = try #require(found.firstIndex(of: "RNCP32230"))
    let inactive = try #require(found.firstIndex(of: "RNCP1000"))
    #expect(expired < inactive)
  }

  @Test func structuresAreFoundByNameCityAndAcronym() throws {
    let cio = try ReferenceFixture.database().read { db in
      try ReferenceSearch.search("cio grenoble", kind: .structure, limit: 5, in: db)
    }
    #expect(!cio.isEmpty)
    #expect(cio.allSatisfy { $0.code.hasPrefix("cio-") })
    let mission = try ReferenceFixture.database().read { db in
      try ReferenceSearch.search("mission locale lyon", kind: .structure, limit: 10, in: db)
    }
    #expect(!mission.isEmpty)
    #expect(mission.allSatisfy { $0.title.localizedCaseInsensitiveContains("mission") })
  }

  @Test func resultsAreGroupedByKindAndDeduplicatedPerCode() throws {
    let hits = try ReferenceFixture.database().read { db in
      try ReferenceSearch.search("boulanger", limit: 5, in: db)
    }
    let kinds = hits.map(\.kind)
    #expect(
      kinds
        == kinds.sorted {
          SearchKind.allCases.firstIndex(of: $0)! < SearchKind.allCases.firstIndex(of: $1)!
        })
    #expect(kinds.contains(.occupation))
    #expect(kinds.contains(.certification))
    for kind in SearchKind.allCases {
      let group = hits.filter { $0.kind == kind }
      #expect(Set(group.map(\.code)).count == group.count)
      #expect(group.map(\.rank) == Array(1...max(group.count, 1)).prefix(group.count).map { $0 })
      #expect(group.count <= 5)
    }
  }

  @Test func activeCertificationsComeBeforeInactiveOnes() throws {
    // A day when the export's active fiches were still valid (their statuses follow the day).
    let hits = try ReferenceFixture.database().read { db in
      try ReferenceSearch.search(
        "boulanger", kind: .certification, limit: 60, today: 20_210_301, in: db)
    }
    let active = hits.map { $0.subtitle?.contains("· active") == true }
    #expect(active.contains(true))
    #expect(active.contains(false))
    #expect(active == active.sorted { $0 && !$1 })
  }

  @Test func rarelyUsedTitlesComeLast() throws {
    let rare = try ReferenceFixture.database().read { db in
      try Row.fetchOne(
        db,
        sql:
          "SELECT code_rome, label FROM job_title WHERE rarely_used AND label LIKE 'Agent%' ORDER BY label LIMIT 1"
      )
    }
    let row = try #require(rare)
    let hits = try ReferenceFixture.database().read { db in
      try ReferenceSearch.search("agent", kind: .occupation, limit: 10, in: db)
    }
    #expect(!hits.contains { $0.title == row["label"] as String })
  }

  @Test func shortPrefixesAnswerWithBoundedResults() throws {
    for query in ["a", "e", "b", "ag", "in", "z"] {
      let hits = try ReferenceFixture.database().read { db in
        try ReferenceSearch.search(query, limit: 8, in: db)
      }
      #expect(!hits.isEmpty, "« \(query) »")
      #expect(hits.count <= 24)
    }
  }
}
