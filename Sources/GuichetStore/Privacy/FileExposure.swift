import Foundation

/// Detects a database (or its -wal/-shm) that other accounts of the host may read or write: someone changed
/// its mode, and then the `sqlite3` tool would bypass every role. Reported, not silently repaired, so the
/// administrator learns about it.
public enum FileExposure {
  /// One French line per exposed file, with the command that closes it; empty when all are private.
  public static func warnings(path: String) -> [String] {
    [path, path + "-wal", path + "-shm"].compactMap { file in
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
      else { return nil }
      guard mode & 0o077 != 0 else { return nil }
      let who = mode & 0o007 != 0 ? "tous les comptes de la machine" : "le groupe du fichier"
      return String(
        format:
          "Attention : « %@ » est lisible ou modifiable par %@ (droits %03o) : des données personnelles peuvent fuiter. Corrigez avec : chmod 600 '%@'",
        file, who, mode & 0o777, file)
    }
  }
}
