import Foundation
import GRDB
import GuichetCore

/// Search-input fuzzing (issue 7): the fixed hostile list, then generated queries (`SearchQueryGenerator`),
/// each through `AppDatabase.referenceResults`, the function the console's search screen calls on every
/// keystroke, over whatever reference data the database holds. Any thrown error is a failure: search must
/// answer every input, with no result if need be. Used by `guichet bench --only faults` (1,000,000 queries,
/// timed) and by `SearchFuzzTests` (a short fixed-seed run, untimed).
public enum SearchFuzzer {
  /// What the issue asks for, and what broke or could break a naive FTS5 query: operators, quotes, column
  /// filters, controls (NUL, ESC sequences, OSC 52), bidi overrides, emoji, ligatures, 10 kB of text.
  public static let fixedQueries: [String] = [
    "", " ", "\"", "\"\"", "'", "*", "**", "-", "--", ":", "a:b", "text:plombier", "NEAR", "NEAR(",
    "NEAR(a b)", "AND", "OR", "NOT", "a AND b", "plombier OR", "aide-soignant", "agent d'accueil",
    "d’accueil", "agent d’accueil", "c++", "-x", "label:x", "œ", "Œnologue", "\"plombier",
    "plombier\"", "^plombier", "(", ")", "(plombier", "{code}: K1207", "+", "a+b", "%", "_", "\\",
    "'; DROP TABLE occupation; --", "\u{0}", "\u{1B}[2J", "\u{1B}]52;c;aGVsbG8=\u{7}", "\u{7F}",
    "\u{202E}reilbmolp", "😀", "日本語", "ǅ", "\u{FEFF}plombier", "é\u{301}",
    String(repeating: "a", count: 10_000), String(repeating: "plombier ", count: 2_000),
    String(repeating: "\"", count: 10_000), String(repeating: "a b ", count: 5_000), "\t\n\r",
    "NEAR/3", "col1 : col2", "rowid", "*plombier",
  ]

  /// A query slower than this would be felt at the desk (the limit).
  public static let slowMilliseconds = 100.0
  /// A query over the limit is timed again this many times: it counts as slow only if it stays over the limit
  /// every time, so a pause of the whole process (another program on the same cores) is not taken for a slow
  /// search. Such pauses are still counted, in `wallSpikes`.
  static let slowRetries = 3

  public struct Figures: Sendable {
    public var queries = 0
    public var errors = 0
    /// The first few failures, with the query escaped, to replay.
    public var firstErrors: [String] = []
    public var queriesWithHits = 0
    /// Generated queries of each family (the fixed list is counted as « fixed »).
    public var families: [String: Int] = [:]
    /// Wall-clock milliseconds per query (first run), in the order run.
    public var milliseconds: [Double] = []
    /// Milliseconds of CPU time of the searching thread per query (first run): what the search itself cost.
    public var cpuMilliseconds: [Double] = []
    /// Queries over `slowMilliseconds` on their first run, then on every retry.
    public var slowQueries = 0
    /// Queries over `slowMilliseconds` on their first run only.
    public var wallSpikes = 0
    public var longestQuery = 0
    /// The query with the most CPU time: its family, its first scalars (escaped) and its CPU milliseconds.
    public var costliest = (family: "", query: "", milliseconds: 0.0)

    public init() {}

    public var maxMilliseconds: Double { milliseconds.max() ?? 0 }
  }

  /// The fixed list, then `generated` queries from `seed`, built from the database's own labels plus
  /// `extraWords`. `limit` is the console's results per kind.
  public static func run(
    generated: Int, seed: UInt64, in database: AppDatabase, extraWords: [String] = [],
    limit: Int = 8
  ) throws -> Figures {
    var generator = SearchQueryGenerator(
      seed: seed, labels: try labels(database), extraWords: extraWords)
    var figures = Figures()
    figures.milliseconds.reserveCapacity(fixedQueries.count + generated)
    figures.cpuMilliseconds.reserveCapacity(fixedQueries.count + generated)
    for query in fixedQueries {
      search(query, family: "fixed", limit: limit, in: database, into: &figures)
    }
    for _ in 0..<generated {
      let (family, query) = generator.next()
      search(query, family: family.rawValue, limit: limit, in: database, into: &figures)
    }
    return figures
  }

  private static func search(
    _ query: String, family: String, limit: Int, in database: AppDatabase,
    into figures: inout Figures
  ) {
    figures.queries += 1
    figures.families[family, default: 0] += 1
    figures.longestQuery = max(figures.longestQuery, query.unicodeScalars.count)
    let (wall, cpu) = timed {
      do {
        let results = try database.referenceResults(query, limit: limit)
        if !results.hits.isEmpty { figures.queriesWithHits += 1 }
      } catch {
        figures.errors += 1
        if figures.firstErrors.count < 5 {
          figures.firstErrors.append("\(escaped(query)): \(error)")
        }
      }
    }
    figures.milliseconds.append(wall)
    figures.cpuMilliseconds.append(cpu)
    if cpu > figures.costliest.milliseconds {
      figures.costliest = (family, escaped(query), cpu)
    }
    guard wall > slowMilliseconds else { return }
    figures.wallSpikes += 1
    var fastest = wall
    for _ in 0..<slowRetries where fastest > slowMilliseconds {
      fastest = timed { _ = try? database.referenceResults(query, limit: limit) }.wall
    }
    if fastest > slowMilliseconds { figures.slowQueries += 1 }
  }

  /// Wall-clock and this thread's CPU milliseconds spent in `body`.
  static func timed(_ body: () -> Void) -> (wall: Double, cpu: Double) {
    let wall = milliseconds(CLOCK_MONOTONIC)
    let cpu = milliseconds(CLOCK_THREAD_CPUTIME_ID)
    body()
    return (milliseconds(CLOCK_MONOTONIC) - wall, milliseconds(CLOCK_THREAD_CPUTIME_ID) - cpu)
  }

  private static func milliseconds(_ clock: clockid_t) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
  }

  /// The first 60 scalars, escaped, to show a query in one line.
  static func escaped(_ query: String) -> String {
    String(String.UnicodeScalarView(query.unicodeScalars.prefix(60))).debugDescription
  }

  /// Every indexed title, the real labels prefixes are cut from.
  static func labels(_ database: AppDatabase) throws -> [String] {
    try database.writer.read { db in
      try SearchKind.allCases.flatMap { kind in
        try String.fetchAll(db, sql: "SELECT title FROM \(kind.searchTable) ORDER BY rowid")
      }
    }
  }
}
