/// Bounds a published file must stay within before any of it reaches the database.
/// They are generous on purpose: the largest real values in `../shared/data` are a 794-byte field
/// (a sentence of fiche text in `unix_texte`), 14 columns (BMO) and a 3.2 MB file (`rncp_nsf`),
/// far below them; a value beyond them is a damaged or wrongly cut file, not a longer publication.
enum ImportLimits {
  /// One field (or JSON string), in bytes: 64 KiB, 80 times the longest real field.
  static let fieldBytes = 64 * 1024
  /// Columns of a header line: 200, against 14 at most in the real files.
  static let columns = 200
  /// One file, in bytes: 256 MiB, 80 times the largest real file, so a wrong path cannot fill the memory.
  static let fileBytes = 256 * 1024 * 1024

  /// « 65 536 octets (64 Kio) »-style size for messages.
  static func size(_ bytes: Int) -> String {
    let grouped = ImportReport.frenchNumber(bytes)
    if bytes >= 1024 * 1024 { return "\(grouped) octets (\(bytes / (1024 * 1024)) Mio)" }
    if bytes >= 1024 { return "\(grouped) octets (\(bytes / 1024) Kio)" }
    return "\(grouped) octets"
  }
}
