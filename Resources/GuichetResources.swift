import Foundation

/// The bundled default reference dataset (codes, labels and figures only; see Resources/README.md for sources).
/// Found without `Bundle.module`, whose accessor stops the process when the bundle is missing: an installed
/// binary must say so in French before anything is written.
public enum BundledData {
  /// The bundle SwiftPM builds beside the executable (Linux, then macOS naming).
  static let bundleNames = [
    "Guichet_GuichetResources.resources", "Guichet_GuichetResources.bundle",
  ]

  /// The `data` folder: `$GUICHET_RESOURCES` (a bundle folder), else the bundle beside the executable
  /// (symlinks resolved), else in `../share/guichet` from it; nil when none holds the data.
  public static let root: URL? = locate(
    environment: ProcessInfo.processInfo.environment, executable: executableURL())

  static func locate(environment: [String: String], executable: URL?) -> URL? {
    var bundles: [URL] = []
    if let given = environment["GUICHET_RESOURCES"], !given.isEmpty {
      bundles.append(URL(fileURLWithPath: given))
    }
    var folders = [Bundle.main.bundleURL]
    if let executable {
      let folder = executable.deletingLastPathComponent()
      folders += [
        folder, folder.deletingLastPathComponent().appendingPathComponent("share/guichet"),
      ]
    }
    for folder in folders { bundles += bundleNames.map { folder.appendingPathComponent($0) } }
    return bundles.lazy.map { $0.appendingPathComponent("data") }.first {
      FileManager.default.fileExists(atPath: $0.appendingPathComponent("territories/VERSION").path)
    }
  }

  static func executableURL() -> URL? {
    let link = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    if link.path != "/proc/self/exe" { return link }
    return Bundle.main.executableURL?.resolvingSymlinksInPath()
  }

  /// What to tell the person who installed Guichet when `root` is nil.
  public static let missingMessage =
    "ressources de Guichet introuvables (dossier Guichet_GuichetResources.resources absent à côté du programme) : installez Guichet avec « Scripts/install PRÉFIXE », ou indiquez ce dossier dans GUICHET_RESOURCES. Aucune base n'a été créée."

  /// URL of a bundled file under `Resources/data`, e.g. `url("territories/communes.csv")`.
  public static func url(_ relativePath: String) -> URL? {
    guard let url = root?.appendingPathComponent(relativePath) else { return nil }
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }
}
