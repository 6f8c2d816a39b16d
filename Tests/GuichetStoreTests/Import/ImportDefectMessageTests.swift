import Foundation
import Testing

@testable import GuichetStore

/// The reader's refusals, in French, with the file, the line and what went wrong.
@Suite("Import defect messages")
struct ImportDefectMessageTests {
  private func refusal(_ bytes: [UInt8], name: String = "test.csv") -> String? {
    do {
      _ = try CSVFile.parse(bytes, name: name)
      return nil
    } catch {
      return "\(error)"
    }
  }

  private func refusal(_ text: String, name: String = "test.csv") -> String? {
    refusal(Array(text.utf8), name: name)
  }

  @Test func aRecordWithAColumnMissingOrExtraNamesItsLine() {
    #expect(
      refusal("a,b,c\n1,2,3\n4,5\n") == "fichier test.csv, ligne 3 : 2 colonnes au lieu de 3 "
        + "comme l’en-tête (ligne 1) (séparateur en trop ou manquant, ligne coupée ?)")
    #expect(
      refusal("a;b\n1;2\n\n3;4;5\n")?.hasPrefix(
        "fichier test.csv, ligne 4 : 3 colonnes au lieu de 2") == true)
  }

  @Test func strayBytesInAUTF8FileAreRefusedNotReadAsWindows1252() {
    let bytes: [UInt8] =
      Array("id,name\n1,Étienne\n2,d".utf8) + [0x92] + Array("Orléans\n3,Genève\n".utf8)
    #expect(
      refusal(bytes)
        == "fichier test.csv, ligne 3, colonne 2 : octet 0x92 invalide en UTF-8 alors que "
        + "le fichier est en UTF-8 (caractère mal converti, fichier tronqué ou abîmé)")
    // A file that says it is UTF-8 must be, even with no other accent.
    #expect(
      refusal(Array("a,b\n1,x".utf8) + [0xE9] + Array("\n".utf8), name: "liste_utf8.csv")?
        .hasPrefix("fichier liste_utf8.csv, ligne 2, colonne 2 : octet 0xE9 invalide") == true)
  }

  @Test func aMultiByteCharacterCutAtTheEndNamesTheLastLine() {
    let bytes = Array("a,b\n1,Genève\n2,Arles\n3,Gen".utf8) + [0xC3]
    #expect(
      refusal(bytes)?.hasPrefix("fichier test.csv, ligne 4, colonne 2 : octet 0xC3 invalide")
        == true)
  }

  @Test func nulBytesAndUTF16AreRefusedWithAHint() {
    #expect(
      refusal(Array("a,b\n1,2\n3,".utf8) + [0] + Array("4\n".utf8))
        == "fichier test.csv, ligne 3, colonne 2 : octet nul (0x00) : fichier abîmé, ou enregistré en UTF-16 ; "
        + "enregistrez-le en UTF-8")
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in "a,b\n1,2\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    #expect(
      refusal(utf16)?.hasPrefix(
        "fichier test.csv, ligne 1, colonne 1 : fichier enregistré en UTF-16") == true)
  }

  @Test func aFieldBeyondTheLimitIsRefusedAndTheLongestRealOnesPass() {
    let huge = String(repeating: "x", count: ImportLimits.fieldBytes + 1)
    #expect(
      refusal("a,b\n1,2\n3,\"\(huge)\"\n")
        == "fichier test.csv, ligne 3, colonne 2 : champ de 65 537 octets (64 Kio), au-delà de la limite "
        + "de 65 536 octets (64 Kio) (fichier abîmé ou mal découpé)")
    let longest = String(repeating: "é", count: ImportLimits.fieldBytes / 2)
    #expect(refusal("a,b\n1,\(longest)\n") == nil)
  }

  @Test func aHeaderWithoutRecordsIsATruncatedFile() {
    #expect(
      refusal("a,b\n")
        == "fichier test.csv, ligne 2 : aucune ligne de données après l’en-tête (fichier tronqué ?)"
    )
  }

  @Test func aWindows1252FileWithAByteThatStandsForNothingIsRefused() {
    let bytes: [UInt8] =
      Array("a;b\n1;caf".utf8) + [0xE9] + Array("\n2;x".utf8) + [0x81] + Array("\n".utf8)
    #expect(
      refusal(bytes)?.hasPrefix("fichier test.csv, ligne 3, colonne 2 : octet 0x81 sans caractère")
        == true)
  }

  @Test func everyRefusalEndsWithWhatToDo() {
    #expect(ImportError.advice.contains("retéléchargez"))
    #expect(ImportError.advice.contains("La base n’a pas été modifiée"))
  }
}
