import Foundation
import GRDB
import GuichetCore

/// Imports the Rhône-Alpes bassins and communes into the desk schema's `bassin` and `commune` tables, through the
/// same loader as the bundled territories, so territories an administrator defined are kept.
/// Commune names come from the Insee file; BMO rows whose commune code no longer exists are counted and reported.
enum TerritoriesImporter {
  /// The eight Rhône-Alpes départements, as the BMO file writes them (no leading zero).
  static let departements: Set<String> = ["1", "7", "26", "38", "42", "69", "73", "74"]

  struct Files {
    var bassins: CSVFile
    var communes: CSVFile
  }

  static func read(_ folder: inout SourceFolder) throws -> Files {
    Files(
      bassins: try folder.csv("bmo_bassin_emploi_communes"),
      communes: try folder.csv("insee_ze2020_communes"))
  }

  static func write(_ files: Files, into db: Database) throws -> ImportReport {
    let names = try inseeNames(files.communes)
    let file = files.bassins
    let c = try file.columns("dep", "code_commune_insee", "code_bassin_BMO", "lib_bassin_BMO")
    var bassinLabels: [String: String] = [:]
    var communes: [Commune] = []
    var unnamed: [String] = []
    var rows = 0
    for record in file.records where departements.contains(record[c[0]]) {
      rows += 1
      let insee = record[c[1]]
      let bassin = record[c[2]]
      guard !insee.isEmpty, !bassin.isEmpty else {
        throw file.error(record, column: insee.isEmpty ? c[1] : c[2], "code absent")
      }
      bassinLabels[bassin] = ImportText.label(record[c[3]])
      if let name = names[insee] {
        communes.append(Commune(inseeCode: insee, name: name, bassinCode: bassin))
      } else {
        unnamed.append(insee)
      }
    }
    // Keep the readable names already known (bundled or set by an administrator); new bassins get a readable form of the BMO label.
    let known = try Dictionary(
      Row.fetchAll(db, sql: "SELECT code, name FROM bassin").map {
        ($0["code"] as String, $0["name"] as String)
      }, uniquingKeysWith: { first, _ in first })
    let bassins = bassinLabels.keys.sorted().map { code in
      Bassin(code: code, name: known[code] ?? readable(bassinLabels[code] ?? code))
    }
    try TerritoryLoader.load(
      TerritoryBundle.Contents(bassins: bassins, communes: communes), into: db)

    var report = ImportReport(
      dataset: .territories, source: ReferenceDataset.territories.source,
      version: "ZE2020, géographie 2022")
    report.add("bassins", "bassins d’emploi (Rhône-Alpes)", bassins.count)
    report.add("lignes_communes", "lignes commune → bassin", rows)
    report.add("communes", "communes nommées", communes.count)
    report.add("communes_sans_nom", "codes commune absents de la géographie 2022", unnamed.count)
    if !unnamed.isEmpty {
      report.warnings.append(
        "\(unnamed.count) codes commune du fichier BMO n’existent plus en 2022 (communes fusionnées, arrondissements) "
          + "et n’ont pas de nom : \(unnamed.prefix(5).joined(separator: ", "))…")
    }
    return report
  }

  private static func inseeNames(_ file: CSVFile) throws -> [String: String] {
    let c = try file.columns("CODGEO", "LIBGEO")
    var names: [String: String] = [:]
    for record in file.records {
      names[record[c[0]]] = ImportText.label(record[c[1]])
    }
    return names
  }

  /// « VALLEE DE L ARVE » → « Vallee de l'Arve » (accents cannot be guessed; the bundle's names have them).
  static func readable(_ label: String) -> String {
    let particles: Set<String> = [
      "de", "du", "des", "la", "le", "les", "en", "sur", "sous", "et", "l", "d",
    ]
    let words = label.lowercased().split(separator: " ").enumerated().map { index, word in
      index > 0 && particles.contains(String(word)) ? String(word) : word.capitalized
    }
    return words.joined(separator: " ").replacingOccurrences(of: " l ", with: " l'")
      .replacingOccurrences(of: " d ", with: " d'").replacingOccurrences(of: "' ", with: "'")
  }
}
