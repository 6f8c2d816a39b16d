import Foundation
import GRDB

/// Imports InserJeunes (DEPP-DARES) outcomes by region × diploma × voie × millésime, and the BCN table N_MEF that
/// brings the school rows (`mefstat11`) to their diploma code (CFD). An empty rate is statistical secrecy (under 20
/// leavers): it stays NULL, never 0 and never recomputed from the counts.
enum InserJeunesImporter {
  /// Auvergne-Rhône-Alpes, the region the fiches show.
  static let region = "84"

  struct Files {
    var outcomes: CSVFile
    var mef: CSVFile
  }

  static func read(_ folder: inout SourceFolder) throws -> Files {
    Files(outcomes: try folder.csv("inserjeunes_regions"), mef: try folder.csv("bcn_n_mef"))
  }

  static func write(_ files: Files, into db: Database) throws -> ImportReport {
    try db.execute(sql: "DELETE FROM diploma_outcome; DELETE FROM mef_diploma;")
    var report = ImportReport(
      dataset: .inserjeunes, source: ReferenceDataset.inserjeunes.source, version: "")
    let (rows, regional, millesimes) = try writeOutcomes(files.outcomes, db)
    report.version =
      millesimes.sorted().last.map { $0.replacingOccurrences(of: "_", with: "-") } ?? ""
    report.add("lignes", "lignes InserJeunes", rows)
    report.add("lignes_region", "dont Auvergne-Rhône-Alpes", regional)
    report.add("mef", "lignes BCN N_MEF", try writeMEF(files.mef, db))
    return report
  }

  private static func writeOutcomes(_ file: CSVFile, _ db: Database) throws -> (
    Int, Int, Set<String>
  ) {
    let c = try file.columns(
      "id", "millesime", "code_region", "voie", "cfd", "mefstat11", "nb_annee_term", "nb_sortant",
      "taux_emploi_6_mois", "taux_emploi_12_mois", "taux_emploi_24_mois", "taux_poursuite_etudes")
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO diploma_outcome(id, millesime, region, voie, cfd, mefstat11, final_year, leavers,
          rate_employed_6, rate_employed_12, rate_employed_24, rate_continuing)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    var regional = 0
    var millesimes: Set<String> = []
    for record in file.records {
      let millesime = record[c[1]]
      guard millesime.wholeMatch(of: /\d{4}_\d{4}/) != nil else {
        throw file.error(
          record, column: c[1], "millésime illisible « \(millesime) » (attendu 2022_2023)")
      }
      let voie = record[c[3]]
      guard voie == "scolaire" || voie == "apprentissage" else {
        throw file.error(
          record, column: c[3], "voie « \(voie) » inconnue (scolaire ou apprentissage)")
      }
      let cfd = ImportText.optional(record[c[4]])
      let mef = ImportText.optional(record[c[5]])
      guard cfd != nil || mef != nil else {
        throw file.error(
          record, column: c[4], "ni code diplôme (cfd) ni mefstat11 : ligne sans diplôme")
      }
      var figures: [Int?] = []
      for column in c[6...] {
        let raw = record[column]
        if raw.isEmpty {
          figures.append(nil)
        } else if let value = Int(raw), value >= 0 {
          figures.append(value)
        } else {
          throw file.error(record, column: column, "nombre illisible « \(raw) »")
        }
      }
      for (offset, column) in c[8...].enumerated() where (figures[offset + 2] ?? 0) > 100 {
        throw file.error(
          record, column: column, "taux de \(figures[offset + 2] ?? 0) % (au-delà de 100)")
      }
      if record[c[2]] == region { regional += 1 }
      millesimes.insert(millesime)
      try file.guarded(record, column: c[0]) {
        let values: [(any DatabaseValueConvertible)?] =
          [record[c[0]], millesime, record[c[2]], voie, cfd, mef] + figures
        try insert.execute(arguments: StatementArguments(values))
      }
    }
    return (file.records.count, regional, millesimes)
  }

  private static func writeMEF(_ file: CSVFile, _ db: Database) throws -> Int {
    let c = try file.columns("MEF_STAT_11", "FORMATION_DIPLOME")
    let insert = try db.makeStatement(
      sql: "INSERT OR IGNORE INTO mef_diploma(mefstat11, cfd) VALUES (?, ?)")
    for record in file.records {
      let mef = record[c[0]]
      let cfd = record[c[1]]
      // A MEF with no statistical code or no diploma reaches no InserJeunes row: nothing to keep.
      if mef.isEmpty || cfd.isEmpty { continue }
      guard mef.allSatisfy(isCodeCharacter), cfd.allSatisfy(isCodeCharacter) else {
        throw file.error(
          record, column: c[0], "code MEF « \(mef) » ou diplôme « \(cfd) » illisible")
      }
      try insert.execute(arguments: [mef, cfd])
    }
    return file.records.count
  }
}
