import Foundation
import GuichetCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// File steps that make a backup or a restore all-or-nothing: a private temporary file next to the target,
/// flushed to disk, then renamed over it, so a crash leaves either the old file or the new one, never half.
enum SafeFile {
  /// A new empty file, mode 0600, in `directory`; fails rather than reuse an existing name.
  static func createTemporary(in directory: String, named name: String) throws -> String {
    let path = directory + "/." + name + ".partiel-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard descriptor >= 0 else {
      throw UserError(
        "Impossible d'écrire dans le dossier « \(directory) » : \(frenchReason(errno)).")
    }
    _ = fchmod(descriptor, 0o600)
    close(descriptor)
    return path
  }

  static func sync(_ path: String) {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }

  /// Replaces `target` by `source` atomically, then makes the rename itself durable.
  static func rename(_ source: String, over target: String) throws {
    guard Glibc.rename(source, target) == 0 else {
      throw UserError("Impossible de créer « \(target) » : \(frenchReason(errno)).")
    }
    sync(URL(fileURLWithPath: target).deletingLastPathComponent().path)
  }

  /// Both paths name the same file (hard link, symbolic link, `./` spelling).
  static func sameFile(_ first: String, _ second: String) -> Bool {
    var a = stat()
    var b = stat()
    guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino
  }

  static func directory(of path: String) -> String {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    return folder.isEmpty ? "." : folder
  }

  static func frenchReason(_ code: Int32) -> String {
    switch code {
    case EACCES, EPERM: "droits insuffisants"
    case EROFS: "système de fichiers en lecture seule"
    case ENOSPC: "disque plein"
    case ENOENT: "dossier introuvable"
    case EDQUOT: "quota disque dépassé"
    default: "erreur système \(code)"
    }
  }
}
