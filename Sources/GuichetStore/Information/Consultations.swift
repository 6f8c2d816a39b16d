import Foundation
import GRDB
import GuichetCore

/// The words of a search that found nothing, reduced to what may be kept (see `registerConsultationMigrations`).
public enum SearchMissQuery {
  static let maximumWords = 3
  static let wordLength = 2...24

  /// Normalised words of plain letters only, at most three; nil when nothing is left to keep. The store then
  /// keeps only those found in the reference vocabulary (`SearchMissVocabulary`).
  public static func keepable(_ query: String) -> String? {
    let words = SearchText.tokens(String(query.prefix(200)))
      .filter { word in
        wordLength.contains(word.count)
          && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
      }
      .prefix(maximumWords)
    return words.isEmpty ? nil : words.joined(separator: " ")
  }

  /// The words of a person's name as a miss would hold them (folded, plain letters), to forget on erasure.
  static func nameWords(_ names: String...) -> [String] {
    names.flatMap(SearchText.tokens).filter { word in
      word.count >= wordLength.lowerBound
        && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
    }
  }
}

/// The reference vocabulary: the words of the métier and certification labels in the search index. A miss
/// keeps only these words, so a typed name is never stored unless it is also a word of a label (« Boulanger »),
/// and then `person erase` removes it. Structure labels are left out: they hold people's and places' names.
enum SearchMissVocabulary {
  static func contains(_ word: String, _ db: Database) throws -> Bool {
    // A word of plain letters is one FTS5 token; quoted, it matches whole words only (no prefix).
    guard word.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else { return false }
    return try [SearchKind.occupation, .certification].contains { kind in
      try Bool.fetchOne(
        db,
        sql: "SELECT EXISTS (SELECT 1 FROM \(kind.searchTable) WHERE \(kind.searchTable) MATCH ?)",
        arguments: ["\"\(word)\""]) ?? false
    }
  }

  /// `SearchMissQuery.keepable`, then only the reference words; nil when none is left.
  static func kept(_ query: String, _ db: Database) throws -> String? {
    guard let keepable = SearchMissQuery.keepable(query) else { return nil }
    let words = try keepable.split(separator: " ").map(String.init).filter { try contains($0, db) }
    return words.isEmpty ? nil : words.joined(separator: " ")
  }
}

/// A query that found nothing, with how many times it was recorded over the period.
public struct SearchMissCount: Equatable, Sendable {
  public var query: String
  public var count: Int
}

/// How many visits consulted a code over a period.
public struct ConsultationCount: Equatable, Sendable {
  public var kind: Consultation.Kind
  public var code: String
  public var visits: Int
}

extension AppDatabase {
  /// Attaches consultations to a visit (codes only); a code consulted twice in one visit counts once. Part
  /// of the visit's coding (`Permission.codeVisit`).
  public func recordConsultations(
    _ consultations: [Consultation], visitID: Int64, by caller: Caller, at date: Date,
    timeZone: TimeZone = Day.parisTimeZone
  ) throws {
    let valid = consultations.filter(\.isValidCode)
    guard !valid.isEmpty else { return }
    let day = Day.number(of: date, in: timeZone)
    try StoreErrors.run("Enregistrement de la consultation") {
      try writer.write { db in
        try caller.require(.codeVisit, in: db)
        for consultation in valid {
          try db.execute(
            sql: """
              INSERT INTO visit_consultation (visit_id, kind, code, at, day, month)
              VALUES (?, ?, ?, ?, ?, ?)
              ON CONFLICT DO NOTHING
              """,
            arguments: [
              visitID, consultation.kind.rawValue, consultation.code, date, day, Day.month(of: day),
            ])
        }
      }
    }
  }

  /// Consultations of one visit, in the order they were made.
  public func consultations(visitID: Int64) throws -> [Consultation] {
    try StoreErrors.run("Lecture des consultations") {
      try writer.read { db in
        try Row.fetchAll(
          db,
          sql:
            "SELECT kind, code FROM visit_consultation WHERE visit_id = ? ORDER BY at, kind, code",
          arguments: [visitID]
        ).compactMap { row in
          Consultation.Kind(rawValue: row["kind"]).map { Consultation(kind: $0, code: row["code"]) }
        }
      }
    }
  }

  /// Records a search that found nothing, reduced to its words found in the reference vocabulary
  /// (`SearchMissVocabulary`); returns what was kept (nil: nothing). A query that looks like personal data
  /// (phone, e-mail, NIR, IBAN) is not kept at all, not even its words.
  @discardableResult
  public func recordSearchMiss(
    _ query: String, workplace: Workplace, at date: Date, timeZone: TimeZone = Day.parisTimeZone
  ) throws -> String? {
    guard !PersonalDataTripwire.looksPersonal(query), SearchMissQuery.keepable(query) != nil
    else { return nil }
    let day = Day.number(of: date, in: timeZone)
    return try StoreErrors.run("Enregistrement de la recherche sans résultat") {
      try writer.write { db -> String? in
        guard let kept = try SearchMissVocabulary.kept(query, db) else { return nil }
        try db.execute(
          sql: """
            INSERT INTO search_miss (day, month, site_id, desk_id, query_normalized) VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [day, Day.month(of: day), workplace.siteID, workplace.deskID, kept])
        return kept
      }
    }
  }

  /// Most consulted codes between two days (inclusive), counted in visits, most consulted first.
  public func consultationCounts(
    from firstDay: Int, to lastDay: Int, kind: Consultation.Kind? = nil, limit: Int = 50
  ) throws -> [ConsultationCount] {
    try StoreErrors.run("Lecture des consultations") {
      try writer.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT kind, code, count(*) AS visits FROM visit_consultation
            WHERE day BETWEEN :first AND :last AND (:kind IS NULL OR kind = :kind)
            GROUP BY kind, code ORDER BY visits DESC, kind, code LIMIT :limit
            """,
          arguments: ["first": firstDay, "last": lastDay, "kind": kind?.rawValue, "limit": limit]
        ).compactMap { row in
          Consultation.Kind(rawValue: row["kind"]).map {
            ConsultationCount(kind: $0, code: row["code"], visits: row["visits"])
          }
        }
      }
    }
  }

  /// Unmet demand: searches that found nothing between two days, only those recorded at least `minimumCount` times
  /// (never below 3), so that a name typed once by mistake never reaches a supervisor's screen.
  public func searchMisses(
    from firstDay: Int, to lastDay: Int, minimumCount: Int = 3, limit: Int = 50
  )
    throws -> [SearchMissCount]
  {
    try StoreErrors.run("Lecture des recherches sans résultat") {
      try writer.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT query_normalized, count(*) AS n FROM search_miss
            WHERE day BETWEEN ? AND ? GROUP BY query_normalized HAVING n >= ?
            ORDER BY n DESC, query_normalized LIMIT ?
            """, arguments: [firstDay, lastDay, max(3, minimumCount), limit]
        ).map { SearchMissCount(query: $0["query_normalized"], count: $0["n"]) }
      }
    }
  }

  /// Days a search miss is kept: a little over a year, so the annual report of the past year is complete.
  public static let searchMissRetentionDays = 400

  /// Deletes the searches recorded before a day (retention); returns how many were removed.
  @discardableResult
  public func purgeSearchMisses(before day: Int) throws -> Int {
    try StoreErrors.run("Purge des recherches sans résultat") {
      try writer.write { db in try Self.purgeSearchMisses(db, before: day) }
    }
  }

  static func purgeSearchMisses(_ db: Database, before day: Int) throws -> Int {
    try db.execute(sql: "DELETE FROM search_miss WHERE day < ?", arguments: [day])
    return db.changesCount
  }

  /// The first day still kept on `now`'s Paris day.
  static func searchMissCutoff(now: Date) -> Int {
    LocalDate(now).adding(days: -searchMissRetentionDays).number
  }

  /// Deletes every miss holding a word of the name (erasure); returns how many went.
  @discardableResult
  static func forgetSearchMisses(_ db: Database, firstName: String, lastName: String) throws -> Int
  {
    var removed = 0
    for word in Set(SearchMissQuery.nameWords(firstName, lastName)) {
      try db.execute(
        sql: "DELETE FROM search_miss WHERE ' ' || query_normalized || ' ' LIKE ?",
        arguments: ["% \(word) %"])
      removed += db.changesCount
    }
    return removed
  }
}
