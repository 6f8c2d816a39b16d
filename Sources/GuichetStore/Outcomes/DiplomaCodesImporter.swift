import Foundation
import GRDB

/// Imports the diploma code (CFD) ↔ RNCP tables of the RNCP folder: `codes_diplomes` (2021) and the apprenticeship
/// kit (18 Dec 2023), which also says whether each fiche is open to apprenticeship. They bring the InserJeunes rows,
/// which name diplomas by CFD, to the certification fiches.
enum DiplomaCodesImporter {
  struct Files {
    var codes: CSVFile
    var kit: CSVFile
  }

  static func read(_ folder: inout SourceFolder) throws -> Files {
    Files(codes: try folder.csv("codes_diplomes"), kit: try folder.csv("Kit_apprentissage"))
  }

  static func write(_ files: Files, into db: Database) throws -> ImportReport {
    try db.execute(
      sql: "DELETE FROM diploma_certification; DELETE FROM certification_apprenticeship;")
    var report = ImportReport(
      dataset: .diplomas, source: ReferenceDataset.diplomas.source, version: "")
    let insert = try db.makeStatement(
      sql: "INSERT OR IGNORE INTO diploma_certification(cfd, code_rncp) VALUES (?, ?)")
    let codes = files.codes
    let c = try codes.columns("CodeDiplome", "CodeRNCP")
    for record in codes.records {
      try link(codes, record, cfd: c[0], rncp: c[1], insert)
    }
    report.add("codes_diplomes", "lignes codes diplômes ↔ RNCP", codes.records.count)
    let kit = files.kit
    let k = try kit.columns(
      "Code_Diplome", "Code_RNCP", "Accès à l'apprentissage de la fiche RNCP (oui/non)")
    let insertOpen = try db.makeStatement(
      sql: """
        INSERT INTO certification_apprenticeship(code_rncp, is_open) VALUES (?, ?)
        ON CONFLICT(code_rncp) DO UPDATE SET is_open = max(is_open, excluded.is_open)
        """)
    for record in kit.records {
      try link(kit, record, cfd: k[0], rncp: k[1], insert)
      let answer = record[k[2]].lowercased()
      // « NR »: not answered, so neither open nor closed.
      guard answer == "oui" || answer == "non" else {
        if answer == "nr" || answer.isEmpty { continue }
        throw kit.error(
          record, column: k[2], "réponse « \(record[k[2]]) » inconnue (oui, non ou NR)")
      }
      try insertOpen.execute(arguments: [record[k[1]], answer == "oui"])
    }
    report.add("kit", "lignes kit apprentissage", kit.records.count)
    report.add(
      "liens", "liens diplôme (CFD) → RNCP distincts", try db.scalarCount("diploma_certification"))
    report.add(
      "ouvertes", "fiches RNCP ouvertes à l’apprentissage",
      try Int.fetchOne(db, sql: "SELECT count(*) FROM certification_apprenticeship WHERE is_open")
        ?? 0)
    return report
  }

  private static func link(
    _ file: CSVFile, _ record: CSVRecord, cfd: Int, rncp: Int, _ insert: Statement
  ) throws {
    let diploma = record[cfd]
    let code = record[rncp]
    guard !diploma.isEmpty, diploma.allSatisfy(isCodeCharacter) else {
      throw file.error(record, column: cfd, "code diplôme « \(diploma) » illisible")
    }
    // « NR »: the diploma has no RNCP fiche (yet), so no link.
    if code.isEmpty || code.uppercased() == "NR" { return }
    guard code.wholeMatch(of: /RNCP\d+/) != nil else {
      throw file.error(record, column: rncp, "code RNCP « \(code) » illisible (attendu RNCP1234)")
    }
    try insert.execute(arguments: [diploma, code])
  }
}

/// A character of a published code (diploma, MEF): ASCII letter or digit.
func isCodeCharacter(_ character: Character) -> Bool {
  character.isASCII && (character.isLetter || character.isNumber)
}
