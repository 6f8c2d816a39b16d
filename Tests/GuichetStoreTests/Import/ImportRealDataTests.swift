import Foundation
import GRDB
import Testing

@testable import GuichetStore

/// Counts and defects of the real published files, read once through `ReferenceFixture`.
@Suite("Import of the real files")
struct ImportRealDataTests {
  private func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
    try ReferenceFixture.database().read { db in
      try Int.fetchOne(db, sql: sql, arguments: arguments) ?? -1
    }
  }

  @Test func romeCountsAreExact() throws {
    let report = try ReferenceFixture.report(.rome)
    #expect(report["fiches"] == 1584)
    #expect(report["appellations"] == 13120)
    #expect(report["appellations_principales"] == 1584)
    #expect(try count("SELECT COUNT(*) FROM occupation") == 1584)
    #expect(try count("SELECT COUNT(DISTINCT parent_code) FROM occupation") == 532)
    #expect(try count("SELECT COUNT(*) FROM job_title") == 13120)
    #expect(try count("SELECT COUNT(*) FROM job_title WHERE NOT is_main") == 11536)
    #expect(try count("SELECT COUNT(*) FROM job_title WHERE rarely_used") == 199)
    #expect(try count("SELECT COUNT(*) FROM occupation_text WHERE kind = 'definition'") == 9602)
    #expect(try count("SELECT COUNT(*) FROM occupation_text WHERE kind = 'acces_metier'") == 2378)
    #expect(try count("SELECT COUNT(*) FROM occupation_mobility") == 14912)
    #expect(try count("SELECT COUNT(*) FROM interest_area") == 30)
    #expect(try count("SELECT COUNT(*) FROM occupation_interest") == 4444)
    #expect(try count("SELECT COUNT(*) FROM activity_sector WHERE parent_code IS NULL") == 35)
    #expect(try count("SELECT COUNT(*) FROM activity_sector WHERE parent_code IS NOT NULL") == 40)
  }

  @Test func romeFlagsKeepThreeStates() throws {
    #expect(try count("SELECT COUNT(*) FROM occupation WHERE cadre = 1") == 507)
    #expect(try count("SELECT COUNT(*) FROM occupation WHERE cadre = 0") == 879)
    #expect(try count("SELECT COUNT(*) FROM occupation WHERE cadre IS NULL") == 198)
    #expect(try count("SELECT COUNT(*) FROM occupation WHERE regulated = 1") == 241)
    #expect(try count("SELECT COUNT(*) FROM occupation WHERE transition_eco = 'Emploi Vert'") == 96)
  }

  @Test func jobTitlesAreSplitIntoMasculineAndFeminine() throws {
    let forms = try ReferenceFixture.database().read { db in
      try Row.fetchOne(
        db, sql: "SELECT masculine, feminine FROM job_title WHERE label = ?",
        arguments: ["Conducteur / Conductrice d'engins agricoles"])
    }
    let row = try #require(forms)
    #expect(row["masculine"] as String == "Conducteur d'engins agricoles")
    #expect(row["feminine"] as String == "Conductrice d'engins agricoles")
    #expect(
      JobTitleForms.split("Artiste Plasticien / Plasticienne") == (
        "Artiste Plasticien", "Artiste Plasticienne"
      ))
    #expect(
      JobTitleForms.split("Éducateur spécialisé / Éducatrice spécialisée") == (
        "Éducateur spécialisé", "Éducatrice spécialisée"
      ))
    #expect(JobTitleForms.split("Actuaire") == ("Actuaire", "Actuaire"))
  }

  @Test func doubledApostrophesAreRepaired() throws {
    let text = try ReferenceFixture.database().read { db in
      try String.fetchOne(
        db,
        sql:
          "SELECT text FROM occupation_text WHERE code_rome = 'A1101' AND kind = 'definition' AND position = 3"
      )
    }
    #expect(text?.contains("en assure l'entretien") == true)
    #expect(try count("SELECT COUNT(*) FROM occupation_text WHERE text LIKE '%''''%'") == 0)
    #expect(
      try count("SELECT COUNT(*) FROM certification_occupation WHERE rome_label LIKE '%''''%'") == 0
    )
    #expect(
      try count(
        "SELECT COUNT(*) FROM certification_occupation WHERE code_rncp = 'RNCP34001' AND rome_label = ?",
        ["Conduite d'engins agricoles et forestiers"]) == 1)
  }

  @Test func invertedQuestionMarksOfTheSectorFileBecomeApostrophes() throws {
    #expect(
      try count(
        "SELECT COUNT(*) FROM activity_sector WHERE label || ifnull(definition, '') LIKE '%¿%'")
        == 0)
    #expect(
      try count("SELECT COUNT(*) FROM activity_sector WHERE definition LIKE '%d’organisations%'")
        == 1)
  }

  @Test func rncpCountsAreExact() throws {
    let report = try ReferenceFixture.report(.rncp)
    #expect(report["fiches"] == 17470)
    #expect(report["fiches_actives"] == 4542)
    #expect(report["liens_rome"] == 45165)
    // The export repeats a code once per successor fiche: 17,369 distinct certifications, 4,481 active.
    #expect(report["certifications"] == 17369)
    #expect(report["certifications_actives"] == 4481)
    #expect(try count("SELECT COUNT(*) FROM certification_occupation") == 45165)
    #expect(try count("SELECT COUNT(DISTINCT code_rncp) FROM certification_occupation") == 16191)
    #expect(try count("SELECT COUNT(DISTINCT code_rome) FROM certification_occupation") == 625)
  }

  @Test func windows1252TitlesKeepTheirAccents() throws {
    let title = try ReferenceFixture.database().read { db in
      try String.fetchOne(db, sql: "SELECT title FROM certification WHERE code = 'RNCP1000'")
    }
    #expect(title == "Métiers de la pierre")
    let chinese = try ReferenceFixture.database().read { db in
      try String.fetchOne(db, sql: "SELECT title FROM certification WHERE code = 'RNCP10000'")
    }
    #expect(chinese?.hasSuffix("Spécialité CHINOIS ENSEIGNEMENT") == true)
    #expect(chinese?.contains("LITTÉRATURES ET CIVILISATIONS ÉTRANGÈRES") == true)
  }

  @Test func rncpLevelsDatesAndSuccession() throws {
    let row = try #require(
      try ReferenceFixture.database().read { db in
        try Row.fetchOne(db, sql: "SELECT * FROM certification WHERE code = 'RNCP1000'")
      })
    #expect(row["level"] as Int? == 4)
    #expect(row["end_date"] as String? == "2016-08-31")
    #expect(row["is_active"] as Bool == false)
    #expect(row["type_label"] as String? == "Brevet professionnel")
    #expect(try count("SELECT COUNT(*) FROM certification WHERE level NOT BETWEEN 3 AND 8") == 0)
    #expect(
      try count("SELECT COUNT(*) FROM certification_succession WHERE code = 'RNCP1027'") == 2)
    #expect(RNCPDate.iso("1/1/24") == "2024-01-01")
    #expect(RNCPDate.iso("12/31/99") == "1999-12-31")
    #expect(RNCPDate.iso("31/12/24") == nil)
  }

  @Test func treeCountsAreExact() throws {
    let report = try ReferenceFixture.report(.romeTree)
    #expect(report["grands_domaines"] == 14)
    #expect(report["domaines"] == 110)
    #expect(report.version == "14/06/2021")
    // Every fiche reaches its domaine by its first three characters.
    #expect(
      try count(
        "SELECT COUNT(*) FROM occupation WHERE substr(parent_code, 1, 3) NOT IN (SELECT code FROM professional_domain)"
      )
        == 0)
  }

  @Test func secretFiguresAreStoredAsSecretNeverZero() throws {
    #expect(try count("SELECT COUNT(*) FROM bmo") == 7168)
    #expect(try count("SELECT COUNT(*) FROM bmo WHERE recruitments_secret") == 1357)
    #expect(try count("SELECT COUNT(*) FROM bmo WHERE difficult_secret") == 2607)
    #expect(try count("SELECT COUNT(*) FROM bmo WHERE seasonal_secret") == 5431)
    #expect(
      try count("SELECT COUNT(*) FROM bmo WHERE recruitments_secret AND recruitments IS NOT NULL")
        == 0)
    let row = try #require(
      try ReferenceFixture.database().read { db in
        try Row.fetchOne(
          db,
          sql:
            "SELECT * FROM bmo WHERE fap_code = 'A0X40' AND bassin_code = '8421' AND departement = '07'"
        )
      })
    #expect(row["recruitments"] as Int? == 32)
    #expect(row["difficult"] as Int? == nil)
    #expect(row["difficult_secret"] as Bool == true)
    #expect(SecretFigure.parse("*") == SecretFigure(value: nil, isSecret: true))
    #expect(SecretFigure.parse("0") == SecretFigure(value: 0, isSecret: false))
  }

  @Test func bomHeaderOfTheFAPLabelsIsParsed() throws {
    // dares_intitules_FAP2021.csv starts with a BOM before `Code_FAP341`.
    #expect(try count("SELECT COUNT(*) FROM fap2021 WHERE level = 4") > 300)
    let label = try ReferenceFixture.database().read { db in
      try String.fetchOne(db, sql: "SELECT label FROM fap2021 WHERE code = 'A0X41a'")
    }
    #expect(label == "Eleveurs de bovins ou d'équins")
  }

  @Test func salariesJoinROMEThroughSeveralFAPFamilies() throws {
    #expect(
      try count(
        """
        SELECT COUNT(DISTINCT o.parent_code) FROM occupation o
        JOIN occupation_fap2009 f ON f.code_rome = o.parent_code
        JOIN salary_median s ON s.fap_code = substr(f.fap_code, 1, 3)
        """) == 531)
    #expect(
      try count(
        """
        SELECT COUNT(*) FROM (SELECT code_rome FROM occupation_fap2009
        GROUP BY code_rome HAVING COUNT(DISTINCT substr(fap_code, 1, 3)) > 1)
        """) == 168)
    #expect(
      try count("SELECT COUNT(*) FROM salary_median WHERE fap_code = 'A0Z' AND monthly_net > 0")
        >= 2)
    #expect(try count("SELECT COUNT(*) FROM occupation_fap2009 WHERE code_rome = 'NA'") == 0)
  }

  @Test func structuresParseAddressPhoneAndApostrophes() throws {
    let report = try ReferenceFixture.report(.structures)
    // 244 orientation structures and the 34 partners (APEC, MDPH, Agefiph, CMA, CCI) of the same directory.
    #expect(report["structures"] == 278)
    #expect(report["type_apec"] == 4)
    #expect(report["type_maison_handicapees"] == 7)
    #expect(report["type_mission_locale"] == 96)
    #expect(report["type_cio"] == 36)
    #expect(report.warnings.count == 1)
    let row = try #require(
      try ReferenceFixture.database().read { db in
        try Row.fetchOne(db, sql: "SELECT * FROM orientation_structure WHERE id = 'cij-42218-01'")
      })
    #expect(row["address"] as String? == "Espace info jeunes - 6 rue de la Résistance")
    #expect(row["postcode"] as String? == "42000")
    #expect(row["city"] as String? == "Saint-Étienne")
    #expect(row["departement"] as String? == "42")
    #expect(row["phone"] as String? == "04 77 48 77 00")
    #expect(row["fax"] as String? == nil)
    // 34 CIO names are written with a `\x92` byte for the apostrophe, 2 with a straight one.
    #expect(
      try count(
        "SELECT COUNT(*) FROM orientation_structure WHERE name LIKE 'Centre d’information et d’orientation (CIO)%'"
      ) == 34)
    #expect(try count("SELECT COUNT(*) FROM orientation_structure WHERE type_tag = 'cio'") == 36)
    #expect(
      try count(
        "SELECT COUNT(*) FROM orientation_structure WHERE name || ifnull(address, '') GLOB '*[\u{80}-\u{9F}]*'"
      ) == 0)
    #expect(try count("SELECT COUNT(*) FROM orientation_structure WHERE postcode IS NULL") == 0)
    // Ardèche postcodes are published without their leading zero (« 7200, Aubenas »).
    #expect(
      try count("SELECT COUNT(*) FROM orientation_structure WHERE length(postcode) != 5") == 0)
    #expect(
      try count(
        "SELECT COUNT(*) FROM orientation_structure WHERE city = 'Aubenas' AND postcode = '07200' AND departement = '07'"
      ) >= 1)
  }
}
