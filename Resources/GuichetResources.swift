import Foundation

/// The bundled default reference dataset (codes, labels and figures only; see Resources/README.md for sources).
public enum BundledData {
  /// URL of a bundled file under `Resources/data`, e.g. `url("territories/communes.csv")`.
  public static func url(_ relativePath: String) -> URL? {
    let url = Bundle.module.bundleURL.appendingPathComponent("data").appendingPathComponent(
      relativePath)
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }
}
