import Foundation
import Testing

@testable import GuichetStore

@Suite("CSV reader")
struct ImportCSVReaderTests {
  private func parse(_ bytes: [UInt8], name: String = "test.csv") throws -> CSVFile {
    try CSVFile.parse(bytes, name: name)
  }

  private func parse(_ text: String) throws -> CSVFile {
    try parse(Array(text.utf8))
  }

  @Test func readsUTF8WithBOMAndFindsColumnsByName() throws {
    let file = try parse(
      [0xEF, 0xBB, 0xBF] + Array("Code_FAP;Intitulé\nA0X40;Agriculteurs\n".utf8))
    #expect(file.header == ["Code_FAP", "Intitulé"])
    #expect(try file.column("code_fap") == 0)
    #expect(try file.column("Intitulé") == 1)
    #expect(file.records.map(\.fields) == [["A0X40", "Agriculteurs"]])
  }

  @Test func readsWindows1252WithSemicolons() throws {
    // « Métiers de l’hôtellerie » with 0xE9 (é), 0x92 (’), 0xF4 (ô), 0x9C (œ) as CP1252 bytes.
    let bytes: [UInt8] =
      Array("Code;Titre\nRNCP1;M".utf8) + [0xE9] + Array("tiers de l".utf8) + [0x92]
      + Array("h".utf8) + [0xF4] + Array("tellerie, ".utf8) + [0x9C] + Array("uvre\n".utf8)
    let file = try parse(bytes)
    #expect(file.records.first?[1] == "Métiers de l’hôtellerie, œuvre")
  }

  @Test func readsC1ControlsInUTF8AsWindows1252() throws {
    // The directory export writes U+0092 (C2 92 in UTF-8) where it means ’.
    let bytes: [UInt8] =
      Array("id,name\n1,Centre d".utf8) + [0xC2, 0x92] + Array("information\n".utf8)
    #expect(try parse(bytes).records.first?[1] == "Centre d’information")
  }

  @Test func readsAWholeFileWithoutAccentsButOneAsWindows1252() throws {
    // Nothing tells this file is not Windows-1252 (its name does not say UTF-8): the lone byte is `’`.
    let bytes: [UInt8] = Array("id,name\n1,Centre d".utf8) + [0x92] + Array("information\n".utf8)
    #expect(try parse(bytes).records.first?[1] == "Centre d’information")
  }

  @Test func handlesQuotesDoubledQuotesAndEmbeddedNewlines() throws {
    let file = try parse("a,b,c\n\"x, y\",\"il dit \"\"oui\"\"\",\"ligne 1\nligne 2\"\nz,,\n")
    #expect(
      file.records.map(\.fields) == [
        ["x, y", "il dit \"oui\"", "ligne 1\nligne 2"], ["z", "", ""],
      ])
    #expect(file.records.map(\.line) == [2, 4])
  }

  @Test func skipsBlankLinesBetweenRecordsAndKeepsLineNumbers() throws {
    let file = try parse("a,b\r\n1,2\r\n\r\n\r\n3,4\r\n\n")
    #expect(file.records.map(\.fields) == [["1", "2"], ["3", "4"]])
    #expect(file.records.map(\.line) == [2, 5])
  }

  @Test func keepsTrailingEmptyColumnsAndRefusesShortRecords() throws {
    let file = try parse("CodeRNCP;Rome;libelle;;\nRNCP1;A1101;Conduite;;\n")
    #expect(file.records[0].fields == ["RNCP1", "A1101", "Conduite", "", ""])
    #expect(throws: ImportError.self) {
      try parse("CodeRNCP;Rome;libelle;;\nRNCP1;A1101;Conduite;;\nRNCP2;A1102\n")
    }
  }

  @Test func trimsBlanksAndCarriageReturnsInsideQuotedFields() throws {
    let file = try parse("a;b;c\n1;\"Spécialité CHINOIS\r\";\n")
    #expect(file.records.first?[1] == "Spécialité CHINOIS")
  }

  @Test func unclosedQuoteNamesFileLineAndColumnInFrench() throws {
    var text = "a;b;c\n"
    for index in 2..<120 { text += "\(index);x;y\n" }
    text += "120;x;\"pas fermé\n121;x;y\n"
    do {
      _ = try parse(Array(text.utf8), name: "rncp_info.v1.4.csv")
      Issue.record("an unclosed quote must be refused")
    } catch let error as ImportError {
      #expect(
        error.description
          == "fichier rncp_info.v1.4.csv, ligne 120, colonne 3 : guillemet non fermé "
          + "(fichier tronqué, ou guillemet en trop)")
    }
  }

  @Test func textAfterAClosingQuoteIsRefused() throws {
    #expect(throws: ImportError.self) { try parse("a,b\n\"x\"y,2\n") }
  }

  @Test func missingColumnIsNamed() throws {
    let file = try parse("a,b\n1,2\n")
    #expect(
      throws: ImportError(
        file: "test.csv", line: 1,
        message: "colonne « code » absente de l’en-tête (colonne renommée ou supprimée ?)")
    ) {
      try file.column("code")
    }
  }

  @Test func detectsTheSeparatorFromTheHeader() throws {
    #expect(try parse("a;b,c;d\n1;2,3;4\n").records.first?.fields == ["1", "2,3", "4"])
    #expect(try parse("a,b;c,d\n1,2;3,4\n").records.first?.fields == ["1", "2;3", "4"])
  }

  @Test func emptyFileIsRefused() throws {
    #expect(throws: ImportError.self) { try parse("") }
    #expect(throws: ImportError.self) { try parse("\n\n") }
  }
}
