import Foundation
import GRDB
import GuichetCore
import GuichetTestData
import Testing

@testable import GuichetStore

/// `guichet import lheo` and the sessions « Se former » lists, over the small LHÉO files written for the
/// tests (Tests/GuichetTestData/LHEO), which `LheoSchemaTests` checks against the published schema.
@Suite struct TrainingOffersTests {
  static let today = 20_261_203
  static let chambery = TrainingOrigin.commune("73065")

  /// A light database with the RNCP rows the files name (the bundled reference takes seconds to load).
  static func database() throws -> AppDatabase {
    let database = try AppDatabase.inMemory()
    try database.writer.write { db in
      try db.execute(
        sql: """
          INSERT INTO certification (code, title, is_active) VALUES
            ('RNCP4495', 'Diplôme d''Etat d''aide-soignant (DEAS)', 1),
            ('RNCP26650', 'Cuisine', 1);
          INSERT INTO certification_occupation (code_rncp, code_rome, rome_label) VALUES
            ('RNCP26650', 'G1602', 'Personnel de cuisine'),
            ('RNCP4495', 'J1501', 'Soins d''hygiène, de confort du patient');
          """)
    }
    return database
  }

  static func importFile(_ name: String, into database: AppDatabase) throws -> TrainingImportReport
  {
    try database.importTrainingOffers(
      Data(contentsOf: LheoTestFiles.url(name)), fileName: name, at: Date())
  }

  static func towns(_ offers: TrainingOffers) -> [String] { offers.sessions.map(\.town) }

  @Test func aValidFileIsImportedWithItsCounts() throws {
    let database = try Self.database()
    let report = try Self.importFile("offres-savoie.xml", into: database)
    #expect(report.formations == 3)
    #expect(report.actions == 7)
    #expect(report.sessions == 8)
    #expect(report.unknownRNCP == 0)
    #expect(report.description.contains("sessions : 8"))
    let stored = try database.writer.read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT a.trainer_name, a.trainer_siret, a.insee_code, a.place_name,
                 (SELECT group_concat(code) FROM training_action_code
                  WHERE action_id = a.id AND kind = 'financeur') AS funding
          FROM training_action a WHERE a.number = 'A-LMS'
          """)
    }
    let row = try #require(stored)
    #expect(row["trainer_name"] as String? == "Institut de formation Savoie")
    #expect(row["trainer_siret"] as String? == "38000000000022")
    #expect(row["insee_code"] as String? == "73179")
    #expect(row["place_name"] as String? == "Institut de formation Savoie")
    #expect(row["funding"] as String? == "10,2")
  }

  @Test func aROMECodeListsNearestThenSoonestAndDropsPastSessions() throws {
    let database = try Self.database()
    _ = try Self.importFile("offres-savoie.xml", into: database)
    let offers = try database.trainingSessions(
      for: .rome("J1501"), near: Self.chambery, today: Self.today)
    // Chambéry itself, its bassin, then Albertville (Savoie: the preparation with no date yet is open
    // today, so before the DEAS of September 2029), then Grenoble (Isère), though it starts first.
    #expect(
      Self.towns(offers) == [
        "Chambéry", "La Motte-Servolex", "Albertville", "Albertville", "Grenoble",
      ])
    #expect(offers.sessions.first?.proximity == .sameCommune)
    #expect(offers.sessions[1].proximity == .sameBassin)
    #expect(offers.sessions.last?.proximity == .elsewhere)
    #expect(offers.sessions[2].formationTitle.hasPrefix("Préparation"))
    #expect(offers.sessions[2].datesLabel == "dates à préciser")
    #expect(offers.sessions[0].datesLabel == "du 02/03/2030 au 18/12/2030")
    #expect(offers.sessions[0].startDay == 20_300_302)
    #expect(!offers.sessions.contains { $0.startDay == 20_200_106 })
    #expect(
      offers.sessions[0].certifications == [
        TrainingCertification(code: "RNCP4495", title: "Diplôme d'Etat d'aide-soignant (DEAS)")
      ])
    #expect(offers.sessions[1].organisation == "Institut de formation Savoie")
    #expect(offers.sessions[0].organisation == "GRETA Savoie")
    #expect(offers.originName == "Chambéry")
    #expect(offers.imported?.fileName == "offres-savoie.xml")
  }

  @Test func anRNCPCodeListsItsSessionsNearestFirst() throws {
    let database = try Self.database()
    _ = try Self.importFile("offres-savoie.xml", into: database)
    let offers = try database.trainingSessions(
      for: .rncp("RNCP26650"), near: Self.chambery, today: Self.today)
    #expect(Self.towns(offers) == ["Chambéry", "Grenoble"])
    #expect(offers.sessions[0].permanentEntry)
    #expect(offers.sessions[0].publicCodes == ["80056", "83056"])
    #expect(offers.subjectTitle == "Cuisine")
    // From Grenoble the order turns round.
    let fromGrenoble = try database.trainingSessions(
      for: .rncp("RNCP26650"), near: .commune("38185"), today: Self.today)
    #expect(Self.towns(fromGrenoble) == ["Grenoble", "Chambéry"])
    // With no place known, soonest first (the Chambéry session takes entrants today) and no nearness said.
    let anywhere = try database.trainingSessions(
      for: .rncp("RNCP26650"), near: .anywhere, today: Self.today)
    #expect(anywhere.sessions.allSatisfy { $0.proximity == nil })
    #expect(Self.towns(anywhere) == ["Chambéry", "Grenoble"])
  }

  @Test func aROMECodeAlsoFindsFormationsThroughTheirCertification() throws {
    let database = try Self.database()
    _ = try Self.importFile("offres-savoie.xml", into: database)
    // The CAP Cuisine names no ROME code; its RNCP fiche leads to G1602.
    let offers = try database.trainingSessions(
      for: .rome("G1602"), near: Self.chambery, today: Self.today)
    #expect(Set(offers.sessions.map(\.formationTitle)) == ["CAP Cuisine"])
    #expect(offers.sessions.count == 2)
  }

  /// InserJeunes rows for the two certifications of the file, as the import writes them: the DEAS by its
  /// apprenticeship diploma code (an older millésime too, and another region), the CAP by a school MEF.
  static func addOutcomes(to database: AppDatabase) throws {
    try database.writer.write { db in
      try db.execute(
        sql: """
          INSERT INTO diploma_certification (cfd, code_rncp) VALUES
            ('56033102', 'RNCP4495'), ('50022139', 'RNCP26650');
          INSERT INTO mef_diploma (mefstat11, cfd) VALUES ('23110022139', '50022139');
          INSERT INTO diploma_outcome (id, millesime, region, voie, cfd, mefstat11, final_year, leavers,
            rate_employed_6, rate_employed_12, rate_employed_24, rate_continuing) VALUES
            ('a1', '2022_2023', '84', 'apprentissage', '56033102', NULL, 94, 81, 65, 70, NULL, 14),
            ('a0', '2021_2022', '84', 'apprentissage', '56033102', NULL, 90, 80, 60, 66, 72, 12),
            ('a2', '2022_2023', '11', 'apprentissage', '56033102', NULL, 300, 250, 80, 82, NULL, 5),
            ('s1', '2022_2023', '84', 'scolaire', NULL, '23110022139', 1, NULL, NULL, NULL, NULL, NULL);
          """)
    }
  }

  @Test func eachSessionsCertificationCarriesItsFichesDebouches() throws {
    let database = try Self.database()
    try Self.addOutcomes(to: database)
    _ = try Self.importFile("offres-savoie.xml", into: database)
    let deas = try database.trainingSessions(
      for: .rncp("RNCP4495"), near: Self.chambery, today: Self.today)
    let expected = DiplomaOutcome(
      diplomaCode: "56033102", voie: .apprenticeship, millesime: "2022_2023", cohort: 94,
      leavers: 81, employedAt6Months: .percent(65), employedAt12Months: .percent(70),
      employedAt24Months: .notYetMeasured, continuingStudies: .percent(14))
    #expect(deas.sessions.count == 4)
    #expect(deas.sessions.allSatisfy { $0.certifications.map(\.outcomes) == [[expected]] })
    // The same figures the certification fiche reads, from the same reader.
    let fiche = try database.writer.read { db in try OutcomesReader.outcomes(of: "RNCP4495", in: db)
    }
    #expect(fiche == [expected])

    // The CAP's school course is secret: secret, never 0, and its leavers unpublished.
    let cap = try database.trainingSessions(
      for: .rncp("RNCP26650"), near: Self.chambery, today: Self.today)
    let school = try #require(cap.sessions.first?.certifications.first?.outcomes.first)
    #expect(school.voie == .school && school.mefCode == "23110022139")
    #expect(school.cohort == 1 && school.leavers == nil)
    #expect(
      [school.employedAt6Months, school.employedAt12Months, school.continuingStudies] == [
        .secret, .secret, .secret,
      ])
    // A formation with no certification has nothing to show; nor has a certification InserJeunes skips.
    let care = try database.trainingSessions(
      for: .rome("J1501"), near: Self.chambery, today: Self.today)
    let preparation = try #require(
      care.sessions.first { $0.formationTitle.hasPrefix("Préparation") })
    #expect(preparation.certifications.isEmpty)
  }

  @Test func aCertificationWithoutFiguresHasNoDebouches() throws {
    let database = try Self.database()
    _ = try Self.importFile("offres-savoie.xml", into: database)
    let offers = try database.trainingSessions(
      for: .rncp("RNCP4495"), near: Self.chambery, today: Self.today)
    #expect(!offers.sessions.isEmpty)
    #expect(offers.sessions.allSatisfy { $0.certifications.allSatisfy(\.outcomes.isEmpty) })
  }

  /// The UAI of the place, else of the trainer, else of the responsible organisation, and that
  /// establishment's InserJeunes figures (the real published file) beside the diploma's.
  @Test func aSessionShowsItsEstablishmentsFiguresWhereTheOfferNamesItsUAI() throws {
    let database = try Self.database()
    _ = try ReferenceImporter.importDataset(
      .establishments, from: TestData.folder.appendingPathComponent("formations"),
      into: database.writer)
    let report = try Self.importFile("offres-etablissements.xml", into: database)
    #expect(report.formations == 2 && report.sessions == 4)
    let cap = try database.trainingSessions(
      for: .rncp("RNCP26650"), near: .commune("73064"), today: Self.today)
    #expect(cap.sessions.map(\.uai) == ["0730012S", "0731584A", "0389999Z"])
    let lycee = cap.sessions[0].establishmentOutcomes
    #expect(lycee.map(\.population) == [.all, .apprentices, .pupils])
    #expect(lycee.allSatisfy { $0.name == "Lycée professionnel hôtelier" && $0.kind == .lycee })
    #expect(lycee[0].employmentRate == .percent(55) && lycee[0].valueAdded == -1)
    // The trainer's CFA publishes nothing: every figure secret, none 0.
    let panthera = try #require(cap.sessions[1].establishmentOutcomes.first)
    #expect(panthera.kind == .cfa && panthera.employedAt6Months == .secret)
    #expect(panthera.valueAdded == nil)
    // A UAI InserJeunes does not know: no figures, the UAI still said.
    #expect(cap.sessions[2].establishmentOutcomes.isEmpty)
    // No UAI for the place nor a trainer: the responsible organisation's (GRETA Savoie, a CFA row).
    let deas = try database.trainingSessions(
      for: .rncp("RNCP4495"), near: Self.chambery, today: Self.today)
    #expect(deas.sessions.map(\.uai) == ["0731302U"])
    #expect(deas.sessions[0].establishmentOutcomes.map(\.name) == ["Greta Savoie"])
    // The first file names no UAI at all.
    _ = try Self.importFile("offres-savoie.xml", into: database)
    let none = try database.trainingSessions(
      for: .rncp("RNCP26650"), near: Self.chambery, today: Self.today)
    #expect(none.sessions.allSatisfy { $0.uai == nil && $0.establishmentOutcomes.isEmpty })
  }

  @Test func aSessionStartedIsDroppedUnlessItTakesEntrantsAllAlong() throws {
    let database = try Self.database()
    _ = try Self.importFile("offres-savoie.xml", into: database)
    // On 1 Oct 2029 both CAP sessions have started; only Chambéry's takes entrants all along.
    let offers = try database.trainingSessions(
      for: .rncp("RNCP26650"), near: Self.chambery, today: 20_291_001)
    #expect(Self.towns(offers) == ["Chambéry"])
  }

  @Test func aTerritoryRanksItsBassinsThenItsDepartements() throws {
    let database = try Self.database()
    _ = try Self.importFile("offres-savoie.xml", into: database)
    let territory = try database.createTerritory(
      name: "ZTEF Chambéry", bassinCodes: ["8411"], by: .commandLine)
    let offers = try database.trainingSessions(
      for: .rncp("RNCP4495"), near: .territory(territory.id), today: Self.today)
    #expect(Self.towns(offers) == ["La Motte-Servolex", "Chambéry", "Albertville", "Grenoble"])
    #expect(offers.sessions.prefix(2).allSatisfy { $0.proximity == .sameTerritory })
    #expect(offers.sessions[2].proximity == .sameDepartement)
    #expect(offers.originName == "ZTEF Chambéry")
  }

  @Test func aReimportReplacesThePreviousOffers() throws {
    let database = try Self.database()
    _ = try Self.importFile("offres-savoie.xml", into: database)
    let report = try Self.importFile("offres-remplacement.xml", into: database)
    #expect(report.formations == 1 && report.sessions == 1)
    let cuisine = try database.trainingSessions(
      for: .rncp("RNCP26650"), near: Self.chambery, today: Self.today)
    #expect(cuisine.sessions.map(\.formationTitle) == ["CAP Cuisine (nouvelle offre)"])
    #expect(cuisine.imported?.fileName == "offres-remplacement.xml")
    let care = try database.trainingSessions(
      for: .rome("J1501"), near: Self.chambery, today: Self.today)
    #expect(care.sessions.isEmpty && care.imported != nil)
    let counts = try database.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM training_session")
    }
    #expect(counts == 1)
  }

  @Test func aFileAgainstTheSchemaIsRefusedWithItsLineAndChangesNothing() throws {
    let database = try Self.database()
    _ = try Self.importFile("offres-savoie.xml", into: database)
    let before = try database.trainingSessions(
      for: .rome("J1501"), near: Self.chambery, today: Self.today)
    let error = try #require(throws: ImportError.self) {
      try Self.importFile("offres-sans-fin.xml", into: database)
    }
    #expect(error.file == "offres-sans-fin.xml")
    #expect(error.line == 47)
    #expect(error.message.contains("<periode>"))
    #expect(error.message.contains("élément manquant"))
    #expect(error.message.contains("fin"))
    let after = try database.trainingSessions(
      for: .rome("J1501"), near: Self.chambery, today: Self.today)
    #expect(after == before)
    #expect(after.imported?.fileName == "offres-savoie.xml")
  }

  @Test func notXMLOrAnotherFormatIsRefusedInFrench() throws {
    let database = try Self.database()
    let broken = try #require(throws: ImportError.self) {
      try database.importTrainingOffers(
        Data("<lheo xmlns=\"http://lheo.gouv.fr/2.3\">\n<offres>\n".utf8), fileName: "coupé.xml",
        at: Date())
    }
    #expect(broken.message.hasPrefix("XML mal formé"))
    #expect(broken.line != nil)
    let other = try #require(throws: ImportError.self) {
      try database.importTrainingOffers(
        Data("<?xml version=\"1.0\"?>\n<offres/>\n".utf8), fileName: "autre.xml", at: Date())
    }
    #expect(other.line == 2)
    #expect(other.message.contains("élément racine inconnu"))
    let empty = try #require(throws: ImportError.self) {
      try database.importTrainingOffers(Data(), fileName: "vide.xml", at: Date())
    }
    #expect(empty.file == "vide.xml")
    let none = try database.trainingSessions(
      for: .rome("J1501"), near: Self.chambery, today: Self.today)
    #expect(none.imported == nil && none.sessions.isEmpty)
  }

  @Test func aFileNeverReachesOutsideItself() throws {
    let database = try Self.database()
    // An external entity would read a local file if entities were expanded: the schema refuses the
    // text, and nothing of /etc/hostname is stored either way.
    let hostile = """
      <?xml version="1.0"?>
      <!DOCTYPE lheo [<!ENTITY x SYSTEM "file:///etc/hostname">]>
      <lheo xmlns="http://lheo.gouv.fr/2.3"><offres>&x;</offres></lheo>
      """
    #expect(throws: ImportError.self) {
      try database.importTrainingOffers(Data(hostile.utf8), fileName: "x.xml", at: Date())
    }
    let count = try database.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM training_formation")
    }
    #expect(count == 0)
  }
}

/// The test files are real LHÉO 2.3: checked against the schema as published (../shared/data), and the
/// copy Guichet bundles is that schema byte for byte.
@Suite struct LheoSchemaTests {
  static let published = TestData.folder.appendingPathComponent("formations/lheo-2.3.xsd")

  @Test(arguments: ["offres-savoie.xml", "offres-remplacement.xml", "offres-etablissements.xml"])
  func theTestFilesValidateAgainstThePublishedSchema(_ name: String) throws {
    let formations = try LheoReader.read(
      Data(contentsOf: LheoTestFiles.url(name)), fileName: name, schema: Self.published)
    #expect(!formations.isEmpty)
  }

  @Test func theBrokenFileIsInvalidAgainstThePublishedSchema() throws {
    #expect(throws: ImportError.self) {
      try LheoReader.read(
        Data(contentsOf: LheoTestFiles.url("offres-sans-fin.xml")), fileName: "offres-sans-fin.xml",
        schema: Self.published)
    }
  }

  @Test func theBundledSchemaIsThePublishedOne() throws {
    let bundled = try #require(LheoReader.bundledSchema)
    #expect(try Data(contentsOf: bundled) == Data(contentsOf: Self.published))
  }
}
