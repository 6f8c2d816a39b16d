import Foundation
import GRDB
import GuichetCore

/// Imports Certif Info (Réseau des Carif-Oref, Onisep): one row per certification or course, with its RNCP, RS and
/// diploma (CFD) codes, up to five ROME codes, Formacode and NSF. It is fresher than the 2021 RNCP export, so it
/// reaches the fiches created since and links certifications to métiers where the export has none.
enum CertifInfoImporter {
  struct Files {
    var file: CSVFile
  }

  static func read(_ folder: inout SourceFolder) throws -> Files {
    Files(file: try folder.csv("certifinfo"))
  }

  static func write(_ files: Files, into db: Database) throws -> ImportReport {
    try db.execute(sql: "DELETE FROM certifinfo; DELETE FROM certifinfo_occupation;")
    let file = files.file
    var report = ImportReport(
      dataset: .certifinfo, source: ReferenceDataset.certifinfo.source, version: "")
    let c = try file.columns(
      "Code_Diplome", "Libelle_Diplome", "Libelle_Type_Diplome", "Code_Niveau_Europeen",
      "Code_FormaCode", "Libelle_FormaCode", "Code_Nsf", "Code_RNCP", "Code_RS", "Code_Scolarité",
      "Code_Ancien_RNCP", "Etat_Libelle", "certificateur", "Date_MaJ")
    let rome = try (1...5).map { try file.column("Code_Rome_\($0)") }
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO certifinfo(code, title, type_label, level, formacode, formacode_label, nsf_code,
          code_rncp, code_rs, cfd, previous_rncp, state, certifier)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(code) DO NOTHING
        """)
    let insertRome = try db.makeStatement(
      sql: "INSERT OR IGNORE INTO certifinfo_occupation(code, code_rome) VALUES (?, ?)")
    var latest = ""
    for record in file.records {
      let code = record[c[0]]
      guard !code.isEmpty, code.allSatisfy(\.isNumber) else {
        throw file.error(record, column: c[0], "code Certif Info « \(code) » illisible")
      }
      let rawLevel = record[c[3]]
      let level = Int(rawLevel)
      if !rawLevel.isEmpty, level == nil {
        throw file.error(record, column: c[3], "niveau « \(rawLevel) » illisible")
      }
      for column in [c[7], c[8], c[10]] where !record[column].allSatisfy(\.isNumber) {
        throw file.error(
          record, column: column, "code « \(record[column]) » illisible (chiffres attendus)")
      }
      let update = record[c[13]]
      if let day = Self.isoDay(update), day > latest { latest = day }
      try file.guarded(record, column: c[0]) {
        try insert.execute(arguments: [
          code, label(record[c[1]]), ImportText.optional(label(record[c[2]])), level,
          ImportText.optional(record[c[4]]), ImportText.optional(label(record[c[5]])),
          ImportText.optional(record[c[6]]), rncp(record[c[7]]), ImportText.optional(record[c[8]]),
          ImportText.optional(record[c[9]]), rncp(record[c[10]]),
          ImportText.optional(label(record[c[11]])), ImportText.optional(label(record[c[12]])),
        ])
        for column in rome where !record[column].isEmpty {
          try insertRome.execute(arguments: [code, record[column]])
        }
      }
    }
    report.version = latest.isEmpty ? "" : Day.french(iso: latest)
    report.add("lignes", "lignes Certif Info", file.records.count)
    // The published file repeats 83 certifications on a second row; the first is kept.
    report.add("certifications", "certifications distinctes", try db.scalarCount("certifinfo"))
    report.add(
      "avec_rncp", "dont avec un code RNCP",
      try Int.fetchOne(db, sql: "SELECT count(*) FROM certifinfo WHERE code_rncp IS NOT NULL") ?? 0)
    report.add(
      "fiches_nouvelles", "fiches RNCP absentes de l’export 2021",
      try Int.fetchOne(
        db,
        sql: """
          SELECT count(DISTINCT code_rncp) FROM certifinfo
          WHERE code_rncp IS NOT NULL AND code_rncp NOT IN (SELECT code FROM certification)
          """) ?? 0)
    report.add(
      "liens_rome", "liens Certif Info → ROME", try db.scalarCount("certifinfo_occupation"))
    try SearchIndex.rebuild(.certification, in: db)
    return report
  }

  /// `35830` → `RNCP35830`, the form the RNCP export and the screens use.
  static func rncp(_ raw: String) -> String? {
    raw.isEmpty ? nil : "RNCP" + raw
  }

  /// The file is Windows-1252 but one title carries UTF-8 combining accents (bytes 0xCC 0x81 « é », 0xCC 0x82
  /// « ô »), read as « Ì » and a second character (0x81, which Windows-1252 cannot decode, is read as Latin-1). Each
  /// such pair is turned back into the accent it was (U+0300 + the second byte − 0x80), then composed and cleaned.
  static func label(_ raw: String) -> String {
    guard raw.unicodeScalars.contains("\u{CC}") else { return ImportText.label(raw) }
    var scalars: [Unicode.Scalar] = []
    for scalar in raw.unicodeScalars {
      if scalars.last == "\u{CC}", let byte = windows1252Byte(scalar), (0x80...0xBF).contains(byte),
        let mark = Unicode.Scalar(0x300 + UInt32(byte) - 0x80)
      {
        scalars[scalars.count - 1] = mark
      } else {
        scalars.append(scalar)
      }
    }
    var repaired = String.UnicodeScalarView()
    repaired.append(contentsOf: scalars)
    return ImportText.label(String(repaired).precomposedStringWithCanonicalMapping)
  }

  /// The byte Windows-1252 (or Latin-1, for the bytes it leaves undefined) wrote this character as.
  private static func windows1252Byte(_ scalar: Unicode.Scalar) -> UInt8? {
    if scalar.value < 0x100 { return UInt8(scalar.value) }
    return String(Character(scalar)).data(using: .windowsCP1252).flatMap {
      $0.count == 1 ? $0.first : nil
    }
  }

  /// `21/11/2024` → `2024-11-21`.
  static func isoDay(_ raw: String) -> String? {
    let parts = raw.split(separator: "/")
    guard parts.count == 3, parts[2].count == 4 else { return nil }
    return "\(parts[2])-\(parts[1])-\(parts[0])"
  }
}
