import Foundation
import GuichetCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Creates the database directory (0700) and file (0600) before SQLite does, so statistics are never
/// readable by other accounts on a shared host; SQLite gives the -wal and -shm files the same mode.
enum DatabaseFile {
  static func prepare(path: String) throws {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    if !FileManager.default.fileExists(atPath: directory) {
      do {
        try FileManager.default.createDirectory(
          atPath: directory, withIntermediateDirectories: true,
          attributes: [.posixPermissions: 0o700])
      } catch {
        throw UserError(
          "Impossible de créer le dossier « \(directory) » de la base de données « \(path) ».")
      }
    }
    if FileManager.default.fileExists(atPath: path) { return }
    let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
    if descriptor < 0 {
      let reason = String(cString: strerror(errno))
      throw UserError("Impossible de créer la base de données « \(path) » : \(reason).")
    }
    // The umask may have removed bits but never adds any; fchmod makes the mode exact anyway.
    _ = fchmod(descriptor, 0o600)
    close(descriptor)
  }
}
