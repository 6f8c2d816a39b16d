import Foundation
import GRDB
import Testing

@testable import GuichetStore

/// A bad file changes nothing, says where the defect is, and a good re-import replaces the previous version.
@Suite("Import failures and re-imports")
struct ImportFailureTests {
  /// Inserts `text` at the start of field `column` (1-based; 0 for the end of the line) of line `line` (1-based)
  /// of an unquoted part of a `;` or `,` file.
  private func corrupt(_ file: URL, line: Int, column: Int, insert text: String) throws {
    var bytes = [UInt8](try Data(contentsOf: file))
    var index = 0
    var currentLine = 1
    while currentLine < line {
      if bytes[index] == UInt8(ascii: "\n") { currentLine += 1 }
      index += 1
    }
    if column == 0 {
      // End of the line (before `\r\n` or `\n`), i.e. at the end of the last field.
      while bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
    } else {
      var currentColumn = 1
      while currentColumn < column {
        if bytes[index] == UInt8(ascii: ";") || bytes[index] == UInt8(ascii: ",") {
          currentColumn += 1
        }
        index += 1
      }
    }
    bytes.insert(contentsOf: Array(text.utf8), at: index)
    try Data(bytes).write(to: file)
  }

  private func snapshot(_ queue: DatabaseQueue, _ tables: [String]) throws -> [String: Int] {
    try queue.read { db in
      var counts: [String: Int] = [:]
      for table in tables { counts[table] = try db.scalarCount(table) }
      counts["dataset"] = try db.scalarCount("dataset")
      return counts
    }
  }

  @Test func unclosedQuoteRejectsTheWholeRNCPImportAndKeepsThePreviousData() throws {
    let queue = try ReferenceFixture.emptyDatabase()
    let real = ReferenceFixture.dataFolder.appendingPathComponent("rncp-2021")
    _ = try ReferenceImporter.importDataset(.rncp, from: real, into: queue)
    let tables = [
      "certification", "certification_occupation", "certification_nsf", "search_certification",
    ]
    let before = try snapshot(queue, tables)
    let recordedBefore = try queue.read { db in try DatasetRecord.all(db) }
    #expect(before["certification_occupation"] == 45165)

    let broken = try ReferenceFixture.copyOfFolder("rncp-2021")
    defer { try? FileManager.default.removeItem(at: broken) }
    try corrupt(
      broken.appendingPathComponent("rncp_rome.v1.4.csv"), line: 120, column: 4, insert: "\"")
    do {
      _ = try ReferenceImporter.importDataset(.rncp, from: broken, into: queue)
      Issue.record("a file with an unclosed quote must be refused")
    } catch let error as ImportError {
      #expect(
        error.description
          == "fichier rncp_rome.v1.4.csv, ligne 120, colonne 4 : guillemet non fermé "
          + "(fichier tronqué, ou guillemet en trop)")
    }
    #expect(try snapshot(queue, tables) == before)
    #expect(try queue.read { db in try DatasetRecord.all(db) } == recordedBefore)
    let hits = try queue.read { db in
      try ReferenceSearch.search("metiers de la pierre", kind: .certification, in: db)
    }
    #expect(hits.first?.code == "RNCP32230")
  }

  @Test func unreadableFigureRejectsTheImportWithLineAndColumn() throws {
    let queue = try ReferenceFixture.emptyDatabase()
    let real = ReferenceFixture.dataFolder.appendingPathComponent("labour")
    _ = try ReferenceImporter.importDataset(.bmo, from: real, into: queue)
    let before = try snapshot(queue, ["bmo", "fap2021"])

    let broken = try ReferenceFixture.copyOfFolder("labour")
    defer { try? FileManager.default.removeItem(at: broken) }
    try corrupt(
      broken.appendingPathComponent("bmo2024_auvergne_rhone_alpes.csv"), line: 5000, column: 0,
      insert: " environ")
    #expect {
      try ReferenceImporter.importDataset(.bmo, from: broken, into: queue)
    } throws: { error in
      let text = "\(error)"
      return text.hasPrefix(
        "fichier bmo2024_auvergne_rhone_alpes.csv, ligne 5000, colonne 14 : nombre illisible")
    }
    #expect(try snapshot(queue, ["bmo", "fap2021"]) == before)
  }

  @Test func missingFileIsNamed() throws {
    let queue = try ReferenceFixture.emptyDatabase()
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-empty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: empty) }
    #expect {
      try ReferenceImporter.importDataset(.structures, from: empty, into: queue)
    } throws: { error in
      "\(error)".hasPrefix("dossier ") && "\(error)".contains("fichier « annuaire….csv » absent")
    }
    #expect(try queue.read { db in try db.scalarCount("dataset") } == 0)
  }

  @Test func reImportReplacesTheDatasetInsteadOfAddingToIt() throws {
    let queue = try ReferenceFixture.emptyDatabase()
    let folder = ReferenceFixture.dataFolder
    let tables = [
      "orientation_structure", "search_structure", "grand_domain", "professional_domain", "bmo",
      "fap2021",
    ]
    var reports: [[ImportReport]] = []
    var snapshots: [[String: Int]] = []
    for _ in 0..<2 {
      reports.append(
        try ReferenceImporter.importAll(
          from: folder, datasets: [.structures, .romeTree, .bmo], into: queue))
      snapshots.append(try snapshot(queue, tables))
    }
    #expect(snapshots[0] == snapshots[1])
    // The orientation directory and its partners (APEC, MDPH…), 244 + 34.
    #expect(snapshots[1]["orientation_structure"] == 278)
    #expect(snapshots[1]["search_structure"] == 278)
    #expect(snapshots[1]["grand_domain"] == 14)
    #expect(snapshots[1]["professional_domain"] == 110)
    #expect(snapshots[1]["dataset"] == 3)
    #expect(reports[0].map(\.counts) == reports[1].map(\.counts))
  }
}
