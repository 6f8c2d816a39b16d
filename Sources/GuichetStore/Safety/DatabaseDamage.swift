import GRDB
import GuichetCore

/// The French message for a damaged file: the agent cannot repair it, so it says who to call and which
/// command brings the last good copy back.
enum DatabaseDamage {
  static func message(path: String, detail: String? = nil) -> String {
    let found = detail.map { " (\($0))" } ?? ""
    return """
      La base de données « \(path) » est endommagée\(found). Ne la copiez pas et ne la supprimez pas. \
      Fermez Guichet sur tous les postes, puis restaurez la dernière sauvegarde : \
      guichet restore CHEMIN_DE_LA_SAUVEGARDE --database \(path)
      """
  }

  /// True for SQLite's « this is damaged » answers, as opposed to « this is not a database at all ».
  static func isDamage(_ error: any Error) -> Bool {
    guard let error = error as? DatabaseError else { return false }
    return error.resultCode == .SQLITE_CORRUPT
  }
}
