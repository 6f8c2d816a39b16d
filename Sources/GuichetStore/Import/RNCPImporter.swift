import Foundation
import GRDB

/// Imports the RNCP export (Windows-1252, `;`): certifications, their succession links, NSF domains and ROME links.
/// The export has one row per certification and successor fiche, so a code can appear on several rows:
/// the certification is stored once, each row's old/new fiche link is kept.
enum RNCPImporter {
  struct Files {
    var version: String
    var info: CSVFile
    var rome: CSVFile
    var nsf: CSVFile
  }

  static func read(_ folder: inout SourceFolder) throws -> Files {
    let infoURL = try folder.file("rncp_info")
    var version = ""
    if let range = infoURL.lastPathComponent.range(
      of: #"v\d+(\.\d+)*"#, options: .regularExpression)
    {
      version = String(infoURL.lastPathComponent[range])
    }
    return Files(
      version: version, info: try CSVFile.read(infoURL), rome: try folder.csv("rncp_rome"),
      nsf: try folder.csv("rncp_nsf"))
  }

  static func write(_ files: Files, into db: Database) throws -> ImportReport {
    for table in [
      "certification", "certification_succession", "nsf_domain", "certification_nsf",
      "certification_occupation",
    ] {
      try db.execute(sql: "DELETE FROM \(table)")
    }
    var report = ImportReport(
      dataset: .rncp, source: ReferenceDataset.rncp.source, version: files.version)
    let (rows, activeRows) = try writeInfo(files.info, db)
    report.add("fiches", "fiches RNCP (lignes)", rows)
    report.add("fiches_actives", "dont actives", activeRows)
    report.add("certifications", "certifications distinctes", try db.scalarCount("certification"))
    report.add(
      "certifications_actives", "certifications distinctes actives",
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM certification WHERE is_active") ?? 0)
    report.add("liens_rome", "liens RNCP ↔ ROME", try writeRome(files.rome, db))
    report.add("liens_nsf", "liens RNCP → NSF (distincts)", try writeNSF(files.nsf, db))
    report.add("domaines_nsf", "domaines NSF", try db.scalarCount("nsf_domain"))
    try SearchIndex.rebuild(.certification, in: db)
    return report
  }

  private static func writeInfo(_ file: CSVFile, _ db: Database) throws -> (Int, Int) {
    let c = try file.columns(
      "CodeRNCP", "intituleDiplome", "date_fin_validite_enregistrement", "ActiveInactive",
      "EtatFiche", "NiveauEurope", "CodeTypeCertif", "TypeCertif", "AncienneFiche",
      "NouvelleFiche", "TypeEnregistrement")
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO certification(code, title, level, type_code, type_label, is_active, status,
          end_date, registration)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(code) DO NOTHING
        """)
    let insertSuccession = try db.makeStatement(
      sql: """
        INSERT OR IGNORE INTO certification_succession(code, previous_code, next_code)
        VALUES (?, ?, ?)
        """)
    var active = 0
    for record in file.records {
      let code = record[c[0]]
      guard !code.isEmpty else { throw file.error(record, column: c[0], "code RNCP absent") }
      let status = record[c[3]].uppercased()
      guard status == "ACTIVE" || status == "INACTIVE" else {
        throw file.error(record, column: c[3], "état « \(record[c[3]]) » inconnu (ACTIVE/INACTIVE)")
      }
      if status == "ACTIVE" { active += 1 }
      let rawDate = record[c[2]]
      let endDate = RNCPDate.iso(rawDate)
      if !rawDate.isEmpty, endDate == nil {
        throw file.error(record, column: c[2], "date de fin illisible « \(rawDate) »")
      }
      try file.guarded(record, column: c[0]) {
        try insert.execute(arguments: [
          code, ImportText.label(record[c[1]]), level(record[c[5]]),
          ImportText.optional(record[c[6]]), ImportText.optional(record[c[7]]),
          status == "ACTIVE", ImportText.optional(record[c[4]]), endDate,
          ImportText.optional(record[c[10]]),
        ])
        let previous = record[c[8]]
        let next = record[c[9]]
        if !previous.isEmpty || !next.isEmpty {
          try insertSuccession.execute(arguments: [code, previous, next])
        }
      }
    }
    return (file.records.count, active)
  }

  /// `niveau5` → 5.
  static func level(_ raw: String) -> Int? {
    Int(raw.filter(\.isNumber))
  }

  private static func writeRome(_ file: CSVFile, _ db: Database) throws -> Int {
    let c = try file.columns("CodeRNCP", "Rome", "libelle")
    let insert = try db.makeStatement(
      sql: """
        INSERT OR IGNORE INTO certification_occupation(code_rncp, code_rome, rome_label)
        VALUES (?, ?, ?)
        """)
    for record in file.records {
      try file.guarded(record, column: c[0]) {
        try insert.execute(arguments: [
          record[c[0]], record[c[1]], ImportText.label(record[c[2]]),
        ])
      }
    }
    return try db.scalarCount("certification_occupation")
  }

  private static func writeNSF(_ file: CSVFile, _ db: Database) throws -> Int {
    let c = try file.columns("CodeRNCP", "code", "Libelle")
    let insertDomain = try db.makeStatement(
      sql: "INSERT OR IGNORE INTO nsf_domain(code, label) VALUES (?, ?)")
    let insertLink = try db.makeStatement(
      sql: "INSERT OR IGNORE INTO certification_nsf(code_rncp, nsf_code) VALUES (?, ?)")
    for record in file.records where !record[c[1]].isEmpty {
      try file.guarded(record, column: c[0]) {
        try insertDomain.execute(arguments: [record[c[1]], ImportText.label(record[c[2]])])
        try insertLink.execute(arguments: [record[c[0]], record[c[1]]])
      }
    }
    return try db.scalarCount("certification_nsf")
  }
}
