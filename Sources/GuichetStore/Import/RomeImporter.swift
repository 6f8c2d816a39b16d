import Foundation
import GRDB

/// Imports the ROME 4.0 folder: fiches, job titles, fiche texts (prose, import only), mobility links,
/// interest areas and activity sectors. Feeds the métier part of the search index.
enum RomeImporter {
  struct Files {
    var version: String
    var fiches: CSVFile
    var titles: CSVFile
    /// Absent from the bundled dataset, which holds no prose.
    var texts: CSVFile?
    var mobility: CSVFile
    var interests: CSVFile
    var interestLinks: CSVFile
    var sectors: [SectorNode]
  }

  struct SectorNode {
    var code: Int
    var label: String
    var parent: Int?
    var definition: String?
    var codes: [String]
  }

  static func read(_ folder: inout SourceFolder) throws -> Files {
    try read(&folder, texts: true)
  }

  /// `texts: false` reads the folder without the fiche texts (the bundled default dataset).
  static func read(_ folder: inout SourceFolder, texts: Bool) throws -> Files {
    let fichesURL = try folder.file("unix_referentiel_code_rome_")
    return Files(
      version: version(fromFileName: fichesURL.lastPathComponent),
      fiches: try CSVFile.read(fichesURL),
      titles: try folder.csv("unix_referentiel_appellation_"),
      texts: texts ? try folder.csv("unix_texte_") : nil,
      mobility: try folder.csv("unix_rubrique_mobilite_"),
      interests: try folder.csv("unix_centre_interet_"),
      interestLinks: try folder.csv("unix_arborescence_centre_interet_"),
      sectors: try sectors(folder.file("unix_arborescence_secteur_activite_", suffix: ".json")))
  }

  /// `…_v460_…` → « v4.60 ».
  static func version(fromFileName name: String) -> String {
    guard let range = name.range(of: #"_v\d{3,}"#, options: .regularExpression) else { return "" }
    let digits = name[range].dropFirst(2)
    return "v\(digits.prefix(1)).\(digits.dropFirst())"
  }

  static func write(_ files: Files, into db: Database) throws -> ImportReport {
    for table in [
      "occupation", "job_title", "occupation_text", "occupation_mobility", "interest_area",
      "occupation_interest", "activity_sector", "occupation_sector",
    ] {
      try db.execute(sql: "DELETE FROM \(table)")
    }
    var report = ImportReport(
      dataset: .rome, source: "\(ReferenceDataset.rome.source) (\(files.version))",
      version: files.version)
    report.add("fiches", "fiches métier", try writeFiches(files.fiches, db))
    let (titles, main) = try writeTitles(files.titles, db)
    report.add("appellations", "appellations", titles)
    report.add("appellations_principales", "dont principales", main)
    if let texts = files.texts {
      report.add("textes", "phrases de texte (définition, accès)", try writeTexts(texts, db))
    }
    report.add("mobilites", "liens de mobilité", try writeMobility(files.mobility, db))
    report.add("centres_interet", "centres d’intérêt", try writeInterests(files, db))
    report.add(
      "liens_centres_interet", "liens centre d’intérêt → métier",
      try db.scalarCount("occupation_interest"))
    report.add("secteurs", "secteurs et sous-secteurs", try writeSectors(files.sectors, db))
    try SearchIndex.rebuild(.occupation, in: db)
    // The certification index takes the feminine forms of job words from the ROME titles.
    try SearchIndex.rebuild(.certification, in: db)
    return report
  }

  private static func writeFiches(_ file: CSVFile, _ db: Database) throws -> Int {
    let c = try file.columns(
      "code_rome", "libelle_rome", "code_rome_parent", "code_fiche_metier", "code_ogr",
      "transition_eco", "transition_num", "transition_demo", "emploi_reglemente", "emploi_cadre")
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO occupation(code, title, parent_code, fiche_code, ogr_code, transition_eco,
          transition_num, transition_demo, regulated, cadre)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for record in file.records {
      try file.guarded(record, column: c[0]) {
        try insert.execute(arguments: [
          record[c[0]], ImportText.label(record[c[1]]), record[c[2]],
          ImportText.optional(record[c[3]]), ImportText.optional(record[c[4]]),
          ImportText.optional(record[c[5]]), ImportText.flag(record[c[6]]),
          ImportText.flag(record[c[7]]), ImportText.flag(record[c[8]]),
          ImportText.flag(record[c[9]]),
        ])
      }
    }
    return file.records.count
  }

  private static func writeTitles(_ file: CSVFile, _ db: Database) throws -> (Int, Int) {
    let c = try file.columns(
      "code_ogr", "code_rome", "libelle_appellation_long", "libelle_appellation_court",
      "classification", "peu_usite", "transition_eco", "transition_num", "transition_demo",
      "emploi_reglemente", "emploi_cadre")
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO job_title(ogr_code, code_rome, label, short_label, masculine, feminine, is_main,
          rarely_used, transition_eco, transition_num, transition_demo, regulated, cadre)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    var main = 0
    for record in file.records {
      let label = ImportText.label(record[c[2]])
      let forms = JobTitleForms.split(label)
      let isMain = record[c[4]].uppercased() == "PRINCIPALE"
      if isMain { main += 1 }
      try file.guarded(record, column: c[0]) {
        try insert.execute(arguments: [
          record[c[0]], record[c[1]], label, ImportText.label(record[c[3]]), forms.masculine,
          forms.feminine, isMain, ImportText.flag(record[c[5]]) ?? false,
          ImportText.optional(record[c[6]]), ImportText.flag(record[c[7]]),
          ImportText.flag(record[c[8]]), ImportText.flag(record[c[9]]),
          ImportText.flag(record[c[10]]),
        ])
      }
    }
    return (file.records.count, main)
  }

  private static func writeTexts(_ file: CSVFile, _ db: Database) throws -> Int {
    let c = try file.columns("code_rome", "libelle_type_texte", "position_phrase", "libelle_texte")
    let insert = try db.makeStatement(
      sql: "INSERT INTO occupation_text(code_rome, kind, position, text) VALUES (?, ?, ?, ?)")
    for record in file.records {
      let position = try file.integer(record, column: c[2], "numéro de phrase")
      try file.guarded(record, column: c[0]) {
        try insert.execute(arguments: [
          record[c[0]], record[c[1]], position, ImportText.prose(record[c[3]]),
        ])
      }
    }
    return file.records.count
  }

  private static func writeMobility(_ file: CSVFile, _ db: Database) throws -> Int {
    let c = try file.columns("code_rome", "code_rome_cible", "numero_ordre")
    let insert = try db.makeStatement(
      sql: "INSERT INTO occupation_mobility(code_rome, target_code, position) VALUES (?, ?, ?)")
    for record in file.records {
      let position = try file.integer(record, column: c[2], "numéro d’ordre")
      try file.guarded(record, column: c[0]) {
        try insert.execute(arguments: [record[c[0]], record[c[1]], position])
      }
    }
    return file.records.count
  }

  private static func writeInterests(_ files: Files, _ db: Database) throws -> Int {
    let areas = files.interests
    let a = try areas.columns(
      "code_centre_interet", "libelle_centre_interet", "definition_centre_interet")
    let insertArea = try db.makeStatement(
      sql: "INSERT INTO interest_area(code, label, definition) VALUES (?, ?, ?)")
    for record in areas.records {
      let code = try areas.integer(record, column: a[0], "code de centre d’intérêt")
      try areas.guarded(record, column: a[0]) {
        try insertArea.execute(arguments: [
          code, ImportText.label(record[a[1]]), ImportText.optionalProse(record[a[2]]),
        ])
      }
    }
    let links = files.interestLinks
    let l = try links.columns("code_centre_interet", "code_rome", "principal")
    let insertLink = try db.makeStatement(
      sql: "INSERT INTO occupation_interest(interest_code, code_rome, is_main) VALUES (?, ?, ?)")
    for record in links.records {
      let code = try links.integer(record, column: l[0], "code de centre d’intérêt")
      try links.guarded(record, column: l[0]) {
        try insertLink.execute(arguments: [
          code, record[l[1]], ImportText.flag(record[l[2]]) ?? false,
        ])
      }
    }
    return areas.records.count
  }

  private static func writeSectors(_ sectors: [SectorNode], _ db: Database) throws -> Int {
    let insertSector = try db.makeStatement(
      sql: "INSERT INTO activity_sector(code, label, parent_code, definition) VALUES (?, ?, ?, ?)")
    let insertLink = try db.makeStatement(
      sql: "INSERT OR IGNORE INTO occupation_sector(sector_code, code_rome) VALUES (?, ?)")
    for sector in sectors {
      try insertSector.execute(arguments: [
        sector.code, sector.label, sector.parent, sector.definition,
      ])
      for code in sector.codes {
        try insertLink.execute(arguments: [sector.code, code])
      }
    }
    return sectors.count
  }

  /// The sector tree JSON, flattened; its `¿` stand for `’` and are repaired by `ImportText`.
  static func sectors(_ url: URL) throws -> [SectorNode] {
    struct Metier: Decodable { var codeRome: String }
    struct SubSector: Decodable {
      var codeSousSecteur: Int
      var libelle: String
      var definition: String?
      var listeMetier: [Metier]?
    }
    struct Sector: Decodable {
      var codeSecteur: Int
      var libelle: String
      var definition: String?
      var listeSousSecteur: [SubSector]?
      var listeMetier: [Metier]?
    }
    struct Tree: Decodable { var arboSecteur: [Sector] }
    let tree = try JSONSource.decode(Tree.self, from: url)
    var nodes: [SectorNode] = []
    for sector in tree.arboSecteur {
      nodes.append(
        SectorNode(
          code: sector.codeSecteur, label: ImportText.label(sector.libelle), parent: nil,
          definition: sector.definition.flatMap(ImportText.optional),
          codes: (sector.listeMetier ?? []).map(\.codeRome)))
      for sub in sector.listeSousSecteur ?? [] {
        nodes.append(
          SectorNode(
            code: sub.codeSousSecteur, label: ImportText.label(sub.libelle),
            parent: sector.codeSecteur, definition: sub.definition.flatMap(ImportText.optional),
            codes: (sub.listeMetier ?? []).map(\.codeRome)))
      }
    }
    return nodes
  }
}
