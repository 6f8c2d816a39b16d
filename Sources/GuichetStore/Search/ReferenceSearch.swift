import Foundation
import GRDB
import GuichetCore

/// Search as you type over métiers, certifications and structures.
/// The query is reduced to normalised word tokens and each becomes a quoted prefix term, so no typed text is ever FTS5 syntax.
public enum ReferenceSearch {
  /// Matches read per kind before re-ranking; bounded so that a one-letter prefix costs the same as a full word.
  static let candidatesPerKind = 60
  /// Longer input is cut, in Unicode scalars (one letter under 20,000 accents is one character, and folding
  /// it cost 40 ms): nobody types more, and pasted text must stay cheap.
  static let maxQueryLength = 200
  static let maxTokens = 8
  static let maxTokenLength = 40

  /// Hits grouped by kind (occupation, certification, structure), at most `limit` per kind, one per code.
  ///
  /// Order within a kind: rarely used job titles and inactive certifications last; then how well the typed words
  /// fit the title (the whole title, its start, a run of its words, anywhere); then main titles before synonyms;
  /// then fiches with more job titles (the more common métiers); then shorter titles.
  /// Certifications: current ones first, then those whose validity has ended, then inactive ones, each saying so
  /// in its subtitle as of `today` (`yyyymmdd`, the current day in Paris when nil); among equal matches, the one
  /// valid longest first.
  public static func search(
    _ query: String, kind: SearchKind? = nil, limit: Int = 10, today: Int? = nil, in db: Database
  ) throws -> [SearchHit] {
    let tokens = queryTokens(query)
    guard !tokens.isEmpty, limit > 0 else { return [] }
    let pattern = matchPattern(tokens: tokens)
    let day = today ?? Day.number(of: Date())
    var hits: [SearchHit] = []
    for current in kind.map({ [$0] }) ?? SearchKind.allCases {
      if current == .certification {
        // Certification titles are mostly singular: « aides soignantes » looks for « aide » and « soignante ».
        let singular = tokens.map(singularPrefix)
        hits += try searchKind(
          current, pattern: matchPattern(tokens: singular), tokens: singular, limit: limit,
          today: day, in: db)
      } else {
        hits += try searchKind(
          current, pattern: pattern, tokens: tokens, limit: limit, today: day, in: db)
      }
    }
    return hits
  }

  /// Normalised tokens of the query, each one FTS5 word (`FTSWord`), bounded in number and length.
  static func queryTokens(_ query: String) -> [String] {
    SearchText.tokens(String(String.UnicodeScalarView(query.unicodeScalars.prefix(maxQueryLength))))
      .flatMap(FTSWord.split)
      .prefix(maxTokens)
      .map { String($0.prefix(maxTokenLength)) }
  }

  /// One quoted prefix term per token, leaving out a token that repeats another or starts another (« de » with
  /// « developpeur »): every row the longer term matches, the shorter one matches too, so the results are the
  /// same, and a pasted « rncp 359 rncp 359 … » no longer makes FTS5 merge the postings of the 17,000 words
  /// starting with « rncp » once per repeat.
  static func matchPattern(tokens: [String]) -> String {
    tokens.indices.filter { index in
      let token = tokens[index].utf8
      return !tokens.indices.contains { other in
        other != index && tokens[other].utf8.starts(with: token)
          && (tokens[other].utf8.count > token.count || other < index)
      }
    }.map { "\"\(tokens[$0])\"*" }.joined(separator: " ")
  }

  private struct Candidate {
    var order: (Int, Int, Int, Int, Int64)
    var code: String
    var title: String
    var subtitle: String?
  }

  private static func searchKind(
    _ kind: SearchKind, pattern: String, tokens: [String], limit: Int, today: Int,
    in db: Database
  ) throws -> [SearchHit] {
    let statement = try db.cachedStatement(
      sql: """
        SELECT rowid, key, code, title, subtitle, tier, weight FROM \(kind.searchTable)
        WHERE \(kind.searchTable) MATCH ?
        LIMIT ?
        """)
    let rows = try Row.fetchCursor(
      statement,
      arguments: [
        pattern, max(candidatesPerKind, limit * 4),
      ])
    let wanted = tokens.map { Array($0.utf8) }
    var candidates: [Candidate] = []
    while let row = try rows.next() {
      let key: String = row[1]
      let tier: Int = row[5]
      let weight: Int = row[6]
      var subtitle: String? = row[4]
      let strict: Int
      switch kind {
      case .occupation: strict = tier >= 2 ? 1 : 0
      case .certification:
        let status = CertificationStatus(
          isActive: tier == 0, endDate: weight > 0 ? isoDay(weight) : nil, today: today)
        strict = status.rank
        subtitle = [subtitle, status.label].compactMap { $0 }.joined(separator: " · ")
      case .structure: strict = 0
      }
      let fit = fitScore(key: key, tokens: wanted)
      candidates.append(
        Candidate(
          order: (strict, fit, tier, -weight, row[0]), code: row[2], title: row[3],
          subtitle: subtitle))
    }
    candidates.sort { $0.order < $1.order }
    var seen: Set<String> = []
    var hits: [SearchHit] = []
    for candidate in candidates where hits.count < limit && seen.insert(candidate.code).inserted {
      hits.append(
        SearchHit(
          kind: kind, code: candidate.code, title: candidate.title, subtitle: candidate.subtitle,
          rank: hits.count + 1))
    }
    return hits
  }

  /// A plural word without its final « s », as a prefix it still matches the plural (« aides » → « aide »); short
  /// words are kept (« bts », « cas »).
  static func singularPrefix(_ token: String) -> String {
    token.utf8.count >= 5 && token.hasSuffix("s") ? String(token.dropLast()) : token
  }

  /// 20240101 → « 2024-01-01 ».
  static func isoDay(_ number: Int) -> String {
    let month = number / 100 % 100
    let day = number % 100
    return "\(number / 10_000)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
  }

  /// How well the typed words fit the best form of a title (`key` holds the normalised forms separated by `|`):
  /// 0 they are the whole title, 1 its first words, 2 a run of its words, 3 only scattered.
  static func fitScore(key: String, tokens: [[UInt8]]) -> Int {
    var best = 3
    for form in key.utf8.split(separator: UInt8(ascii: "|")) {
      let words = form.split(whereSeparator: { byte in
        !((0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte >= 0x80)
      })
      guard words.count >= tokens.count else { continue }
      for start in 0...(words.count - tokens.count) {
        var matches = true
        for (offset, token) in tokens.enumerated() where !words[start + offset].starts(with: token)
        {
          matches = false
          break
        }
        guard matches else { continue }
        let score = start > 0 ? 2 : (words.count == tokens.count ? 0 : 1)
        best = min(best, score)
        break
      }
      if best == 0 { break }
    }
    return best
  }
}
