import Foundation

/// The published data files the real-data tests read: `$GUICHET_TEST_DATA`, else `../shared/data` beside
/// the checkout. When the folder is missing, the run says so once on stderr, in one clear line. One target
/// for every test module that reads them (this file sits two folders below the checkout).
public enum TestData {
  public static let folder: URL = {
    let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let given = ProcessInfo.processInfo.environment["GUICHET_TEST_DATA"].flatMap {
      $0.isEmpty ? nil : URL(fileURLWithPath: $0)
    }
    let folder = given ?? checkout.deletingLastPathComponent().appendingPathComponent("shared/data")
    if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("README.md").path) {
      FileHandle.standardError.write(Data((missing(folder) + "\n").utf8))
    }
    return folder
  }()

  public static func missing(_ folder: URL) -> String {
    "Données de test introuvables dans \(folder.path) : placez les fichiers publiés dans ../shared/data à côté du dépôt, ou nommez leur dossier dans GUICHET_TEST_DATA (voir le README, « What swift test needs »)."
  }
}

/// The small LHÉO 2.3 offers files written for the tests (not published offers), beside this file.
public enum LheoTestFiles {
  public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("LHEO")

  /// `offres-savoie.xml` (valid), `offres-remplacement.xml` (valid), `offres-etablissements.xml` (valid, with
  /// UAI codes), `offres-sans-fin.xml` (refused).
  public static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
}
