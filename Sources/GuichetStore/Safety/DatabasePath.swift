import Foundation
import GuichetCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a database path must be before Guichet touches it: not a dangling link, a regular file of the
/// account running Guichet (root included: a link must not lead it into someone else's file), and, for
/// the commands that only read, a file that already exists.
public enum DatabasePath {
  /// Whether a missing file may be created (with its folder) or must be refused.
  public enum Missing: Sendable {
    case create
    case refuse
  }

  /// Throws a French `UserError` for a path Guichet must not open; writes nothing.
  public static func check(_ path: String, missing: Missing) throws {
    guard !path.isEmpty else {
      throw UserError("Chemin de base de données vide : indiquez un fichier avec --database.")
    }
    var link = stat()
    guard lstat(path, &link) == 0 else {
      guard errno == ENOENT || errno == ENOTDIR else {
        throw UserError(
          "Base de données « \(path) » inaccessible : \(SafeFile.frenchReason(errno)).")
      }
      switch missing {
      case .refuse:
        throw UserError(
          "Base de données introuvable : « \(path) ». Cette commande ne crée pas de base : vérifiez le chemin (--database ou GUICHET_DATABASE), ou créez la base avec « guichet init »."
        )
      case .create:
        try checkNewFileFolder(path)
        return
      }
    }
    var target = stat()
    guard stat(path, &target) == 0 else {
      let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
      throw UserError(
        "« \(path) » est un lien symbolique vers « \(destination) », qui n'existe pas : Guichet n'y crée pas de base. Corrigez le lien, ou indiquez le vrai fichier avec --database."
      )
    }
    guard target.st_mode & S_IFMT == S_IFREG else {
      throw UserError("« \(path) » n'est pas un fichier : indiquez le fichier de la base.")
    }
    guard target.st_uid == geteuid() else {
      let resolved = realpath(path, nil).map { pointer in
        defer { free(pointer) }
        return String(cString: pointer)
      }
      let shown = resolved.flatMap { $0 == path ? nil : " (c'est-à-dire « \($0) »)" } ?? ""
      throw UserError(
        "La base « \(path) »\(shown) appartient au compte \(account(target.st_uid)), pas au compte \(account(geteuid())) qui lance Guichet : Guichet n'ouvre que les bases de son propre compte. Lancez-le sous le compte propriétaire (sudo -u \(userName(target.st_uid) ?? "\(target.st_uid)") guichet …) ou vérifiez le chemin."
      )
    }
  }

  /// A new file is created only in a folder of this account (or a shared sticky one such as /tmp, where
  /// nobody else can replace it): root must not plant a file it owns in another person's folder.
  static func checkNewFileFolder(_ path: String) throws {
    var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    var info = stat()
    while stat(folder.path, &info) != 0 {
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return }
      folder = parent
    }
    let sticky = info.st_mode & S_ISVTX != 0
    guard info.st_uid == geteuid() || sticky else {
      throw UserError(
        "Le dossier « \(folder.path) » où créer la base « \(path) » appartient au compte \(account(info.st_uid)), pas au compte \(account(geteuid())) qui lance Guichet : lancez Guichet sous ce compte, ou choisissez un dossier à vous."
      )
    }
  }

  static func account(_ uid: uid_t) -> String {
    userName(uid).map { "« \($0) » (uid \(uid))" } ?? "uid \(uid)"
  }

  static func userName(_ uid: uid_t) -> String? {
    var entry = passwd()
    var result: UnsafeMutablePointer<passwd>?
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil,
      let name = entry.pw_name
    else { return nil }
    return String(cString: name)
  }
}
