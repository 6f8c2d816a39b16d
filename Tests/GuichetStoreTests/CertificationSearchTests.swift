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

  static let typeAndSubject: [(String, String)] = [
    ("cap cuisine", "RNCP26650"), ("cap boulanger", "RNCP18704"), ("cap couvreur", "RNCP889"),
    ("cap electricien", "RNCP30328"), ("bp couvreur", "RNCP32239"), ("bp coiffure", "RNCP12281"),
    ("bp boulanger", "RNCP13856"), ("bp menuisier", "RNCP18317"), ("bts mco", "RNCP34031"),
    ("bts management commercial", "RNCP34031"), ("bts comptabilité", "RNCP31059"),
    ("bts coiffure", "RNCP20687"), ("bac pro cuisine", "RNCP12508"),
    ("bac pro commercialisation restauration", "RNCP12802"), ("titre pro soudeur", "RNCP34502"),
    ("titre pro agent magasinier", "RNCP1852"), ("tp cuisinier", "RNCP34095"),
    ("tp menuisier agenceur", "RNCP27124"), ("titre professionnel conducteur porteur", "RNCP1884"),
    ("dut informatique", "RNCP20654"), ("but informatique", "RNCP20654"), ("dut gea", "RNCP20652"),
    ("de aide soignant", "RNCP4495"), ("de ambulancier", "RNCP4812"),
    ("de educateur specialise", "RNCP34825"), ("de éducateur jeunes enfants", "RNCP34827"),
    ("diplôme d'État infirmier", "RNCP8940"), ("licence pro agronomie", "RNCP30043"),
  ]

  static let acronyms: [(String, String)] = [
    ("deas", "RNCP4495"), ("DEAS", "RNCP4495"), ("dejeps", "RNCP4863"), ("desjeps", "RNCP4910"),
    ("cpjeps", "RNCP32369"), ("deavs", "RNCP5440"), ("dut gea", "RNCP20652"),
  ]

  static let feminineAndPlural: [(String, String)] = [
    ("aide soignante", "RNCP4495"), ("aide-soignante", "RNCP4495"),
    ("aides soignantes", "RNCP4495"),
    ("cuisinière", "RNCP34095"), ("cuisinieres", "RNCP34095"), ("magasinière", "RNCP1852"),
    ("couvreuse", "RNCP32239"), ("conductrice routière", "RNCP5377"), ("boulangère", "RNCP18704"),
    ("électricienne", "RNCP30328"), ("menuisière", "RNCP18317"), ("soudeuse", "RNCP34502"),
    ("infirmière de bloc", "RNCP34862"), ("éducatrice spécialisée", "RNCP34825"),
    ("ambulancière", "RNCP4812"), ("cap boulangère", "RNCP18704"), ("bp couvreuse", "RNCP32239"),
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
      #expect(hit.title.localizedCaseInsensitiveContains("jeunesse"), "\(hit.title)")
      #expect(hit.subtitle?.contains("Brevet professionnel") == true, "\(hit.subtitle ?? "")")
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
    let deas = try #require(try hits("deas").first)
    #expect(deas.code == "RNCP4495")
    #expect(deas.subtitle?.hasSuffix("expirée le 01/01/2024") == true, "\(deas.subtitle ?? "")")
    let before = try ReferenceFixture.database().read { db in
      try ReferenceSearch.search("deas", kind: .certification, limit: 1, today: 20_231_231, in: db)
    }
    #expect(before.first?.subtitle?.hasSuffix("active jusqu'au 01/01/2024") == true)
    // Current, then expired, then inactive, whatever the match.
    let found = try ReferenceFixture.database().read { db in
      try ReferenceSearch.search(
        "cuisine", kind: .certification, limit: 30, today: 20_230_601, in: db)
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
