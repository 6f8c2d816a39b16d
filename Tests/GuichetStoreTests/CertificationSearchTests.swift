import Foundation
import GRDB
import Testing

@testable import GuichetStore

/// Certifications asked for the way people say them at the desk (issue 15): a diploma type with its subject, an
/// acronym, a feminine or plural job word. The RNCP 2021 export keeps the type in its own column and rarely spells
/// acronyms out, so each of these found nothing, or not the diploma, before the index learnt those words.
@Suite("Certification search as people ask")
struct CertificationSearchTests {
  /// A fixed day, so the statuses do not move with the calendar.
  static let today = 20_261_202

  /// The current fiche is expected: since Certif Info indexes the fiches registered after the 2021 export, it comes
  /// before the expired 2021 one (« cap cuisine » → RNCP37553, not RNCP26650); where no current fiche has the words
  /// (« licence pro agronomie »), the expired one is still found.
  static let typeAndSubject: [(String, String)] = [
    ("cap cuisine", "RNCP37553"), ("cap boulanger", "RNCP37537"), ("cap couvreur", "RNCP35889"),
    ("cap electricien", "RNCP38401"), ("bp couvreur", "RNCP38725"), ("bp coiffure", "RNCP38231"),
    ("bp boulanger", "RNCP37491"), ("bp menuisier", "RNCP37238"), ("bts mco", "RNCP38362"),
    ("bts management commercial", "RNCP38362"), ("bts comptabilité", "RNCP39159"),
    ("bts coiffure", "RNCP37963"), ("bac pro cuisine", "RNCP37910"),
    ("bac pro commercialisation restauration", "RNCP37909"), ("titre pro soudeur", "RNCP36169"),
    ("titre pro agent magasinier", "RNCP38551"), ("tp cuisinier", "RNCP38871"),
    ("tp menuisier agenceur", "RNCP36256"), ("titre professionnel conducteur porteur", "RNCP38559"),
    ("dut informatique", "RNCP35477"), ("but informatique", "RNCP35477"), ("dut gea", "RNCP20652"),
    ("de aide soignant", "RNCP35830"), ("de ambulancier", "RNCP36542"),
    ("de educateur specialise", "RNCP37676"), ("de éducateur jeunes enfants", "RNCP37679"),
    ("diplôme d'État infirmier", "RNCP39923"), ("licence pro agronomie", "RNCP30043"),
  ]

  static let acronyms: [(String, String)] = [
    ("deas", "RNCP35830"), ("DEAS", "RNCP35830"), ("deas", "RNCP4495"), ("dejeps", "RNCP37113"),
    ("desjeps", "RNCP37112"), ("cpjeps", "RNCP39927"), ("cpjeps", "RNCP32369"),
    ("deavs", "RNCP5440"), ("dut gea", "RNCP20652"),
  ]

  static let feminineAndPlural: [(String, String)] = [
    ("aide soignante", "RNCP35830"), ("aide-soignante", "RNCP35830"),
    ("aides soignantes", "RNCP35830"), ("aide soignante", "RNCP4495"),
    ("cuisinière", "RNCP35571"), ("cuisinieres", "RNCP35571"), ("magasinière", "RNCP38551"),
    ("couvreuse", "RNCP38725"), ("conductrice routière", "RNCP37894"), ("boulangère", "RNCP37491"),
    ("électricienne", "RNCP38401"), ("menuisière", "RNCP37238"), ("soudeuse", "RNCP38556"),
    ("infirmière de bloc", "RNCP37228"), ("éducatrice spécialisée", "RNCP37676"),
    ("ambulancière", "RNCP36542"), ("cap boulangère", "RNCP37537"), ("bp couvreuse", "RNCP38725"),
  ]

  private func hits(_ query: String, limit: Int = 3) throws -> [SearchHit] {
    try ReferenceFixture.database().read { db in
      try ReferenceSearch.search(
        query, kind: .certification, limit: limit, today: Self.today, in: db)
    }
  }

  @Test(arguments: typeAndSubject + acronyms + feminineAndPlural)
  func diplomaInTopThree(query: String, code: String) throws {
    let found = try hits(query).map(\.code)
    #expect(found.contains(code), "« \(query) » → \(found)")
  }

  @Test func bpjepsFindsTheYouthAndSportBrevets() throws {
    let found = try hits("bpjeps")
    #expect(found.count == 3)
    for hit in found {
      #expect(hit.title.hasPrefix("BPJEPS"), "\(hit.title)")
      #expect(
        hit.subtitle?.contains("Brevet professionnel de la jeunesse, de l'éducation populaire")
          == true,
        "\(hit.subtitle ?? "")")
    }
  }

  @Test func aTypeAloneListsThatType() throws {
    for (query, label) in [
      ("cap", "Certificat d'aptitude professionnelle"), ("bts", "Brevet de technicien supérieur"),
      ("titre pro", "Titre professionnel"), ("bac pro", "Baccalauréat professionnel"),
      ("licence pro", "Licence professionnelle"),
    ] {
      let found = try hits(query, limit: 8)
      #expect(found.count == 8, "« \(query) »")
      #expect(found.allSatisfy { $0.subtitle?.contains(label) == true }, "« \(query) » → \(found)")
    }
  }

  @Test func statusesComeFromTheValidityDateAndOrderTheResults() throws {
    let found3 = try hits("deas")
    #expect(found3.first?.code == "RNCP35830")
    let deas = try #require(found3.first { $0.code == "RNCP4495" })
    #expect(deas.subtitle?.hasSuffix("expirée le 01/01/2024") == true, "\(deas.subtitle ?? "")")
    let before = try ReferenceFixture.database().read { db in
      try ReferenceSearch.search("deas", kind: .certification, limit: 3, today: 20_231_231, in: db)
    }
    #expect(
      before.first { $0.code == "RNCP4495" }?.subtitle?.hasSuffix("active jusqu'au 01/01/2024")
        == true)
    // Current, then expired, then inactive, whatever the match.
    let found = try ReferenceFixture.database().read { db in
      try ReferenceSearch.search(
        "cuisine", kind: .certification, limit: 150, today: 20_230_601, in: db)
    }
    let ranks = found.map { hit -> Int in
      let subtitle = hit.subtitle ?? ""
      return subtitle.hasSuffix("inactive") ? 2 : subtitle.contains("expirée") ? 1 : 0
    }
    #expect(Set(ranks) == [0, 1, 2], "\(found.map(\.subtitle))")
    #expect(ranks == ranks.sorted())
  }

  @Test func termsOfATitle() {
    let deas = "Diplôme d'Etat d'aide-soignant (DEAS)"
    #expect(
      CertificationTerms.acronyms(
        title: deas, normalizedTitle: FoldedText.normalize(deas), typeCode: "DE") == ["deas"])
    let jeps =
      "de la jeunesse, de l'éducation populaire et du sport - spécialité Activités nautiques"
    #expect(
      CertificationTerms.acronyms(
        title: jeps, normalizedTitle: FoldedText.normalize(jeps), typeCode: "BP"
      ).contains("bpjeps"))
    let mco = "Management commercial opérationnel"
    #expect(
      CertificationTerms.acronyms(
        title: mco, normalizedTitle: FoldedText.normalize(mco), typeCode: "BTS") == [
          "mco", "btsmco",
        ])
    #expect(
      CertificationTerms.types(code: "TP", label: "Titre professionnel", title: "soudeur")
        == ["titre pro", "tp", "titre professionnel"])
    #expect(
      CertificationTerms.types(code: nil, label: nil, title: "cap cuisine").first == "cap")
    let gendered = CertificationTerms.GenderedWords(pairs: [
      ("Conducteur routier", "Conductrice routière"), ("Homme de ménage", "Femme de ménage"),
    ])
    #expect(
      gendered.variants(of: ["conducteur", "routier", "homme"])
        == ["conducteurs", "conductrice", "conductrices", "routiers", "routiere", "routieres"])
    #expect(gendered.feminineTitle("conducteur routier (cap)") == "conductrice routiere (cap)")
    #expect(gendered.feminineTitle("cuisine") == nil)
    #expect(CertificationTerms.GenderedWords.plural("principal") == "principaux")
  }
}
