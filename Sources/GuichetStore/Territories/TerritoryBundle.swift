import Foundation
import GuichetCore
import GuichetResources

/// The bundled bassins and communes (Resources/data/territories, built by Scripts/build-territories.py).
/// Only the tiny VERSION file is read at start; the tables are parsed when the database needs them.
struct TerritoryBundle: Sendable {
  struct Contents: Sendable {
    var bassins: [Bassin]
    var communes: [Commune]
  }

  var version: String
  var directory: URL

  static func bundled() throws -> TerritoryBundle {
    guard let versionURL = BundledData.url("territories/VERSION") else {
      throw UserError(
        "Données de territoires introuvables dans l'installation (territories/VERSION).")
    }
    let version = try String(contentsOf: versionURL, encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    return TerritoryBundle(version: version, directory: versionURL.deletingLastPathComponent())
  }

  func contents() throws -> Contents {
    let bassins = try rows("bassins.tsv", columns: 3).map { Bassin(code: $0[0], name: $0[1]) }
    let communes = try rows("communes.tsv", columns: 3).map {
      Commune(inseeCode: $0[0], name: $0[1], bassinCode: $0[2])
    }
    return Contents(bassins: bassins, communes: communes)
  }

  /// Data rows of a tab-separated file: '#' comments and the header line are skipped.
  func rows(_ file: String, columns: Int) throws -> [[String]] {
    let url = directory.appendingPathComponent(file)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      throw UserError("Fichier de territoires illisible : \(file).")
    }
    var result: [[String]] = []
    var sawHeader = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("#") { continue }
      if !sawHeader {
        sawHeader = true
        continue
      }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        SafeText.clean(String($0)).trimmingCharacters(in: .whitespaces)
      }
      guard fields.count == columns, !fields.contains(where: \.isEmpty) else {
        throw UserError(
          "Ligne invalide dans le fichier de territoires \(file) : « \(line.prefix(60)) ».")
      }
      result.append(fields)
    }
    return result
  }
}
