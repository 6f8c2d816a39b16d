import Foundation
import GRDB
import GuichetCore

/// Territories (ZTEF) as administrators define them: named sets of bassins, each write one audited
/// transaction that checks the live account, with French refusals for what the schema would also refuse.
extension AppDatabase {
  /// The longest territory name kept; longer input is refused rather than cut.
  public static let maximumTerritoryNameLength = 80

  /// Every territory with its bassins (and their communes counted) and its target delay, by name.
  public func territorySummaries(by caller: Caller) throws -> [TerritorySummary] {
    try StoreErrors.run("Lecture des territoires") {
      try writer.read { db in
        try caller.require(.administerOperators, in: db)
        return try Self.territorySummaries(db)
      }
    }
  }

  /// Every bassin with its communes counted, by name.
  public func bassinSummaries(by caller: Caller) throws -> [BassinSummary] {
    try StoreErrors.run("Lecture des bassins") {
      try writer.read { db in
        try caller.require(.administerOperators, in: db)
        return try Self.bassinSummaries(db).sorted {
          FrenchCollation.precedes([$0.name, $0.code], [$1.name, $1.code])
        }
      }
    }
  }

  static func bassinSummaries(_ db: Database) throws -> [BassinSummary] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT b.code, b.name, (SELECT count(*) FROM commune c WHERE c.bassin_code = b.code) AS communes
        FROM bassin b
        """
    ).map { BassinSummary(code: $0["code"], name: $0["name"], communeCount: $0["communes"]) }
  }

  /// Bassins matching part of a commune, bassin or territory name, accents and case ignored: exact names
  /// first, then names starting with the text, then names with a word starting with it; a bassin's own
  /// name before a territory's before a commune's (the same order as `territories(matching:limit:)`).
  public func bassins(matching query: String, limit: Int, by caller: Caller) throws
    -> [BassinMatch]
  {
    let key = CommuneSearchKey.make(query)
    let limit = min(max(limit, 0), 200)
    guard !key.isEmpty, limit > 0 else { return [] }
    return try StoreErrors.run("Recherche de bassin") {
      try writer.read { db in
        try caller.require(.administerOperators, in: db)
        return try Self.bassins(db, matching: key, limit: limit)
      }
    }
  }

  /// Creates a territory made of these bassins (codes); refused when the name is empty, taken (accents
  /// and case ignored) or too long, or a bassin is unknown.
  @discardableResult
  public func createTerritory(
    name: String, bassinCodes: [String], by caller: Caller, at now: Date = Date()
  ) throws -> TerritorySummary {
    let name = try Self.territoryName(name)
    var codes: [String] = []
    for code in bassinCodes.map({ $0.trimmingCharacters(in: .whitespaces) })
    where !codes.contains(code) {
      codes.append(code)
    }
    guard !codes.isEmpty else { throw UserError("Un territoire réunit au moins un bassin.") }
    return try StoreErrors.run("Création du territoire") {
      try writer.write { db in
        try caller.require(.administerOperators, in: db)
        try Self.refuseTakenName(db, name, except: nil)
        let known = Set(try String.fetchAll(db, sql: "SELECT code FROM bassin"))
        if let unknown = codes.first(where: { !known.contains($0) }) {
          throw UserError("Bassin inconnu : « \(SafeText.clean(String(unknown.prefix(40)))) ».")
        }
        try db.execute(sql: "INSERT INTO territory (name) VALUES (?)", arguments: [name])
        let id = db.lastInsertedRowID
        for code in codes {
          try db.execute(
            sql: "INSERT INTO territory_bassin (territory_id, bassin_code) VALUES (?, ?)",
            arguments: [id, code])
        }
        try AuditLog.append(
          db, by: caller, action: .territoryCreated, subject: "territory", subjectID: id,
          count: codes.count, at: now)
        guard let created = try Self.territorySummaries(db, id: id).first else {
          throw UserError("Territoire créé mais introuvable : recommencez.")
        }
        return created
      }
    }
  }

  /// Renames a territory; the same refusals as a new name. Returns it as it now stands.
  @discardableResult
  public func renameTerritory(id: Int64, to name: String, by caller: Caller, at now: Date = Date())
    throws -> TerritorySummary
  {
    let name = try Self.territoryName(name)
    return try StoreErrors.run("Renommage du territoire") {
      try writer.write { db in
        try caller.require(.administerOperators, in: db)
        try Self.refuseTakenName(db, name, except: id)
        try db.execute(sql: "UPDATE territory SET name = ? WHERE id = ?", arguments: [name, id])
        guard db.changesCount == 1 else { throw UserError("Territoire inconnu.") }
        try AuditLog.append(
          db, by: caller, action: .territoryRenamed, subject: "territory", subjectID: id, at: now)
        guard let renamed = try Self.territorySummaries(db, id: id).first else {
          throw UserError("Territoire inconnu.")
        }
        return renamed
      }
    }
  }

  /// Sites with the wait each announces, by name.
  public func siteSummaries(by caller: Caller) throws -> [SiteSummary] {
    try StoreErrors.run("Lecture des sites") {
      try writer.read { db in
        try caller.require(.setSupervisionTargets, in: db)
        return try Row.fetchAll(
          db,
          sql: "SELECT id, name, announced_wait_minutes FROM site ORDER BY name COLLATE french, id"
        ).map {
          SiteSummary(
            id: $0["id"], name: $0["name"], announcedWaitMinutes: $0["announced_wait_minutes"])
        }
      }
    }
  }

  /// Every territory, or only the one numbered `id`.
  static func territorySummaries(_ db: Database, id: Int64? = nil) throws -> [TerritorySummary] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT t.id, t.name, t.target_delay_days, b.code, b.name AS bassin_name,
               (SELECT count(*) FROM commune c WHERE c.bassin_code = b.code) AS communes
        FROM territory t
        LEFT JOIN territory_bassin tb ON tb.territory_id = t.id
        LEFT JOIN bassin b ON b.code = tb.bassin_code
        WHERE :id IS NULL OR t.id = :id
        ORDER BY t.name COLLATE french, t.id, b.name COLLATE french, b.code
        """, arguments: ["id": id])
    var summaries: [TerritorySummary] = []
    for row in rows {
      let id: Int64 = row["id"]
      if summaries.last?.id != id {
        summaries.append(
          TerritorySummary(
            id: id, name: row["name"], targetDelayDays: row["target_delay_days"], bassins: []))
      }
      if let code = row["code"] as String? {
        summaries[summaries.count - 1].bassins.append(
          BassinSummary(code: code, name: row["bassin_name"], communeCount: row["communes"]))
      }
    }
    return summaries
  }

  static func bassins(_ db: Database, matching key: String, limit: Int) throws -> [BassinMatch] {
    let bassins = try bassinSummaries(db)
    let byCode = Dictionary(bassins.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    var best = NameMatches<String>()
    for bassin in bassins {
      if let rank = NameMatches<String>.rank(bassin.name, key) {
        best.offer(bassin.code, rank: rank, source: .ownName, matchedBy: nil)
      }
    }
    for territory in try Row.fetchAll(
      db,
      sql: """
        SELECT t.name, tb.bassin_code FROM territory t JOIN territory_bassin tb ON tb.territory_id = t.id
        """)
    {
      let name: String = territory["name"]
      if let rank = NameMatches<String>.rank(name, key) {
        best.offer(
          territory["bassin_code"], rank: rank, source: .territory, matchedBy: "ZTEF \(name)")
      }
    }
    for commune in try Self.communesMatching(db, key) {
      best.offer(
        commune.bassinCode, rank: commune.rank, source: .commune,
        matchedBy: "commune \(commune.name)")
    }
    return best.sorted { code in byCode[code].map { (0, $0.name) } }
      .prefix(limit).compactMap { code, reason in
        byCode[code].map {
          BassinMatch(
            bassin: $0, matchedBy: reason.matchedBy, rank: reason.rank, source: reason.source)
        }
      }
  }

  /// A territory name as stored: printable, single spaces; refused empty or too long.
  static func territoryName(_ text: String) throws -> String {
    let name = SafeText.clean(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard !name.isEmpty else { throw UserError("Le nom du territoire est vide.") }
    guard name.count <= maximumTerritoryNameLength else {
      throw UserError(
        "Le nom du territoire dépasse \(maximumTerritoryNameLength) caractères.")
    }
    return name
  }

  /// Two territories never share a name, even written with other accents or capitals.
  static func refuseTakenName(_ db: Database, _ name: String, except id: Int64?) throws {
    let key = SearchText.normalize(name)
    for row in try Row.fetchAll(db, sql: "SELECT id, name FROM territory")
    where SearchText.normalize(row["name"]) == key && (row["id"] as Int64) != id {
      throw UserError("Un territoire s'appelle déjà « \(row["name"] as String) ».")
    }
  }
}
