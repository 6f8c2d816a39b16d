import Foundation
import GRDB
import GuichetCore

/// The FTS5 table behind search as you type. It indexes a normalised copy of each label (no accents, œ→oe, ’→'),
/// because `remove_diacritics 2` does not unfold ligatures: « oenologue » must find « Œnologue ».
/// Rows are inserted in a precomputed order (rowid = static rank), so a query reads matches already sorted and stops
/// after a bounded number: bm25 over every match of a one-letter prefix costs far more than the 2 ms a keystroke allows.
enum SearchIndex {
  static let createTablesSQL = SearchKind.allCases.map(createTableSQL).joined(separator: "\n")

  static func createTableSQL(_ kind: SearchKind) -> String {
    """
    CREATE VIRTUAL TABLE \(kind.searchTable) USING fts5(
      text,
      key UNINDEXED,
      code UNINDEXED,
      title UNINDEXED,
      subtitle UNINDEXED,
      tier UNINDEXED,
      weight UNINDEXED,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '1 2 3',
      detail = none
    );
    """
  }

  /// One label to index before it gets its place in the static order.
  struct Entry {
    var code: String
    var title: String
    var subtitle: String?
    /// 0 for main titles and active certifications, 1 for synonyms and inactive ones, 2 for rarely used titles.
    var tier: Int
    /// Extra searchable words (codes, short labels, city).
    var extra: [String]
    /// Separately spelt forms of the title (masculine, feminine) that typed words are compared with.
    var forms: [String] = []
    /// Breaks ties between equally good matches: the number of job titles of a fiche, as a proxy for how common it is.
    var weight: Int = 0
    /// A certification whose validity had ended on the day of the import. It comes after the current ones in the
    /// static order, so the bounded candidates of a broad query (« titre pro » matches 900 fiches) are current
    /// fiches; search still derives each status from the day it runs.
    var lapsed = false
  }

  /// Replaces the rows of one kind from the reference tables; called inside the importer's transaction.
  static func rebuild(_ kind: SearchKind, in db: Database) throws {
    let entries: [Entry]
    switch kind {
    case .occupation: entries = try occupationEntries(db)
    case .certification: entries = try certificationEntries(db)
    case .structure: entries = try structureEntries(db)
    }
    try db.execute(sql: "DELETE FROM \(kind.searchTable)")
    let keyed = entries.map { entry in (entry, FoldedText.normalize(entry.title)) }
    let ordered = keyed.sorted { left, right in
      // Static order: tier, then shorter labels first (the closest to what was typed), then alphabetical.
      if left.0.tier != right.0.tier { return left.0.tier < right.0.tier }
      if left.0.lapsed != right.0.lapsed { return !left.0.lapsed }
      if left.1.count != right.1.count { return left.1.count < right.1.count }
      if left.1 != right.1 { return left.1 < right.1 }
      return left.0.code < right.0.code
    }
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO \(kind.searchTable)(rowid, text, key, code, title, subtitle, tier, weight)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for (offset, (entry, normalizedTitle)) in ordered.enumerated() {
      let extra = entry.extra.filter { !$0.isEmpty }.map(FoldedText.normalize)
      let text = ([normalizedTitle] + extra).joined(separator: " ")
      let forms = entry.forms.count > 1 ? entry.forms.map(FoldedText.normalize) : [normalizedTitle]
      try insert.execute(arguments: [
        offset + 1, text, forms.joined(separator: "|"), entry.code, entry.title,
        entry.subtitle, entry.tier, entry.weight,
      ])
    }
  }

  private static func occupationEntries(_ db: Database) throws -> [Entry] {
    var entries: [Entry] = []
    var fiches: [String: String] = [:]
    var weights: [String: Int] = [:]
    let titles = try Row.fetchAll(
      db,
      sql: """
        SELECT code_rome, label, short_label, masculine, feminine, is_main, rarely_used
        FROM job_title
        """)
    for row in titles {
      weights[row["code_rome"], default: 0] += 1
    }
    for row in try Row.fetchAll(db, sql: "SELECT code, title FROM occupation") {
      let code: String = row["code"]
      let title: String = row["title"]
      fiches[code] = title
      let forms = JobTitleForms.split(title)
      entries.append(
        Entry(
          code: code, title: title, subtitle: nil, tier: 0, extra: [code],
          forms: [forms.masculine, forms.feminine], weight: weights[code] ?? 0))
    }
    for row in titles {
      let code: String = row["code_rome"]
      let label: String = row["label"]
      let shortLabel: String = row["short_label"]
      let isMain: Bool = row["is_main"]
      let rarelyUsed: Bool = row["rarely_used"]
      let fiche = fiches[code]
      entries.append(
        Entry(
          code: code, title: label, subtitle: fiche == label ? nil : fiche,
          tier: rarelyUsed ? 2 : (isMain ? 0 : 1),
          extra: shortLabel == label ? [] : [shortLabel],
          forms: [row["masculine"], row["feminine"]], weight: weights[code] ?? 0))
    }
    return entries
  }

  /// Certifications with the words people use for them (`CertificationTerms`): type names, acronyms, feminine and
  /// plural forms in the text, and the same as extra forms of the title for the fit. The status is not stored: it
  /// depends on the day (`CertificationStatus`), so `weight` holds the end of validity (`yyyymmdd`, 0 when none),
  /// from which search derives it and which puts the fiche valid longest first among equal matches.
  private static func certificationEntries(_ db: Database) throws -> [Entry] {
    let gendered = try CertificationTerms.GenderedWords(db)
    // Fiches registered since the 2021 export are known from Certif Info (one row per fiche, its lowest number).
    let newer =
      try db.tableExists("certifinfo")
      ? """
      UNION ALL
      SELECT code_rncp, title, level, NULL, type_label, 1, NULL, 1 FROM (
        SELECT code_rncp, title, level, type_label, min(CAST(code AS INTEGER)) FROM certifinfo
        WHERE code_rncp IS NOT NULL AND code_rncp NOT IN (SELECT code FROM certification)
        GROUP BY code_rncp)
      """ : ""
    let sql =
      "SELECT code, title, level, type_code, type_label, is_active, end_date, 0 AS from_certifinfo FROM certification "
      + newer
    let importDay = Day.number(of: Date())
    return try Row.fetchAll(db, sql: sql).map { row in
      let code: String = row["code"]
      let title: String = row["title"]
      let isActive: Bool = row["is_active"]
      let level: Int? = row["level"]
      let typeLabel: String? = row["type_label"]
      let (typeCode, termLabel): (String?, String?) =
        row["from_certifinfo"] as Bool
        ? CertificationTerms.certifInfoType(label: typeLabel) : (row["type_code"], typeLabel)
      let endDate: String? = row["end_date"]
      var parts: [String] = []
      if let level { parts.append("niveau \(level)") }
      if let typeLabel, !typeLabel.isEmpty { parts.append(typeLabel) }
      let normalized = FoldedText.normalize(title)
      let types = CertificationTerms.types(code: typeCode, label: termLabel, title: normalized)
      let acronyms = CertificationTerms.acronyms(
        title: title, normalizedTitle: normalized, typeCode: typeCode)
      let titles = [normalized] + [gendered.feminineTitle(normalized)].compactMap { $0 }
      var forms = titles
      for name in types.prefix(4) { forms += titles.map { "\(name) \($0)" } }
      for acronym in acronyms {
        forms.append("\(acronym) \(normalized)")
        if let name = types.first { forms.append("\(name) \(acronym) \(normalized)") }
      }
      let end = endDate.flatMap(CertificationStatus.dayNumber) ?? 0
      return Entry(
        code: code, title: title, subtitle: parts.isEmpty ? nil : parts.joined(separator: " · "),
        tier: isActive ? 0 : 1,
        extra: [code] + types + acronyms
          + gendered.variants(of: CertificationTerms.words(normalized)),
        forms: forms, weight: end, lapsed: end > 0 && end < importDay)
    }
  }

  private static func structureEntries(_ db: Database) throws -> [Entry] {
    // The directory and the bookable structures are one list: the search finds both the same way.
    let sql = "SELECT id, name, type_tag, city FROM (\(try OperatorDirectorySchema.entriesSQL(db)))"
    return try Row.fetchAll(db, sql: sql).map { row in
      let tag: String = row["type_tag"]
      let city: String? = row["city"]
      let typeName = StructureType.label(forTag: tag)
      let subtitle = [city, typeName].compactMap { $0 }.filter { !$0.isEmpty }.joined(
        separator: " · ")
      return Entry(
        code: row["id"], title: row["name"], subtitle: subtitle.isEmpty ? nil : subtitle, tier: 0,
        extra: [city ?? "", typeName ?? "", StructureType.acronym(forTag: tag) ?? ""])
    }
  }
}
