import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// The store read API behind the information screens, on the real published files.
@Suite("Information: fiches, BMO, structures, sources")
struct InformationReadTests {
  func fiche(_ code: String) throws -> OccupationFiche {
    try #require(try InformationFixture.database().occupationFiche(code: code))
  }

  @Test func educatorFicheHasEverySection() throws {
    let fiche = try fiche("K1207")
    #expect(fiche.title.contains("spécialisé"))
    #expect(fiche.parentCode == "K1207")
    #expect(fiche.grandDomain?.code == "K")
    #expect(fiche.domain?.code == "K12")
    #expect(fiche.domain?.label.isEmpty == false)
    #expect(fiche.textsImported)
    #expect(fiche.definition.count == 7)
    #expect(fiche.definition[0].hasPrefix("L’éducateur spécialisé est un travailleur social"))
    #expect(fiche.access.count == 1)
    let main = try #require(fiche.jobTitles.first)
    #expect(main.isMain)
    #expect(main.masculine.hasSuffix("ducateur spécialisé"))
    #expect(main.feminine.hasSuffix("ducatrice spécialisée"))
    #expect(
      fiche.jobTitles.contains {
        $0.masculine == "Educateur en milieu ouvert" || $0.masculine == "Éducateur en milieu ouvert"
      })
    // 114 links of the 2021 export, and 22 fiches registered since that Certif Info links to K1207.
    #expect(fiche.certifications.count == 136)
    #expect(fiche.certifications.filter(\.isActive).count == 25 + 22)
    #expect(fiche.certifications.prefix(47).allSatisfy { $0.isActive })
    #expect(fiche.neighbours.first?.code == "K1201")
    #expect(fiche.neighbours.count == 9)
    #expect(fiche.related.map(\.code).contains("K1208"))
    #expect(fiche.interests.contains { $0.isMain })
    #expect(
      fiche.salaries == [
        SalaryFigure(
          familyCode: "V4Z", familyLabel: "Professionnels de l'action sociale et de l'orientation",
          period: "2017-2019", monthlyNet: 1800)
      ])
    #expect(
      fiche.sources.map(\.name) == [
        "rome", "rome-tree", "rncp", "salaries", "certifinfo", "inserjeunes", "tensions",
      ])
  }

  @Test func subFicheReadsItsParentLinks() throws {
    let fiche = try fiche("K1208")
    #expect(fiche.parentCode == "K1207")
    #expect(fiche.parentTitle?.contains("spécialisé") == true)
    #expect(fiche.domain?.code == "K12")
    #expect(fiche.certifications.count == 136)
    #expect(fiche.related.map(\.code).contains("K1207"))
    #expect(!fiche.related.map(\.code).contains("K1208"))
    #expect(fiche.flags.demographicTransition == true)
    #expect(
      fiche.flags.transitions.last
        == "Transition démographique : métier lié au vieillissement de la population")
  }

  @Test func severalSalaryFamiliesAreNeverBlended() throws {
    let fiche = try fiche("A1204")
    #expect(fiche.salaries.count == 3)
    #expect(Set(fiche.salaries.map(\.familyCode)).count == 3)
    #expect(fiche.salaries.allSatisfy { $0.familyCode.count == 3 && $0.familyLabel != nil })
  }

  @Test func transitionFlagsAreSaidInPlainFrench() throws {
    let code = try InformationFixture.database().writer.read { db in
      try String.fetchOne(
        db, sql: "SELECT code FROM occupation WHERE transition_eco = 'Emploi Vert' ORDER BY code")
    }
    let greenCode = try #require(code)
    let fiche = try fiche(greenCode)
    #expect(
      fiche.flags.transitions.first
        == "Transition écologique : son but est de protéger l'environnement (emploi vert)")
    #expect(
      OccupationFlags(ecologicalTransition: "Emploi Blanc").transitions == [
        "Transition écologique : pas directement concerné"
      ])
    #expect(
      OccupationFlags(ecologicalTransition: "Emploi Brun").transitions.first?.contains(
        "fort impact") == true)
    let words = OccupationFlags(
      ecologicalTransition: "Emploi Blanc", digitalTransition: true, demographicTransition: true
    ).transitions.joined(separator: " ")
    #expect(!words.contains("Emploi Blanc") && !words.contains("émergent"))
  }

  @Test func unknownCodesGiveNil() throws {
    let database = try InformationFixture.database()
    #expect(try database.occupationFiche(code: "Z9999") == nil)
    #expect(try database.certificationFiche(code: "RNCP0") == nil)
    #expect(try database.labourNeeds(territoryID: 999_999) == nil)
  }

  @Test func certificationFicheHasLevelStatusNSFAndMetiers() throws {
    let fiche = try #require(
      try InformationFixture.database().certificationFiche(code: "RNCP34001"))
    #expect(fiche.level != nil)
    #expect(fiche.occupations.contains { $0.code == "A1101" })
    #expect(!fiche.nsfDomains.isEmpty)
    #expect(fiche.nsfDomains.allSatisfy { !$0.label.isEmpty })
    #expect(fiche.sources.first?.name == "rncp")
    let inactive = try InformationFixture.database().writer.read { db in
      try String.fetchOne(
        db,
        sql:
          "SELECT code FROM certification WHERE NOT is_active AND end_date IS NOT NULL ORDER BY code"
      )
    }
    let inactiveCode = try #require(inactive)
    let old = try #require(try InformationFixture.database().certificationFiche(code: inactiveCode))
    #expect(!old.isActive)
    #expect(old.endDate?.count == 10)
  }

  @Test func sourcesSayHowOldTheDataIs() throws {
    let sources = try InformationFixture.database().dataSources(
      [.rome, .romeTree, .rncp, .bmo, .salaries, .structures])
    let vintages = Dictionary(uniqueKeysWithValues: sources.map { ($0.name, $0.vintage) })
    #expect(vintages["bmo"] == "2024")
    #expect(vintages["salaries"] == "2017-2019")
    #expect(vintages["structures"] == "2019")
    #expect(vintages["rncp"] == "2021")
    #expect(vintages["rome-tree"] == "2021")
    #expect(vintages["rome"] == .some(nil))
    #expect(
      sources.allSatisfy { $0.importedAt.timeIntervalSince1970 > 1_600_000_000 && !$0.bundled })
  }

  @Test func consoleSearchGroupsByKindWithSources() throws {
    let results = try InformationFixture.database().referenceResults("educ spe")
    #expect(results.hits.first?.code == "K1207")
    #expect(results.hits.first?.kind == .occupation)
    #expect(results.sources.map(\.name) == ["rome", "rncp", "structures"])
    let kinds = results.hits.map(\.kind)
    #expect(kinds == kinds.sorted { $0.order < $1.order })
    #expect(try InformationFixture.database().referenceResults("\"*NEAR(").hits.isEmpty)
  }
}

extension ReferenceHit.Kind {
  var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
