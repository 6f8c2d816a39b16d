import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// `guichet operators import|export`: one CSV format in the dialects a French spreadsheet writes, all or nothing,
/// the first error's line and column, the same file twice harmless, and an export that reads back unchanged.
@Suite("Operators set-up file")
struct OperatorsSetupFileTests {
  /// Tuesday 1 December 2026, 10:00 in Paris.
  static let now = Date(timeIntervalSince1970: 1_796_115_600)

  func load(_ database: AppDatabase, _ text: String, encoding: String.Encoding = .utf8) throws
    -> OperatorsSetupFile.Summary
  {
    let data = try #require(text.data(using: encoding))
    return try database.importOperatorsSetup(
      data, name: "essai.csv", by: .commandLine, now: Self.now)
  }

  func counts(_ database: AppDatabase) throws -> [Int] {
    try [
      "operator_structure", "advisor", "opening_rule", "absence", "operator_structure_territory",
    ]
    .map { try Fixtures.count(database, $0) }
  }

  @Test func theExampleSetsUpASiteAndTheSameFileAgainChangesNothing() throws {
    let database = try AppDatabase.inMemory()
    let first = try load(database, OperatorsSetupFile.example)
    #expect(
      first
        == OperatorsSetupFile.Summary(
          structuresAdded: 1, structuresUpdated: 0, advisorsAdded: 1, rulesAdded: 2,
          absencesAdded: 1, unchanged: 0))
    let structure = try #require(
      try database.operatorStructures().first { $0.sourceID == "exemple-ml-vienne" })
    #expect(structure.phone == "04 74 00 00 00")
    #expect(structure.inseeCode == "38544")
    #expect(!structure.territoryIDs.isEmpty, "placed from its commune")
    let structureID = try #require(structure.id)
    let advisor = try #require(try database.advisors(structureID: structureID).first)
    let slots = try database.freeSlots(
      advisorID: try #require(advisor.id), from: Self.now,
      to: Self.now.addingTimeInterval(7 * 86_400), now: Self.now)
    #expect(!slots.isEmpty)
    let before = try counts(database)
    let again = try load(database, OperatorsSetupFile.example)
    #expect(!again.changed)
    #expect(again.unchanged == 5)
    #expect(try counts(database) == before)
  }

  @Test(arguments: [";", ","])
  func spreadsheetDialectsAreRead(separator: String) throws {
    let database = try AppDatabase.inMemory()
    // A list of days holds commas: quoted, as a spreadsheet writes it.
    let text = OperatorsSetupFile.example.replacingOccurrences(
      of: "lun,mar,jeu", with: "\"lun,mar,jeu\""
    ).replacingOccurrences(of: ";", with: separator)
    // Windows-1252 (« Hôtel » as one byte), with a BOM-less header and CRLF line ends.
    let cp1252 = text.replacingOccurrences(of: "\n", with: "\r\n")
    let summary = try load(database, cp1252, encoding: .windowsCP1252)
    #expect(summary.structuresAdded == 1 && summary.rulesAdded == 2)
    let structure = try #require(
      try database.operatorStructures().first { $0.sourceID == "exemple-ml-vienne" })
    #expect(structure.address == "2 place de l'Hôtel de Ville")
    // The same file saved as UTF-8 with a BOM reads as the same lines.
    let bom = try load(database, "\u{FEFF}" + text)
    #expect(!bom.changed)
  }

  @Test func theFirstBadCellIsNamedByLineAndColumnAndNothingIsWritten() throws {
    let database = try AppDatabase.inMemory()
    let before = try counts(database)
    let broken = OperatorsSetupFile.example.replacingOccurrences(
      of: "ven;14:00;16:00;30", with: "ven;14:00;16:00;trente")
    #expect {
      try load(database, broken)
    } throws: { error in
      guard let error = error as? ImportError else { return false }
      return error.line == 5 && error.column == 15 && error.message.contains("duree")
    }
    #expect(try counts(database) == before, "the lines before the error are not kept")
  }

  @Test(
    arguments: [
      ("objet;structure\nstage;x\n", 2, 1, "inconnu"),
      ("objet;structure;nom\nconseiller;inconnue;Paul\n", 2, 2, "inconnue"),
      ("objet;structure;type;nom;telephone\nstructure;s1;banque;X;\n", 2, 3, "banque"),
      ("objet;structure;type;nom;telephone\nstructure;s1;cio;X;12\n", 2, 5, "refusé"),
      ("objet;structure;couleur\nstructure;s1;bleu\n", 1, 3, "inconnue"),
      ("nom;structure\nX;s1\n", 1, nil, "objet"),
    ] as [(String, Int, Int?, String)])
  func refusalsPointAtTheirCell(text: String, line: Int, column: Int?, words: String) throws {
    let database = try AppDatabase.inMemory()
    #expect {
      try load(database, text)
    } throws: { error in
      guard let error = error as? ImportError else { return false }
      return error.line == line && error.column == column && error.message.contains(words)
    }
  }

  @Test func anAdvisorNeedsAStructurePhone() throws {
    let database = try AppDatabase.inMemory()
    let text = """
      objet;structure;type;nom
      structure;s1;cio;CIO sans téléphone
      conseiller;s1;;Paul Durand

      """
    #expect {
      try load(database, text)
    } throws: { error in
      // The advisor's line cannot carry the phone: the message says which line would.
      (error as? ImportError)?.line == 3
        && (error as? ImportError)?.message.contains(
          "ajoutez avant ce conseiller une ligne structure « s1 » avec son numéro dans la colonne telephone"
        ) == true
    }
    #expect(try database.operatorStructures().filter { $0.sourceID == "s1" }.isEmpty)
  }

  @Test func exportReadsBackUnchangedHereAndIntoAFreshBase() throws {
    let database = try AppDatabase.inMemory()
    _ = try load(database, OperatorsSetupFile.example)
    _ = try load(
      database,
      """
      objet;structure;type;nom;telephone;territoires;conseiller;jours;debut;fin;duree;lieu;places;du;au;motif
      structure;;cap_emploi;Cap emploi Isère « essai »; 04 76 00 00 00 ;Vienne Roussillon;;;;;;;;;;
      conseiller;Cap emploi Isère « essai »;;Jean ; Dupont;;;;;;;;;;;;
      plage;Cap emploi Isère « essai »;;;;;Jean;mer;14h;17:00;60;visio;3;01/01/2027;30/06/2027;
      absence;Cap emploi Isère « essai »;;;;;Jean;;;;;;;02/12/2026 14:00;02/12/2026 17:00;formation

      """.replacingOccurrences(of: "Jean ; Dupont", with: "Jean"))
    let exported = try database.exportOperatorsSetup(by: .commandLine, now: Self.now)
    #expect(exported.hasPrefix("\u{FEFF}objet;structure;type"))
    #expect(
      exported.contains(
        "plage;Cap emploi Isère « essai »;;;;;;;;;Jean;mer;14:00;17:00;60;visio;3;01/01/2027;30/06/2027;"
      ))
    let same = try database.importOperatorsSetup(
      Data(exported.utf8), name: "export.csv", by: .commandLine, now: Self.now)
    #expect(!same.changed, "\(same)")
    let fresh = try AppDatabase.inMemory()
    let copied = try fresh.importOperatorsSetup(
      Data(exported.utf8), name: "export.csv", by: .commandLine, now: Self.now)
    #expect(copied.structuresAdded == 2 && copied.advisorsAdded == 2 && copied.rulesAdded == 3)
    #expect(copied.absencesAdded == 2)
    #expect(try fresh.exportOperatorsSetup(by: .commandLine, now: Self.now) == exported)
  }

  @Test func aBundledAgencyIsCompletedByItsReference() throws {
    let database = try AppDatabase.inMemory(bundledReference: true)
    let text = """
      objet;structure;nom;telephone;conseiller;jours;debut;fin;duree
      structure;france_travail-ARA0176;;04 50 00 00 00;;;;;
      conseiller;france_travail-ARA0176;Paul Durand;;;;;;
      plage;france_travail-ARA0176;;;Paul Durand;lun-ven;09:00;12:00;30

      """
    let summary = try load(database, text)
    #expect(summary.structuresUpdated == 1 && summary.structuresAdded == 0)
    let agency = try #require(
      try database.operatorStructures(kind: .franceTravail).first {
        $0.sourceID == "france_travail-ARA0176"
      })
    #expect(agency.phone == "04 50 00 00 00")
    #expect(agency.address == "127 AVENUE DE GENEVE", "an empty cell keeps the published value")
    // A refresh of the bundled directory keeps the phone the site added.
    try database.writer.write { db in _ = try OperatorSeeding.seedFromDirectory(db) }
    let agencyID = try #require(agency.id)
    #expect(try database.operatorStructure(id: agencyID)?.phone == "04 50 00 00 00")
  }

  @Test func aMissingDirectoryIsSaidForCapEmploi() throws {
    let database = try AppDatabase.inMemory()
    let territoryID = try #require(try database.territories().first?.id)
    #expect(
      try database.noSlotReason(
        territoryID: territoryID, operatorKinds: [.capEmploi], from: Self.now)
        == .noOpenDirectory([.capEmploi]))
    #expect(
      try database.noSlotReason(
        territoryID: territoryID, operatorKinds: [.missionLocale], from: Self.now)
        == .noOpeningHours)
  }
}

/// A structure that takes appointments must have a phone: the slip gives it.
@Suite("Bookable structure phone")
struct BookablePhoneTests {
  @Test func anAdvisorIsRefusedAtAStructureWithoutPhone() throws {
    let database = try AppDatabase.inMemory()
    let structure = try database.saveOperatorStructure(
      OperatorStructure(kind: .capEmploi, name: "Cap emploi Isère"), by: .commandLine)
    #expect {
      try database.saveAdvisor(
        Advisor(structureID: try #require(structure.id), displayName: "Paul"), by: .commandLine)
    } throws: { error in
      (error as? UserError)?.message.contains("indiquez son téléphone") == true
    }
    // The schema refuses it too, whatever the code above does.
    #expect(throws: DatabaseError.self) {
      try database.writer.write { db in
        try db.execute(
          sql: "INSERT INTO advisor (structure_id, display_name) VALUES (?, 'Paul')",
          arguments: [structure.id])
      }
    }
  }

  @Test func aBookableStructureKeepsItsPhone() throws {
    let setup = try BookingSetup.make()
    var structure = setup.structure
    structure.phone = nil
    #expect {
      try setup.database.saveOperatorStructure(structure, by: .commandLine)
    } throws: { error in
      (error as? UserError)?.message.contains("prend des rendez-vous") == true
    }
    #expect(throws: DatabaseError.self) {
      try setup.database.writer.write { db in
        try db.execute(
          sql: "UPDATE operator_structure SET phone = NULL WHERE id = ?",
          arguments: [setup.structure.id])
      }
    }
    #expect(
      try setup.database.operatorStructure(id: setup.structure.id!)?.phone == "04 74 00 00 00")
  }
}
