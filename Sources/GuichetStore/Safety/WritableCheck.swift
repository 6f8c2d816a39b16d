import Foundation
import GuichetCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Refuses a read-only database file or folder before SQLite opens it. SQLite would fall back to a
/// read-only connection, leave `-wal`/`-shm` files behind, and fail only at the first saved visit.
/// Root passes every `access` check, so a file without its owner's write bit (0444) counts as read-only
/// too: someone made it so on purpose.
enum WritableCheck {
  static func ensure(path: String) throws {
    let folder = SafeFile.directory(of: path)
    if access(folder, W_OK) != 0 {
      throw UserError(
        "Le dossier « \(folder) » de la base de données est en lecture seule (\(SafeFile.frenchReason(errno))) : Guichet doit pouvoir y créer ses fichiers de travail. Demandez à la personne qui gère les postes de le rendre modifiable."
      )
    }
    if access(path, F_OK) == 0 && access(path, W_OK) != 0 {
      throw UserError(
        "La base de données « \(path) » est en lecture seule (\(SafeFile.frenchReason(errno))) : aucune visite ne pourrait être enregistrée. Demandez à la personne qui gère les postes de rendre le fichier modifiable."
      )
    }
    var info = stat()
    if stat(path, &info) == 0 && info.st_mode & S_IWUSR == 0 {
      throw UserError(
        "La base de données « \(path) » est en lecture seule (mode \(String(info.st_mode & 0o777, radix: 8)), sans droit d'écriture pour son propriétaire) : aucune visite ne pourrait être enregistrée. Demandez à la personne qui gère les postes de rendre le fichier modifiable (chmod u+w)."
      )
    }
  }
}
