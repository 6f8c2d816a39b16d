import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// The real operators a fresh base gets (issue 14): France Travail agencies joined to Services Publics+,
/// APEC centres, Transitions Pro sites, and France services, MDPH and Agefiph in the one directory.
@Suite("Bundled operators")
struct BundledOperatorsTests {
  static let database = Result { try AppDatabase.inMemory(bundledReference: true) }

  func structures(_ kind: OperatorKind) throws -> [OperatorStructure] {
    try Self.database.get().operatorStructures(kind: kind)
  }

  @Test func franceTravailAgenciesAreTheOpenLocalAgenciesWithCommuneAndBassin() throws {
    let agencies = try structures(.franceTravail)
    // 78 local agencies in 2019, Ville-la-Grand closed since, 8 sites opened since.
    #expect(agencies.count == 85)
    #expect(!agencies.contains { $0.sourceID == "france_travail-ARA0170" })
    #expect(agencies.allSatisfy { $0.inseeCode != nil && !$0.territoryIDs.isEmpty })
    let places = try Self.database.get().communePlaces(agencies.compactMap(\.inseeCode))
    #expect(agencies.allSatisfy { places[$0.inseeCode ?? ""] != nil })
    let added = agencies.filter { $0.note == OperatorsImporter.missingAddress }
    #expect(added.count == 8)
    #expect(added.allSatisfy { $0.address == nil })
    // Miribel's 2023 postcode lost its leading zero (« 1702 »).
    #expect(agencies.first { $0.sourceID == "france_travail-ARA0281" }?.postcode == "01702")
    // The management sites (DDA, DRA) of 2019 are not agencies that receive the public.
    #expect(!agencies.contains { $0.name.contains("Direction") })
    let annecy = try #require(agencies.first { $0.sourceID == "france_travail-ARA0176" })
    #expect(annecy.inseeCode == "74010")
    #expect(annecy.address == "127 AVENUE DE GENEVE")
    #expect(annecy.phone == nil, "no published phone: an administrator adds it")
  }

  @Test func apecAndTransitionsProAreBookableKinds() throws {
    #expect(try structures(.apec).count == 4)
    let transitions = try structures(.transitionsPro)
    #expect(transitions.count == 8)
    let loire = try #require(transitions.first { $0.sourceID == "transitions_pro-42" })
    // Kept as published, shown with its doubt.
    #expect(loire.city == "Clermont-Ferrand")
    #expect(loire.note?.contains("à vérifier") == true)
    // It serves the Loire's territories all the same.
    #expect(!loire.territoryIDs.isEmpty)
    #expect(transitions.filter { $0.note?.contains("à vérifier") == true }.count == 1)
  }

  @Test func theDirectoryHoldsPartnersAndFranceServicesWithHours() throws {
    let directory = try Self.database.get().structureDirectory(territoryID: nil)
    func count(_ tag: String) -> Int { directory.structures.filter { $0.typeTag == tag }.count }
    #expect(count("france_services") == 223)
    #expect(count("maison_handicapees") == 7)
    #expect(count("agefiph") == 1)
    #expect(count("apec") == 4)
    #expect(count("france_travail") == 85)
    let valserhone = try #require(directory.structures.first { $0.id == "france_services-1" })
    #expect(
      valserhone.hours?.hasPrefix("lun. 13:30 - 17:00 · mar. 09:00 - 12:00 / 13:30 - 17:00") == true
    )
    #expect(valserhone.source == OperatorsImporter.franceServicesSource)
    // The Agefiph's phone without its tariff note.
    #expect(directory.structures.first { $0.typeTag == "agefiph" }?.phone == "08 00 11 10 09")
    // A bookable structure and its directory entry are one.
    #expect(
      directory.structures.filter { $0.typeTag == "france_travail" }.allSatisfy {
        $0.bookableStructureID != nil
      })
  }

  @Test func searchFindsAgenciesAndFranceServices() throws {
    let database = try Self.database.get()
    let hits = try database.searchReference("france travail annecy", kind: .structure)
    #expect(hits.contains { $0.code == "france_travail-ARA0176" }, "\(hits.map(\.title))")
    let services = try database.searchReference("france services valserhone", kind: .structure)
    #expect(services.first?.code == "france_services-1", "\(services.map(\.title))")
  }

  @Test func aStructureTypedByAnAdministratorIsInTheDirectoryAndTheSearch() throws {
    let database = try AppDatabase.inMemory(bundledReference: true)
    let saved = try database.saveOperatorStructure(
      OperatorStructure(
        kind: .franceTravail, name: "France Travail Vienne Essai", postcode: "38200",
        city: "Vienne", phone: "04 74 00 00 00"), by: .commandLine)
    #expect(saved.inseeCode == "38544")
    let directory = try database.structureDirectory(territoryID: nil)
    let entry = try #require(directory.structures.first { $0.bookableStructureID == saved.id })
    #expect(entry.name == "France Travail Vienne Essai")
    let hits = try database.searchReference("vienne essai", kind: .structure)
    #expect(hits.first?.code == entry.id)
  }

  @Test func anAdministratorsCorrectionSurvivesTheDirectoryRefresh() throws {
    let database = try AppDatabase.inMemory(bundledReference: true)
    var loire = try #require(
      try database.operatorStructures(kind: .transitionsPro).first {
        $0.sourceID == "transitions_pro-42"
      })
    loire.address = "1 rue de l'Essai"
    loire.postcode = "42000"
    loire.city = "Saint-Étienne"
    let saved = try database.saveOperatorStructure(loire, by: .commandLine)
    #expect(saved.note == nil, "the doubt goes with the corrected address")
    try database.writer.write { db in _ = try OperatorSeeding.seedFromDirectory(db) }
    let savedID = try #require(saved.id)
    let after = try #require(try database.operatorStructure(id: savedID))
    #expect(after.city == "Saint-Étienne")
    let entry = try database.structureDirectory(territoryID: nil).structures.first {
      $0.id == "transitions_pro-42"
    }
    #expect(entry?.city == "Saint-Étienne", "the directory shows the corrected structure")
  }
}

/// The operators importer against small files carrying each published defect.
@Suite("Operators importer: published defects")
struct OperatorsImporterDefectTests {
  static let agencies2019 = """
    REFERENCE_PE,NOM,CODE_SAFIR,TYPE_SITE,REGION,LIBELLE_REGION,COMPLEMENT_ADRESSE,DC_COMPLEMENTADRSITEPHYSIQUE,ADRESSE,CODE_POSTAL,COMMUNE,DN_LATITUDE,DN_LONGITUDE
    ARA0176003829,ANNECY GENEVE 127,74010,ALE,84,AUVERGNE-RHONE-ALPES,NULL,NULL,127 AVENUE DE GENEVE,74000,ANNECY,"45,91","6,13"
    ARA0170003904,VILLE LA GRAND,74020,ALE,84,AUVERGNE-RHONE-ALPES,NULL,NULL,1 RUE X,74100,VILLE LA GRAND,"46,2","6,25"
    ARA0302000001,DT HAUTE SAVOIE,74000,DDA,84,AUVERGNE-RHONE-ALPES,NULL,NULL,2 RUE Y,74000,ANNECY,"45,9","6,1"
    PES0001005145,PES PERI DEFENSE,00310,DRA,11,ILE-DE-FRANCE,NULL,RESIDENCE LE BROADWAY,390 RUE D ESTIENNE D ORVES,92700,COLOMBES,"48,909987","2,233133"

    """

  /// BOM inside the first quoted header, `;`, CRLF, a postcode without its leading zero, an inactive row.
  static let servicesPublics =
    "\"\u{FEFF}\"\"Code SP+ de la structure\"\"\";Intitulé du réseau;Intitulé de la typologie;Intitulé de la structure;Identifiant de la structure;Adresse;Code postal de la structure;Ville;Actif;INSEE Ville;INSEE Département\r\n"
    + "a1;POLE EMPLOI;AGENCE POLE EMPLOI (APE);ANNECY-PE;ARA0176;;74000;ANNECY;Oui;com74010;dep74\r\n"
    + "a2;POLE EMPLOI;AGENCE RELAIS POLE EMPLOI (RPE);MIRIBEL-PE;ARA0281;;1702;MIRIBEL;Oui;com01249;dep01\r\n"
    + "a3;POLE EMPLOI;AGENCE POLE EMPLOI (APE);FERMEE-PE;ARA0999;;74000;ANNECY;Non;com74010;dep74\r\n"
    + "a4;POLE EMPLOI;DTD POLE EMPLOI;DTD HAUTE-SAVOIE-PE;ARA0302;;74036;ANNECY;Oui;com74010;dep74\r\n"
    + "a5;France services;Structure France services;X;1807;2 route;69630;CHAPONOST;Oui;com69043;dep69\r\n"

  static let franceServices = """
    "id_fs","insee_dep","lib_fs","adresse","complement_adresse","insee_com","code_postal","lib_com","latitude","longitude","mail","telephone","h_lundi","h_mardi","h_mercredi","h_jeudi","h_vendredi","h_samedi","prise_rdv","commentaire","type_fs","format_fs","groupe_fs","labellisation_fs"
    "1","01","France services de Valserhône","5-9 Rue des Papetiers",,"01033","01200","Valserhône",46.1,5.8,"fs@exemple.fr","04 50 56 87 49","13:30 - 17:00",,,,,,"Non","Sur rendez-vous
    le vendredi","Principal","Fixe",,"Espace labellisé 01/01/2020"
    "2","75","France services Paris","1 rue",,"75101","75001","Paris",48.8,2.3,,,,,,,,,"Non",,"Principal","Fixe",,""

    """

  static let transitionsPro = """
    /* eslint-disable sort-keys-fix/sort-keys-fix */
    export default [
      {
        name: "Transitions pro",
        departement: "42",
        address:
          "Pôle Gambetta, 4 avenue Marx Dormoy, 63000 Clermont-Ferrand",
        email: "plateforme@transitionspro-ara.fr",
        contacts: [],
      },
      { name: 'Transitions pro', departement: "75", address: null, contacts: [ { a: 1 } ], },
    ];

    """

  static func folder(transitionsPro: String = transitionsPro) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "operators-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let files = [
      "france_travail_agences_2019.csv": agencies2019,
      "services_publics_plus_structures_2023-05.csv": servicesPublics,
      "france_services_2024-08-01.csv": franceServices,
      "transitions_pro_2022-05.js": transitionsPro,
    ]
    for (name, text) in files {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }
    return folder
  }

  @Test func eachDefectIsHandledAndReported() throws {
    let database = try AppDatabase.inMemory()
    let report = try database.importReference(.operators, from: try Self.folder())
    #expect(report.warnings.contains { $0.contains("ARA0170") && $0.contains("fermée") })
    #expect(report.warnings.contains { $0.contains("Clermont-Ferrand") })
    let directory = try database.structureDirectory(territoryID: nil).structures
    let ids = Set(directory.map(\.id))
    #expect(ids.contains("france_travail-ARA0176"))
    #expect(!ids.contains("france_travail-ARA0170"), "closed since 2019")
    #expect(!ids.contains("france_travail-ARA0999"), "inactive in 2023 and unknown in 2019")
    #expect(!ids.contains("france_travail-ARA0302"), "a management site, not an agency")
    let miribel = try #require(directory.first { $0.id == "france_travail-ARA0281" })
    #expect(miribel.postcode == "01702")
    #expect(miribel.note == OperatorsImporter.missingAddress)
    #expect(miribel.name == "France Travail Miribel")
    let annecy = try #require(directory.first { $0.id == "france_travail-ARA0176" })
    #expect(annecy.city == "Annecy", "named from the INSEE commune, not the upper-case 2019 town")
    #expect(annecy.note == nil)
    let services = try #require(directory.first { $0.id == "france_services-1" })
    #expect(services.hours == "lun. 13:30 - 17:00")
    #expect(
      services.note == "Sur rendez-vous\nle vendredi" || services.note?.contains("vendredi") == true
    )
    #expect(!ids.contains("france_services-2"), "outside the 8 départements")
    let loire = try #require(directory.first { $0.id == "transitions_pro-42" })
    #expect(loire.address == "Pôle Gambetta, 4 avenue Marx Dormoy")
    #expect(loire.postcode == "63000")
    #expect(!ids.contains("transitions_pro-75"))
  }

  @Test func aScriptThatIsNotALiteralIsRefusedAtItsLineAndNothingChanges() throws {
    let database = try AppDatabase.inMemory()
    _ = try database.importReference(.operators, from: try Self.folder())
    let before = try database.structureDirectory(territoryID: nil).structures.count
    let script = "export default [\n  { departement: \"01\",\n    address: fetch(\"x\") },\n]\n"
    #expect {
      try database.importReference(.operators, from: try Self.folder(transitionsPro: script))
    } throws: { error in
      guard let error = error as? ImportError else { return false }
      return error.line == 3 && error.file == "transitions_pro_2022-05.js"
    }
    #expect(try database.structureDirectory(territoryID: nil).structures.count == before)
  }

  @Test func theModuleReaderKeepsStringsAndEscapes() throws {
    let value = try JSModuleLiteral.parse(
      "// c\nexport default [{ a: \"l\\u2019x \\\"y\\\"\", 'b': 'z', n: -1.5, t: true, },];",
      name: "t.js")
    #expect(
      value
        == .array([
          .object([
            ("a", .string("l’x \"y\"")), ("b", .string("z")), ("n", .number(-1.5)),
            ("t", .bool(true)),
          ])
        ]))
  }
}
