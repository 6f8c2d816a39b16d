import Foundation
import GRDBSQLite
import GuichetStore

/// Time per keystroke of search as you type, over the full imported reference set:
/// `AppDatabase.referenceResults` (the function the console calls: normalise, match every kind, rank, group,
/// read the source lines) for every prefix of a fixed list of French queries typed letter by letter. The same FTS5 queries run through the bare SQLite C API on their own
/// connection, interleaved keystroke by keystroke, so the ratio is the app's overhead; `hits_only_*` times
/// `AppDatabase.searchReference` (the ranked hits without the source lines, as `guichet search` gets them).
enum SearchBench {
  static let measure = BenchMeasure(name: "search") { settings in
    try run(settings, passes: 3)
  }

  /// Results per kind, as the console asks for them (`InformationServices.live`).
  static let limit = 8

  /// One typed prefix: what the app gets, and what the bare reference binds.
  struct Keystroke {
    var text: String
    var letters: Int
    var pattern: String?
    /// Typed while asking for a certification (`SearchQueries.certifications`), reported on its own too.
    var certification = false
  }

  static func keystrokes(_ queries: [String]) -> [Keystroke] {
    queries.flatMap { query in
      let characters = Array(query)
      return (1...characters.count).map { length in
        let text = String(characters[..<length])
        return Keystroke(
          text: text, letters: length, pattern: ReferenceSearch.matchPattern(text))
      }
    }
  }

  static func run(_ settings: BenchSettings, passes: Int) throws -> [BenchResult] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-bench-search-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("search.sqlite").path
    let database = try AppDatabase.open(path: path, bundledReference: false)
    // The full published set when it is there, else the bundled default dataset (same titles, no prose).
    let imported = FileManager.default.fileExists(atPath: settings.dataFolder.path)
    if imported {
      _ = try database.importAllReference(from: settings.dataFolder)
    } else {
      try database.loadBundledReferenceIfNeeded()
    }
    let sizes = try indexSizes(database)
    let bare = try BareSearch(path: path, limit: ReferenceSearch.candidateLimit(limit))
    defer { bare.close() }

    let certificationQueries = Set(SearchQueries.certifications)
    let typed = SearchQueries.all.flatMap { query in
      keystrokes([query]).map { keystroke in
        var keystroke = keystroke
        keystroke.certification = certificationQueries.contains(query)
        return keystroke
      }
    }
    // A first pass warms both page caches and the statement caches; it is not counted.
    for keystroke in typed {
      _ = try database.referenceResults(keystroke.text, limit: limit)
      try bare.run(keystroke.pattern)
    }
    var app: [Int: [Double]] = [:]
    var core: [Int: [Double]] = [:]
    var raw: [Int: [Double]] = [:]
    var certification: ([Double], [Double], [Double]) = ([], [], [])
    var hitCount = 0
    for _ in 0..<passes {
      for keystroke in typed {
        let bucket = min(keystroke.letters, 3)
        var hits = 0
        app[bucket, default: []].append(
          try Clock.measure {
            hits = try database.referenceResults(keystroke.text, limit: limit).hits.count
          })
        hitCount += hits
        // The ranked hits alone (no source lines), to show where the time goes.
        core[bucket, default: []].append(
          try Clock.measure { _ = try database.searchReference(keystroke.text, limit: limit) })
        raw[bucket, default: []].append(try Clock.measure { try bare.run(keystroke.pattern) })
        if keystroke.certification {
          certification.0.append(app[bucket]?.last ?? 0)
          certification.1.append(core[bucket]?.last ?? 0)
          certification.2.append(raw[bucket]?.last ?? 0)
        }
      }
    }

    var common: [String: BenchValue] = [
      "queries": .number(Double(SearchQueries.all.count)),
      "keystrokes_per_pass": .number(Double(typed.count)), "passes": .number(Double(passes)),
      "limit_per_kind": .number(Double(limit)), "target_p99_ms": .number(2),
      "function": .text("AppDatabase.referenceResults"),
      "target_ratio_3plus": .number(1.5), "data": .text(imported ? "imported" : "bundled"),
      "mean_hits": .number(Double(hitCount) / Double(max(1, typed.count * passes))),
    ]
    common.merge(sizes) { $1 }
    let buckets: [(String, [Double], [Double], [Double])] =
      [
        ("1", app[1] ?? [], core[1] ?? [], raw[1] ?? []),
        ("2", app[2] ?? [], core[2] ?? [], raw[2] ?? []),
        ("3+", app[3] ?? [], core[3] ?? [], raw[3] ?? []),
        ("all", app.values.flatMap { $0 }, core.values.flatMap { $0 }, raw.values.flatMap { $0 }),
        // Every prefix of the certification queries alone, same targets.
        ("certifications", certification.0, certification.1, certification.2),
      ]
    return buckets.map { label, samples, coreSamples, bareSamples in
      let bareResult = BenchResult(name: "search_bare", unit: "ms", samples: bareSamples)
      let coreResult = BenchResult(name: "search_core", unit: "ms", samples: coreSamples)
      let appResult = BenchResult(name: "search", unit: "ms", samples: samples)
      var extra = common
      extra["prefix_letters"] = .text(label)
      extra["hits_only_p50"] = .number(coreResult.p50)
      extra["hits_only_p99"] = .number(coreResult.p99)
      extra["bare_p50"] = .number(bareResult.p50)
      extra["bare_p99"] = .number(bareResult.p99)
      extra["ratio_p50"] = .number(appResult.p50 / max(bareResult.p50, 0.000_001))
      extra["ratio_p99"] = .number(appResult.p99 / max(bareResult.p99, 0.000_001))
      return BenchResult(name: "search", unit: "ms", samples: samples, extra: extra)
    }
  }

  /// Rows in each search index, to say what the figure was measured over.
  static func indexSizes(_ database: AppDatabase) throws -> [String: BenchValue] {
    var sizes: [String: BenchValue] = [:]
    for (kind, rows) in try database.searchIndexSizes() {
      sizes["\(kind.rawValue)_rows"] = .number(Double(rows))
    }
    return sizes
  }
}

/// The candidate queries of `ReferenceSearch.search` on a plain read-only sqlite3 connection: prepared once,
/// then per keystroke reset, bind, step every row and read every column, as the app does.
final class BareSearch {
  private var connection: OpaquePointer?
  private var statements: [OpaquePointer?] = []
  private let limit: Int32

  init(path: String, limit: Int) throws {
    self.limit = Int32(limit)
    guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
      throw BenchFailure("ouverture SQLite directe de \(path) impossible")
    }
    for kind in SearchKind.allCases {
      var statement: OpaquePointer?
      guard
        sqlite3_prepare_v3(
          connection, ReferenceSearch.candidateSQL(kind), -1, UInt32(SQLITE_PREPARE_PERSISTENT),
          &statement, nil) == SQLITE_OK
      else {
        throw BenchFailure(
          "requête SQLite directe : \(String(cString: sqlite3_errmsg(connection)))")
      }
      statements.append(statement)
    }
  }

  /// Runs the three candidate queries; a nil pattern (no word typed) costs nothing, as in the app.
  func run(_ pattern: String?) throws {
    guard let pattern else { return }
    var checksum = 0
    for statement in statements {
      sqlite3_reset(statement)
      sqlite3_bind_text(statement, 1, pattern, -1, sqliteTransient)
      sqlite3_bind_int(statement, 2, limit)
      while true {
        let code = sqlite3_step(statement)
        if code == SQLITE_DONE { break }
        guard code == SQLITE_ROW else {
          throw BenchFailure(
            "requête SQLite directe : \(String(cString: sqlite3_errmsg(connection)))")
        }
        checksum &+= Int(sqlite3_column_int64(statement, 0))
        for column in 1...4 {
          if let text = sqlite3_column_text(statement, Int32(column)) { checksum &+= Int(text[0]) }
        }
        checksum &+=
          Int(sqlite3_column_int64(statement, 5)) &+ Int(sqlite3_column_int64(statement, 6))
      }
    }
    blackHole = checksum
  }

  /// Keeps the reads from being optimised away.
  private var blackHole = 0

  func close() {
    for statement in statements { sqlite3_finalize(statement) }
    statements = []
    sqlite3_close_v2(connection)
    connection = nil
  }
}

/// SQLite's SQLITE_TRANSIENT destructor (a C macro Swift cannot import).
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
