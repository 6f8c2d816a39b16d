import Foundation
import GRDB

/// Imports the Service-Public.fr directory of orientation structures (CIO, Missions locales, PIJ, …).
/// Feeds the structure part of the search index.
enum StructuresImporter {
  static func read(_ folder: inout SourceFolder) throws -> CSVFile {
    try folder.csv("annuaire")
  }

  static func write(_ file: CSVFile, into db: Database) throws -> ImportReport {
    try db.execute(sql: "DELETE FROM orientation_structure")
    let c = try file.columns("id", "name", "request_email", "notes", "home_page", "tag_string")
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO orientation_structure(id, name, type_tag, email, address, postcode, city,
          departement, phone, fax, website)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    var byType: [String: Int] = [:]
    var seen: [String: Int] = [:]
    var warnings: [String] = []
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
        warnings.append("identifiant « \(published) » en double : les deux structures sont gardées")
      }
      let notes = StructureNotes.parse(ImportText.label(record[c[3]]))
      let tag = record[c[5]]
      byType[tag, default: 0] += 1
      let departement = notes.postcode.map { postcode in
        // Corsica aside (not in this region), the département is the first two digits.
        String(postcode.prefix(2))
      }
      try file.guarded(record, column: c[0]) {
        try insert.execute(arguments: [
          id, ImportText.label(record[c[1]]), tag, ImportText.optional(record[c[2]]),
          notes.address, notes.postcode, notes.city, departement, notes.phone, notes.fax,
          ImportText.optional(record[c[4]]),
        ])
      }
    }
    var report = ImportReport(
      dataset: .structures, source: ReferenceDataset.structures.source, version: "2019",
      warnings: warnings)
    report.add("structures", "structures", file.records.count)
    for (tag, count) in byType.sorted(by: {
      $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
    }) {
      report.add("type_\(tag)", "dont \(StructureType.label(forTag: tag) ?? tag)", count)
    }
    try SearchIndex.rebuild(.structure, in: db)
    return report
  }
}
