import Foundation
import GRDB

/// Imports BMO 2024 (planned recruitments per FAP2021 family × bassin × département) and the FAP2021 labels.
/// BMO uses FAP2021, which joins to no ROME table: the figures are shown by their own family labels.
enum BMOImporter {
  struct Files {
    var bmo: CSVFile
    var labels: CSVFile
  }

  static func read(_ folder: inout SourceFolder) throws -> Files {
    Files(bmo: try folder.csv("bmo20"), labels: try folder.csv("dares_intitules_FAP2021"))
  }

  static func write(_ files: Files, into db: Database) throws -> ImportReport {
    try db.execute(sql: "DELETE FROM bmo; DELETE FROM fap2021;")
    let labels = try writeLabels(files.labels, db)
    let file = files.bmo
    let c = try file.columns(
      "annee", "Code métier BMO", "Nom métier BMO", "Famille_met", "Lbl_fam_met", "Dept", "BE24",
      "NOMBE24", "met", "xmet", "smet")
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO bmo(year, fap_code, fap_label, family_code, family_label, departement,
          bassin_code, bassin_name, recruitments, recruitments_secret, difficult, difficult_secret,
          seasonal, seasonal_secret)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    var secret = 0
    var years: Set<Int> = []
    for record in file.records {
      let year = try file.integer(record, column: c[0], "année")
      years.insert(year)
      var figures: [SecretFigure] = []
      for column in c[8...10] {
        guard let figure = SecretFigure.parse(record[column]) else {
          throw file.error(record, column: column, "nombre illisible « \(record[column]) »")
        }
        if figure.isSecret { secret += 1 }
        figures.append(figure)
      }
      try file.guarded(record, column: c[1]) {
        try insert.execute(arguments: [
          year, record[c[1]], ImportText.label(record[c[2]]), record[c[3]],
          ImportText.label(record[c[4]]), record[c[5]], record[c[6]],
          ImportText.label(record[c[7]]),
          figures[0].value, figures[0].isSecret, figures[1].value, figures[1].isSecret,
          figures[2].value, figures[2].isSecret,
        ])
      }
    }
    let version = years.sorted().map(String.init).joined(separator: ", ")
    var report = ImportReport(dataset: .bmo, source: ReferenceDataset.bmo.source, version: version)
    report.add("lignes_bmo", "lignes BMO (métier × bassin × département)", file.records.count)
    report.add(
      "metiers_bmo", "métiers BMO (FAP2021)",
      try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT fap_code) FROM bmo") ?? 0)
    report.add(
      "bassins", "bassins",
      try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT bassin_code) FROM bmo") ?? 0)
    report.add("secrets", "chiffres secrets (*)", secret)
    report.add("intitules_fap2021", "intitulés FAP2021", labels)
    return report
  }

  /// The four FAP2021 levels as one code → label table; the finest level wins when a code repeats across levels.
  private static func writeLabels(_ file: CSVFile, _ db: Database) throws -> Int {
    let c = try file.columns(
      "Code_FAP22", "Intitulé_FAP22", "Code_FAP86", "Intitulé_FAP86", "Code_FAP228",
      "Intitulé_FAP228", "Code_FAP341", "Intitulé_FAP341")
    let insert = try db.makeStatement(
      sql: "INSERT OR REPLACE INTO fap2021(code, label, level, parent_code) VALUES (?, ?, ?, ?)")
    for level in 0..<4 {
      for record in file.records where !record[c[level * 2]].isEmpty {
        let parent = level == 0 ? nil : record[c[(level - 1) * 2]]
        try file.guarded(record, column: c[level * 2]) {
          try insert.execute(arguments: [
            record[c[level * 2]], ImportText.label(record[c[level * 2 + 1]]), level + 1, parent,
          ])
        }
      }
    }
    return try db.scalarCount("fap2021")
  }
}
