import Foundation
import GRDB

/// Imports the DARES hiring-tension indicators (2019) by FAP2009 family, nationally, by region and by département.
/// Only the synthetic category (1 to 5) is kept; an empty one (too few job offers to compute it) stays NULL.
/// The FAP2009 codes join the ROME fiches through `dares_psm_fap225_rome`, the table the salaries use.
enum TensionsImporter {
  struct Files {
    var file: CSVFile
  }

  static func read(_ folder: inout SourceFolder) throws -> Files {
    Files(file: try folder.csv("dares_psm_tensions"))
  }

  static func write(_ files: Files, into db: Database) throws -> ImportReport {
    try db.execute(sql: "DELETE FROM hiring_tension")
    let file = files.file
    var report = ImportReport(
      dataset: .tensions, source: ReferenceDataset.tensions.source, version: "")
    let c = try file.columns("fap", "Catégorie Tension", "Année", "niveau_geo", "reg", "dep")
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO hiring_tension(fap_code, year, area_level, area, category) VALUES (?, ?, ?, ?, ?)
        """)
    var years: Set<Int> = []
    var departements = 0
    for record in file.records {
      let year = try file.integer(record, column: c[2], "année")
      let level = record[c[3]].trimmingCharacters(in: .whitespaces)
      let area: String
      switch level {
      case "nat": area = ""
      // `84.0` in the file.
      case "reg": area = record[c[4]].split(separator: ".").first.map(String.init) ?? ""
      case "dep": area = record[c[5]]
      default:
        throw file.error(
          record, column: c[3], "niveau géographique « \(level) » inconnu (nat, reg, dep)")
      }
      if level != "nat", area.isEmpty {
        throw file.error(record, column: level == "reg" ? c[4] : c[5], "zone absente")
      }
      let raw = record[c[1]]
      var category: Int?
      if !raw.isEmpty {
        guard let value = Double(raw), value.rounded() == value, (1...5).contains(Int(value)) else {
          throw file.error(
            record, column: c[1], "catégorie de tension « \(raw) » illisible (1 à 5)")
        }
        category = Int(value)
      }
      if level == "dep" { departements += 1 }
      years.insert(year)
      try file.guarded(record, column: c[0]) {
        try insert.execute(arguments: [record[c[0]], year, level, area, category])
      }
    }
    report.version = years.sorted().map(String.init).joined(separator: ", ")
    report.add("lignes", "indicateurs de tension", file.records.count)
    report.add("departements", "dont par département", departements)
    return report
  }
}
