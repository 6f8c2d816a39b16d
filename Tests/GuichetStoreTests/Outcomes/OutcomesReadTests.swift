import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// Débouchés (InserJeunes), Certif Info and the DARES tensions on the fiches, from the real published files.
@Suite("Outcomes: débouchés, Certif Info, tensions")
struct OutcomesReadTests {
  func certification(_ code: String) throws -> CertificationFiche {
    try #require(try InformationFixture.database().certificationFiche(code: code))
  }

  @Test func importCountsAreTheFilesOwn() throws {
    let inserjeunes = try ReferenceFixture.report(.inserjeunes)
    #expect(inserjeunes["lignes"] == 40_322)
    #expect(inserjeunes["lignes_region"] == 3_700)
    #expect(inserjeunes.version == "2022-2023")
    #expect(try ReferenceFixture.report(.certifinfo)["lignes"] == 10_178)
  }

  /// Every empty rate of the file is NULL in the table, none became 0.
  @Test func secretRatesStayNull() throws {
    let text = try String(
      contentsOf: ReferenceFixture.dataFolder.appendingPathComponent(
        "formations/inserjeunes_regions_2019-2023.csv"), encoding: .utf8)
    let lines = text.split(whereSeparator: \.isNewline).map {
      $0.split(separator: ";", omittingEmptySubsequences: false)
    }
    let header = lines[0].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}")) }
    let column = try #require(header.firstIndex(of: "taux_emploi_6_mois"))
    let emptyInFile = lines.dropFirst().filter { $0[column].isEmpty }.count
    let counts = try InformationFixture.database().writer.read { db in
      (
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM diploma_outcome WHERE rate_employed_6 IS NULL") ?? -1,
        try Int.fetchOne(db, sql: "SELECT count(*) FROM diploma_outcome WHERE rate_employed_6 = 0")
          ?? -1
      )
    }
    #expect(emptyInFile > 1_000)
    #expect(counts.0 == emptyInFile)
    #expect(counts.1 < 50, "a true 0 % is rare; the empty cells are not zeros")
  }

  @Test func deasFicheShowsItsApprenticeshipOutcomes() throws {
    let fiche = try certification("RNCP4495")
    #expect(
      fiche.outcomes == [
        DiplomaOutcome(
          diplomaCode: "56033102", voie: .apprenticeship, millesime: "2022_2023", cohort: 94,
          leavers: 81, employedAt6Months: .percent(65), employedAt12Months: .percent(70),
          employedAt24Months: .notYetMeasured, continuingStudies: .percent(14))
      ])
    #expect(fiche.sources.map(\.name).contains("inserjeunes"))
  }

  @Test func capCuisineKeepsEachSchoolCourseAndItsSecrets() throws {
    let fiche = try certification("RNCP26650")
    let apprenticeship = try #require(fiche.outcomes.last)
    #expect(apprenticeship.voie == .apprenticeship)
    #expect(apprenticeship.diplomaCode == "50022139")
    #expect(apprenticeship.cohort == 1_437 && apprenticeship.leavers == 899)
    #expect(apprenticeship.employedAt6Months == .percent(63))
    #expect(apprenticeship.employedAt12Months == .percent(69))
    #expect(apprenticeship.continuingStudies == .percent(37))
    let school = fiche.outcomes.filter { $0.voie == .school }
    #expect(school.map(\.mefCode) == ["23220022139", "23110022139"])
    #expect(school[0].leavers == 227 && school[0].employedAt6Months == .percent(40))
    let small = school[1]
    #expect(small.cohort == 1 && small.leavers == nil)
    #expect(
      [small.employedAt6Months, small.employedAt12Months, small.continuingStudies] == [
        .secret, .secret, .secret,
      ])
    #expect(Set(fiche.outcomes.map(\.millesime)) == ["2022_2023"])
  }

  @Test func newerFicheIsReachedThroughCertifInfo() throws {
    let fiche = try certification("RNCP35830")
    #expect(fiche.fromCertifInfo)
    #expect(fiche.title == "Diplôme d'État d'aide-soignant")
    #expect(fiche.level == 4)
    #expect(fiche.isActive)
    #expect(fiche.occupations.map(\.code) == ["J1501"])
    #expect(fiche.formacodes == [CodeLabel(code: "43436", label: "Aide-soignant")])
    #expect(fiche.nsfDomains.map(\.code) == ["331"])
    #expect(fiche.openToApprenticeship == true)
    let outcome = try #require(fiche.outcomes.first { $0.diplomaCode == "46033104" })
    #expect(outcome.millesime == "2022_2023" && outcome.leavers == 270 && outcome.cohort == 294)
    #expect(try certification("RNCP4495").nextCodes.contains("RNCP35830"))
  }

  @Test func certifInfoAccentsAreRepaired() throws {
    let title = try InformationFixture.database().writer.read { db in
      try String.fetchOne(db, sql: "SELECT title FROM certifinfo WHERE code = '117150'")
    }
    #expect(title == "Directeur d'établissement de luxe en hôtellerie internationale")
    let broken = try InformationFixture.database().writer.read { db in
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM certifinfo WHERE instr(title, char(204)) > 0")
    }
    #expect(broken == 0)
  }

  @Test func occupationFicheListsTheDebouchesOfItsCertifications() throws {
    let fiche = try #require(try InformationFixture.database().occupationFiche(code: "J1501"))
    let codes = fiche.outcomes.map(\.code)
    #expect(codes.contains("RNCP4495"))
    #expect(codes.contains("RNCP35830"), "linked through Certif Info only")
    #expect(fiche.outcomes.allSatisfy { !$0.outcomes.isEmpty })
    #expect(
      fiche.certifications.contains { $0.code == "RNCP35830" && $0.isActive && $0.level == 4 },
      "the 2021 export has no link to the 2021 DEAS; Certif Info has")
  }

  @Test func hiringTensionIsTheVisitorsDepartementsOrTheRegion() throws {
    let database = try InformationFixture.database()
    let regional = try #require(try database.occupationFiche(code: "J1501"))
    #expect(
      regional.tensions == [
        HiringTension(
          familyCode: "V0Z", familyLabel: regional.tensions.first?.familyLabel,
          area: "Auvergne-Rhône-Alpes", year: 2019, category: 4)
      ])
    #expect(regional.tensions.first?.familyLabel?.isEmpty == false)
    let chambery = try #require(try database.territories().first { $0.name == "Chambéry" }?.id)
    let local = try #require(try database.occupationFiche(code: "J1501", territoryID: chambery))
    #expect(local.tensions.map(\.area) == ["Savoie"])
    #expect(local.tensions.first?.category == 5)
  }
}
