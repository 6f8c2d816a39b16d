import Foundation
import GRDB
import Testing

/// `guichet import` on damaged copies of the real files: a French message naming the file and the line, what to do,
/// exit status 1, and the previous import left as it was.
@Suite("Command line: damaged import files")
struct ImportRefusalTests {
  /// The content of the tables the damaged files feed, and the dataset rows.
  private func digest(_ path: String) throws -> [String] {
    return try readDatabase(path) { db in
      let sql = [
        "SELECT code || '|' || label || '|' || grand_domain_code FROM professional_domain ORDER BY code",
        "SELECT id || '|' || name || '|' || ifnull(city, '') FROM orientation_structure ORDER BY id",
        "SELECT name || '|' || version || '|' || imported_at || '|' || counts FROM dataset ORDER BY name",
      ]
      return try sql.flatMap { try String.fetchAll(db, sql: $0) }
    }
  }

  /// Copies `folder` of the published data, lets `damage` edit the lines of `file` (bytes, without their `\n`).
  private func damaged(_ folder: String, _ file: String, _ damage: (inout [[UInt8]]) -> Void)
    throws -> URL
  {
    let copy = try CommandLineTests.copyOfFolder(folder)
    let url = copy.appendingPathComponent(file)
    var lines = [UInt8](try Data(contentsOf: url)).split(
      separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false
    ).map(Array.init)
    damage(&lines)
    try Data(Array(lines.joined(separator: [UInt8(ascii: "\n")]))).write(to: url)
    return copy
  }

  @Test func aRecordWithAColumnMissingIsRefusedAtItsLine() throws {
    let path = try CommandLineTests.imported.get().path
    let broken = try damaged("rome-tree-2021", "rome_domaines_professionnels_from_arbo2021.csv") {
      // Line 57 (« …,G\r ») loses its last column (the grand domaine), its line end kept.
      let comma = $0[56].lastIndex(of: UInt8(ascii: ",")) ?? 0
      $0[56].removeSubrange(comma..<($0[56].count - 1))
    }
    defer { try? FileManager.default.removeItem(at: broken) }
    let before = try digest(path)
    let outcome = try CommandLineTests.guichet([
      "import", "rome-tree", broken.path, "--database", path,
    ])
    #expect(outcome.status == 1)
    #expect(
      outcome.stderr
        == "guichet : import refusé, fichier rome_domaines_professionnels_from_arbo2021.csv, ligne 57 : "
        + "2 colonnes au lieu de 3 comme l’en-tête (ligne 1) (séparateur en trop ou manquant, ligne coupée ?).\n"
        + "Vérifiez ce fichier ou retéléchargez-le depuis sa source, puis relancez l’import. "
        + "La base n’a pas été modifiée : les données déjà en place restent utilisables.\n")
    #expect(outcome.stdout.isEmpty)
    #expect(try digest(path) == before)
  }

  @Test func aLatin1LetterInAUTF8FileIsRefusedAtItsLine() throws {
    let path = try CommandLineTests.imported.get().path
    let file = "annuaire_sp_2019_orientation_rhone_alpes.csv"
    let broken = try CommandLineTests.copyOfFolder("structures")
    defer { try? FileManager.default.removeItem(at: broken) }
    // « Genève » typed by an editor set to Latin-1 on line 200.
    var bytes = [UInt8](try Data(contentsOf: broken.appendingPathComponent(file)))
    let newlines = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
    bytes.insert(contentsOf: [0x47, 0x65, 0x6E, 0xE8, 0x76, 0x65, 0x20], at: newlines[198] + 5)
    try Data(bytes).write(to: broken.appendingPathComponent(file))

    let before = try digest(path)
    let outcome = try CommandLineTests.guichet([
      "import", "structures", broken.path, "--database", path,
    ])
    #expect(outcome.status == 1)
    #expect(
      outcome.stderr.hasPrefix(
        "guichet : import refusé, fichier \(file), ligne 200, colonne 1 : octet 0xE8 invalide en UTF-8"
      ),
      "\(outcome.stderr)")
    #expect(outcome.stderr.contains("La base n’a pas été modifiée"))
    #expect(try digest(path) == before)
    let search = try CommandLineTests.guichet([
      "search", "mission locale", "--kind", "structure", "--database", path,
    ])
    #expect(search.status == 0)
    #expect(search.stdout.contains("importé le"), "\(search.stdout)")
  }
}
