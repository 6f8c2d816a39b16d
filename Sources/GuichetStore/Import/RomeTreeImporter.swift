import Foundation
import GRDB

/// Imports the two upper levels of the official ROME tree (grands domaines, domaines professionnels).
/// A fiche reaches its domaine by its first three characters and its grand domaine by its first letter.
enum RomeTreeImporter {
  struct Files {
    var version: String
    var grandDomains: CSVFile
    var domains: CSVFile
  }

  static func read(_ folder: inout SourceFolder) throws -> Files {
    // The tree's date is in the JSON's name (arborescence-rome-14-06-2021.json); the CSVs are cut from it.
    var version = ""
    if let json = try? folder.file("arborescence-rome-", suffix: ".json"),
      let range = json.lastPathComponent.range(
        of: #"\d{2}-\d{2}-\d{4}"#, options: .regularExpression)
    {
      version = json.lastPathComponent[range].replacingOccurrences(of: "-", with: "/")
    }
    return Files(
      version: version,
      grandDomains: try folder.csv("rome_grand_domaines"),
      domains: try folder.csv("rome_domaines_professionnels"))
  }

  static func write(_ files: Files, into db: Database) throws -> ImportReport {
    try db.execute(sql: "DELETE FROM grand_domain; DELETE FROM professional_domain;")
    var report = ImportReport(
      dataset: .romeTree, source: ReferenceDataset.romeTree.source, version: files.version)
    let grand = files.grandDomains
    let g = try grand.columns("code_grand_domaine", "libelle_grand_domaine")
    let insertGrand = try db.makeStatement(
      sql: "INSERT INTO grand_domain(code, label) VALUES (?, ?)")
    for record in grand.records {
      try grand.guarded(record, column: g[0]) {
        try insertGrand.execute(arguments: [record[g[0]], ImportText.label(record[g[1]])])
      }
    }
    let domains = files.domains
    let d = try domains.columns(
      "code_domaine_professionnel", "libelle_domaine_professionnel", "code_grand_domaine")
    let insertDomain = try db.makeStatement(
      sql: "INSERT INTO professional_domain(code, label, grand_domain_code) VALUES (?, ?, ?)")
    for record in domains.records {
      try domains.guarded(record, column: d[0]) {
        try insertDomain.execute(arguments: [
          record[d[0]], ImportText.label(record[d[1]]), record[d[2]],
        ])
      }
    }
    report.add("grands_domaines", "grands domaines", grand.records.count)
    report.add("domaines", "domaines professionnels", domains.records.count)
    return report
  }
}
