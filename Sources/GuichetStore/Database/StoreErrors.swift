import GRDB
import GuichetCore

/// Turns storage failures into French messages an agent can act on; SQL text and values never leak.
enum StoreErrors {
  static func reason(_ error: any Error) -> String {
    guard let error = error as? DatabaseError else { return "erreur inattendue" }
    switch error.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED: return "base occupée par un autre poste, réessayez"
    case .SQLITE_CANTOPEN: return "fichier inaccessible (droits ou dossier manquant)"
    case .SQLITE_READONLY:
      return "base en lecture seule, prévenez la personne qui gère les postes"
    case .SQLITE_NOTADB, .SQLITE_CORRUPT: return "ce fichier n'est pas une base Guichet valide"
    case .SQLITE_FULL:
      return
        "disque plein ; rien n'a été écrit : faites de la place sur le disque (ou prévenez la personne qui gère les postes), puis réessayez"
    case .SQLITE_IOERR:
      return
        "erreur d'écriture sur le disque ; rien n'a été écrit : prévenez la personne qui gère les postes, puis réessayez"
    case .SQLITE_CONSTRAINT: return "donnée refusée par un contrôle de cohérence"
    default: return "erreur SQLite \(error.resultCode.rawValue)"
    }
  }

  /// Runs a store operation, letting `UserError`s through and translating everything else.
  static func run<T>(_ action: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as UserError {
      throw error
    } catch {
      throw UserError("\(action) impossible : \(reason(error)).", retryable: isBusy(error))
    }
  }

  /// Another desk held the write lock longer than the busy timeout: the same write may pass in a moment.
  static func isBusy(_ error: any Error) -> Bool {
    guard let error = error as? DatabaseError else { return false }
    return error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
  }
}
