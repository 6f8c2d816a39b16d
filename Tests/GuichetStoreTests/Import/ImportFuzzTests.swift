import Foundation
import GRDB
import Testing

@testable import GuichetStore

/// Damaged copies of the real published files are refused with the file's name and the damaged line,
/// and the database keeps the previous import, untouched and usable.
@Suite("Import fuzzing")
struct ImportFuzzTests {
  @Test func everyDamagedFileIsRefusedAtItsLineAndChangesNothing() throws {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-import-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let path = scratch.appendingPathComponent("fuzz.sqlite").path
    let figures = try ImportFuzz.run(
      dataFolder: ReferenceFixture.dataFolder, databasePath: path, scratch: scratch,
      seed: 20_261_129, random: 8)

    #expect(figures.failures.isEmpty, "\(figures.failures.joined(separator: "\n"))")
    #expect(figures.rejectedWithLine == figures.tried)
    #expect(figures.databaseChanged == 0)
    // Every file the importers read, each with its named mutants, two on the full file and the random ones.
    #expect(figures.tried >= ImportFuzzTarget.all.count * 20, "\(figures.tried) mutants")
    for (kind, message) in figures.messages {
      #expect(message.hasPrefix("fichier "), "\(kind): \(message)")
      #expect(message.contains(", ligne "), "\(kind): \(message)")
      #expect(!message.contains("rror"), "\(kind): \(message)")
    }

    // The previous import is still there, recorded as imported, and answers.
    let database = try AppDatabase.open(path: path, bundledReference: false)
    let datasets = try database.referenceDatasets()
    #expect(Set(datasets.map(\.name)) == Set(ReferenceDataset.allCases.map(\.rawValue)))
    #expect(datasets.allSatisfy { !$0.bundled })
    let hits = try database.searchReference("boulanger", kind: .occupation, limit: 3)
    #expect(hits.first?.code == "D1102")
  }

  @Test func namedMutationsCoverEveryKindOfDamageOnEveryFile() throws {
    for target in ImportFuzzTarget.all {
      var bytes = [UInt8](
        try Data(
          contentsOf: ReferenceFixture.dataFolder.appendingPathComponent(
            target.dataset.defaultFolder
          ).appendingPathComponent(target.file)))
      // The first 300 lines are enough to find a place for every kind of damage.
      if !target.isJSON, let cut = bytes.indices.filter({ bytes[$0] == 0x0A }).dropFirst(299).first
      {
        bytes = Array(bytes[...cut])
      }
      let kinds = Set(ImportFuzz.named(target, bytes, seed: 7).map(\.kind))
      let expected: Set<String> =
        target.isJSON
        ? ["JSON truncated", "JSON NUL byte", "JSON key renamed", "JSON Latin-1 letter"]
        : [
          "truncated mid record", "NUL byte", "UTF-16LE with BOM", "missing column", "extra column",
          "renamed header column", "header column removed", "field of 1048576 bytes",
        ]
      #expect(expected.isSubset(of: kinds), "\(target.file): \(kinds.sorted())")
    }
  }

  @Test func aFileConsistentlyInWindows1252IsStillAccepted() throws {
    // The directory export saved again as Windows-1252 by a spreadsheet: same structures, same names.
    let database = try AppDatabase.inMemory()
    let original = ReferenceFixture.dataFolder.appendingPathComponent("structures")
    _ = try database.importReference(.structures, from: original)
    let folder = try ReferenceFixture.copyOfFolder("structures")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("annuaire_sp_2019_orientation_rhone_alpes.csv")
    // U+0092, which the export writes for `’`, has no Windows-1252 byte of its own: the spreadsheet writes `’`.
    let text = try #require(String(data: try Data(contentsOf: file), encoding: .utf8))
      .replacingOccurrences(of: "\u{92}", with: "’")
    let cp1252 = try #require(text.data(using: .windowsCP1252))
    #expect(cp1252.count < text.utf8.count)
    try cp1252.write(to: file)
    let before = try DatabaseFingerprint.of(database.writer)
    _ = try database.importReference(.structures, from: folder)
    let after = try DatabaseFingerprint.of(database.writer)
    #expect(after["orientation_structure"] == before["orientation_structure"])
  }
}
