import Foundation
import GRDB

/// Imports DARES median salaries by FAP2009 family (3 characters) and the ROME → FAP2009 table.
/// A ROME code may map to several families: every link is kept, and screens show each family's median apart.
enum SalariesImporter {
  struct Files {
    var medians: CSVFile
    var romeToFap: CSVFile
    var familyLabels: CSVFile
  }

  static func read(_ folder: inout SourceFolder) throws -> Files {
    Files(
      medians: try folder.csv("dares_psm_salaire_median"),
      romeToFap: try folder.csv("dares_psm_fap225_rome"),
      familyLabels: try folder.csv("Rome_to_Fap_processed"))
  }

  static func write(_ files: Files, into db: Database) throws -> ImportReport {
    try db.execute(
      sql: "DELETE FROM salary_median; DELETE FROM occupation_fap2009; DELETE FROM fap2009_family;")
    var report = ImportReport(
      dataset: .salaries, source: ReferenceDataset.salaries.source, version: "")
    let medians = files.medians
    let m = try medians.columns("Fap3", "Annee", "Salaire_median")
    let insertMedian = try db.makeStatement(
      sql: "INSERT INTO salary_median(fap_code, period, monthly_net) VALUES (?, ?, ?)")
    var periods: Set<String> = []
    for record in medians.records {
      let raw = record[m[2]]
      let value: Int?
      if raw.isEmpty || raw.uppercased() == "NA" {
        value = nil
      } else if let figure = SecretFigure.parse(raw), let number = figure.value {
        value = number
      } else {
        throw medians.error(record, column: m[2], "salaire illisible « \(raw) »")
      }
      periods.insert(record[m[1]])
      try medians.guarded(record, column: m[0]) {
        try insertMedian.execute(arguments: [record[m[0]], record[m[1]], value])
      }
    }
    report.version = periods.sorted().joined(separator: ", ")
    report.add("medianes", "salaires médians (famille × période)", medians.records.count)

    let links = files.romeToFap
    let l = try links.columns("Fap", "Rome", "intitule_rome")
    let insertLink = try db.makeStatement(
      sql: """
        INSERT OR IGNORE INTO occupation_fap2009(code_rome, fap_code, rome_label) VALUES (?, ?, ?)
        """)
    for record in links.records {
      let rome = record[l[1]]
      // `NA`: a family with no ROME code.
      if rome.isEmpty || rome.uppercased() == "NA" { continue }
      try links.guarded(record, column: l[0]) {
        try insertLink.execute(arguments: [rome, record[l[0]], ImportText.label(record[l[2]])])
      }
    }
    report.add("liens_rome_fap", "liens ROME → FAP2009", try db.scalarCount("occupation_fap2009"))

    let families = files.familyLabels
    let f = try families.columns("fap87", "famille_pro87")
    let insertFamily = try db.makeStatement(
      sql: "INSERT OR IGNORE INTO fap2009_family(code, label) VALUES (?, ?)")
    for record in families.records where !record[f[0]].isEmpty {
      try insertFamily.execute(arguments: [record[f[0]], ImportText.label(record[f[1]])])
    }
    report.add("familles_fap", "familles FAP2009 nommées", try db.scalarCount("fap2009_family"))
    return report
  }
}
