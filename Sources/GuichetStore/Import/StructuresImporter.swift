import Foundation
import GRDB

/// Imports the Service-Public.fr directory of orientation structures (CIO, Missions locales, PIJ, …) and, when the
/// folder holds it, the same directory's other partners (APEC, MDPH, Agefiph, chambres de métiers, CCI), same format.
/// Feeds the structure part of the search index.
enum StructuresImporter {
  static func read(_ folder: inout SourceFolder) throws -> [CSVFile] {
    var files = [try folder.csv("annuaire")]
    if (try? folder.file("partenaires_annuaire")) != nil {
      files.append(try folder.csv("partenaires_annuaire"))
    }
    return files
  }

  static let source = "Service-Public.fr – annuaire (2019)"

  static func write(_ files: [CSVFile], into db: Database) throws -> ImportReport {
    try db.execute(sql: "DELETE FROM orientation_structure WHERE dataset = 'structures'")
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO orientation_structure(id, name, type_tag, email, address, postcode, city,
          departement, phone, fax, website, insee_code, source)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    var byType: [String: Int] = [:]
    var seen: [String: Int] = [:]
    var warnings: [String] = []
    for file in files {
      let c = try file.columns("id", "name", "request_email", "notes", "home_page", "tag_string")
      for record in file.records {
        let published = record[c[0]]
        guard !published.isEmpty else {
          throw file.error(record, column: c[0], "identifiant absent")
        }
        // The 2019 export repeats one id for two different services: both are kept, the second as `id#2`.
        let occurrence = (seen[published] ?? 0) + 1
        seen[published] = occurrence
        let id = occurrence > 1 ? "\(published)#\(occurrence)" : published
        if occurrence == 2 {
          warnings.append(
            "identifiant « \(published) » en double : les deux structures sont gardées")
        }
        let notes = StructureNotes.parse(ImportText.label(record[c[3]]))
        let tag = record[c[5]]
        byType[tag, default: 0] += 1
        let departement = notes.postcode.map { postcode in
          // Corsica aside (not in this region), the département is the first two digits.
          String(postcode.prefix(2))
        }
        // The id holds the commune's INSEE code: « cio-01004-01 ».
        let parts = published.split(separator: "-")
        let insee =
          parts.count >= 3 && parts[1].count == 5 && parts[1].allSatisfy(\.isNumber)
          ? String(parts[1]) : nil
        try file.guarded(record, column: c[0]) {
          try insert.execute(arguments: [
            id, ImportText.label(record[c[1]]), tag, ImportText.optional(record[c[2]]),
            notes.address, notes.postcode, notes.city, departement, notes.phone, notes.fax,
            ImportText.optional(record[c[4]]), insee, source,
          ])
        }
      }
    }
    var report = ImportReport(
      dataset: .structures, source: ReferenceDataset.structures.source, version: "2019",
      warnings: warnings)
    report.add("structures", "structures", files.reduce(0) { $0 + $1.records.count })
    for (tag, count) in byType.sorted(by: {
      $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
    }) {
      report.add("type_\(tag)", "dont \(StructureType.label(forTag: tag) ?? tag)", count)
    }
    try SearchIndex.rebuild(.structure, in: db)
    return report
  }
}
