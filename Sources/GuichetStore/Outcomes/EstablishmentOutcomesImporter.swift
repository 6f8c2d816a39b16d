import Foundation
import GRDB

/// Imports InserJeunes by establishment (DEPP-DARES, one millésime): the lycées' file (voie professionnelle,
/// rows for all leavers and for some the apprentices and pupils apart) and the CFA file, keyed by UAI. The
/// files pool all the establishment's diplomas: no diploma code exists in them. Only the region's rows are kept.
/// `nd` (not published) stays NULL, never 0. Unlike the data README says, the published files carry no BOM
/// (UTF-8, `;`, CRLF); the reader takes them with or without one.
enum EstablishmentOutcomesImporter {
  /// The `Région` column's spelling of Auvergne-Rhône-Alpes.
  static let region = "AUVERGNE-RHONE-ALPES"

  struct Files {
    var lycees: CSVFile
    var cfas: CSVFile
    /// `2022_2023`, from the file names (the files have no millésime column).
    var millesime: String
  }

  static func read(_ folder: inout SourceFolder) throws -> Files {
    let lycees = try folder.file("inserjeunes_etablissements", suffix: "_voie_pro.csv")
    let cfas = try folder.file("inserjeunes_etablissements", suffix: "_apprentissage.csv")
    guard let match = lycees.lastPathComponent.firstMatch(of: /(\d{4})-(\d{4})/) else {
      throw ImportError(
        file: lycees.lastPathComponent,
        message: "millésime absent du nom du fichier (attendu …_2022-2023_voie_pro.csv)")
    }
    return Files(
      lycees: try CSVFile.read(lycees), cfas: try CSVFile.read(cfas),
      millesime: "\(match.1)_\(match.2)")
  }

  static func write(_ files: Files, into db: Database) throws -> ImportReport {
    try db.execute(sql: "DELETE FROM establishment_outcome")
    var report = ImportReport(
      dataset: .establishments, source: ReferenceDataset.establishments.source,
      version: files.millesime.replacingOccurrences(of: "_", with: "-"))
    let lycees = try write(files.lycees, kind: "lycee", millesime: files.millesime, db)
    report.add("lycees", "lignes lycées (voie professionnelle)", files.lycees.records.count)
    report.add("lycees_region", "dont Auvergne-Rhône-Alpes", lycees)
    let cfas = try write(files.cfas, kind: "cfa", millesime: files.millesime, db)
    report.add("cfa", "lignes CFA (apprentissage)", files.cfas.records.count)
    report.add("cfa_region", "dont Auvergne-Rhône-Alpes", cfas)
    report.add(
      "etablissements", "établissements de la région",
      try Int.fetchOne(db, sql: "SELECT count(DISTINCT uai) FROM establishment_outcome") ?? 0)
    return report
  }

  /// The lycées' population column; the CFA file has none (all its leavers).
  static let populations = [
    "ensemble": "ensemble", "dont apprentis": "apprentis",
    "dont élèves en voie pro sco": "scolaires",
  ]

  /// Writes the region's rows of one file and returns how many.
  private static func write(_ file: CSVFile, kind: String, millesime: String, _ db: Database) throws
    -> Int
  {
    let c = try file.columns(
      "n°UAI de l'établissement", "Libellé de l'établissement", "Région",
      "Taux de poursuite d'études", "Taux", "Taux attendu", "Valeur ajoutée",
      "Part en poursuite d'études", "Part en emploi 6 mois après la sortie",
      "Part des autres situations")
    let population = kind == "lycee" ? try file.column("Dont apprentis en EPLE") : nil
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO establishment_outcome (uai, kind, population, name, millesime, rate_continuing,
          rate_employed_6, rate_expected, value_added, share_continuing, share_employed_6, share_other)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    var written = 0
    for record in file.records {
      let uai = record[c[0]]
      guard uai.wholeMatch(of: /\d{7}[A-Z]/) != nil else {
        throw file.error(
          record, column: c[0], "code UAI illisible « \(uai) » (7 chiffres et une lettre)")
      }
      var group = "ensemble"
      if let population {
        guard let known = populations[record[population]] else {
          throw file.error(
            record, column: population,
            "population « \(record[population]) » inconnue (ensemble, dont apprentis, dont élèves en voie pro sco)"
          )
        }
        group = known
      }
      var figures: [Int?] = []
      for column in c[3...] {
        let raw = record[column]
        // `nd`: not published (too few leavers), kept as such.
        if raw == "nd" {
          figures.append(nil)
          continue
        }
        let isValueAdded = column == c[6]
        guard let value = Int(raw), isValueAdded ? abs(value) <= 100 : (0...100).contains(value)
        else {
          throw file.error(
            record, column: column,
            "nombre illisible « \(raw) » (attendu \(isValueAdded ? "un écart en points" : "un taux de 0 à 100") ou nd)"
          )
        }
        figures.append(value)
      }
      guard record[c[2]] == region else { continue }
      let name = ImportText.label(record[c[1]])
      guard !name.isEmpty else {
        throw file.error(record, column: c[1], "libellé de l'établissement absent")
      }
      try file.guarded(record, column: c[0]) {
        let values: [(any DatabaseValueConvertible)?] =
          [uai, kind, group, name, millesime] + figures
        try insert.execute(arguments: StatementArguments(values))
      }
      written += 1
    }
    return written
  }
}
