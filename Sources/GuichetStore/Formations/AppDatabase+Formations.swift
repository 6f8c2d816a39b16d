import Foundation
import GRDB
import GuichetCore
import GuichetResources

/// What `guichet import lheo` found, printed at the end.
public struct TrainingImportReport: Equatable, Sendable, CustomStringConvertible {
  public var fileName: String
  public var formations: Int
  public var actions: Int
  public var sessions: Int
  /// RNCP codes of the file that the RNCP data does not know (shown without a title).
  public var unknownRNCP: Int

  public var description: String {
    var lines = [
      "lheo — \(TrainingOffers.source) : \(fileName)",
      "  formations : \(ImportReport.frenchNumber(formations))",
      "  actions : \(ImportReport.frenchNumber(actions))",
      "  sessions : \(ImportReport.frenchNumber(sessions))",
    ]
    if unknownRNCP > 0 {
      lines.append(
        "  attention : \(ImportReport.frenchNumber(unknownRNCP)) code(s) RNCP absent(s) des données RNCP (affichés sans intitulé)"
      )
    }
    return lines.joined(separator: "\n")
  }
}

extension AppDatabase {
  /// Replaces the training offers with those of an LHÉO 2.3 file. The whole file is checked against the
  /// schema and read before anything is written; then the previous offers go and the new ones come in one
  /// transaction, so a refused file (`ImportError`, with its line) or a failed write changes nothing.
  public func importTrainingOffers(_ data: Data, fileName: String, at now: Date) throws
    -> TrainingImportReport
  {
    try Self.importing {
      guard let schema = LheoReader.bundledSchema else {
        throw UserError(
          "Import impossible : schéma LHÉO 2.3 absent des ressources de Guichet (\(BundledData.missingMessage))"
        )
      }
      let formations = try LheoReader.read(data, fileName: fileName, schema: schema)
      return try writer.write { db in
        try Self.replaceTrainingOffers(formations, fileName: fileName, at: now, in: db)
      }
    }
  }

  static func replaceTrainingOffers(
    _ formations: [LheoFormation], fileName: String, at now: Date, in db: Database
  ) throws -> TrainingImportReport {
    try db.execute(sql: "DELETE FROM training_formation")
    try db.execute(sql: "DELETE FROM training_import")
    var actions = 0
    var sessions = 0
    var rncpCodes = Set<String>()
    for formation in formations {
      try db.execute(
        sql: """
          INSERT INTO training_formation (number, title, organisation_name, organisation_siret)
          VALUES (?, ?, ?, ?)
          """,
        arguments: [
          formation.number, formation.title, formation.organisationName,
          formation.organisationSiret,
        ])
      let formationID = db.lastInsertedRowID
      let codes =
        formation.rncpCodes.map { ("rncp", $0) } + formation.romeCodes.map { ("rome", $0) }
        + formation.formacodes.map { ("formacode", $0) }
      for (kind, code) in codes {
        try db.execute(
          sql:
            "INSERT OR IGNORE INTO training_formation_code (formation_id, kind, code) VALUES (?, ?, ?)",
          arguments: [formationID, kind, code])
      }
      rncpCodes.formUnion(formation.rncpCodes)
      for action in formation.actions {
        try db.execute(
          sql: """
            INSERT INTO training_action (formation_id, number, trainer_name, trainer_siret, place_name,
              town, postcode, insee_code, uai, permanent_entry)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            formationID, action.number, action.trainerName, action.trainerSiret, action.placeName,
            action.town, action.postcode, action.inseeCode, action.uai, action.permanentEntry,
          ])
        let actionID = db.lastInsertedRowID
        actions += 1
        let actionCodes =
          action.publicCodes.map { ("public", $0) } + action.fundingCodes.map { ("financeur", $0) }
        for (kind, code) in actionCodes {
          try db.execute(
            sql:
              "INSERT OR IGNORE INTO training_action_code (action_id, kind, code) VALUES (?, ?, ?)",
            arguments: [actionID, kind, code])
        }
        for session in action.sessions {
          try db.execute(
            sql:
              "INSERT INTO training_session (action_id, number, start_day, end_day) VALUES (?, ?, ?, ?)",
            arguments: [actionID, session.number, session.startDay, session.endDay])
          sessions += 1
        }
      }
    }
    try db.execute(
      sql: """
        INSERT INTO training_import (id, file_name, imported_at, formation_count, action_count, session_count)
        VALUES (1, ?, ?, ?, ?, ?)
        """,
      arguments: [
        fileName, ISO8601DateFormatter().string(from: now), formations.count, actions, sessions,
      ])
    let known = try Set(
      String.fetchAll(
        db, sql: "SELECT code FROM certification WHERE code IN (SELECT value FROM json_each(?))",
        arguments: [Self.jsonArray(Array(rncpCodes))]))
    return TrainingImportReport(
      fileName: fileName, formations: formations.count, actions: actions, sessions: sessions,
      unknownRNCP: rncpCodes.subtracting(known).count)
  }

  /// The sessions for a métier or a certification that a visitor can still join on `today` (`yyyymmdd`):
  /// nearest first (same commune, bassin, territory, département, then the rest), soonest first within
  /// each, at most `limit`. A ROME code also finds the formations whose certification leads to that métier.
  /// Each certification comes with its débouchés (InserJeunes), as its fiche shows them. One read
  /// transaction; the answer says whether any offers were imported at all.
  public func trainingSessions(
    for subject: TrainingSubject, near origin: TrainingOrigin, today: Int, limit: Int = 100
  ) throws -> TrainingOffers {
    try StoreErrors.run("Lecture des offres de formation") {
      try writer.read { db in
        try TrainingSessionQuery(subject: subject, origin: origin, today: today).run(
          db, limit: min(max(limit, 1), 1000))
      }
    }
  }

  static func jsonArray(_ values: [String]) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: values)) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self)
  }
}

/// The read behind `trainingSessions`: the subject's sessions, their codes, and the nesting of places.
struct TrainingSessionQuery {
  var subject: TrainingSubject
  var origin: TrainingOrigin
  var today: Int

  /// Where the visitor is, as the sets the places are compared with.
  struct Origin {
    var commune: String?
    var bassins: Set<String> = []
    var territoryBassins: Set<String> = []
    var departements: Set<String> = []

    /// True when nothing is known of the visitor's place.
    var isUnknown: Bool { commune == nil && territoryBassins.isEmpty && departements.isEmpty }

    func proximity(insee: String?, bassin: String?, postcode: String?) -> TrainingProximity? {
      if isUnknown { return nil }
      if let commune, insee == commune { return .sameCommune }
      if let bassin, bassins.contains(bassin) { return .sameBassin }
      if let bassin, territoryBassins.contains(bassin) { return .sameTerritory }
      if let departement = Self.departement(insee: insee, postcode: postcode),
        departements.contains(departement)
      {
        return .sameDepartement
      }
      return .elsewhere
    }

    /// The département of an INSEE commune code (or, without one, of a postcode): two characters, three
    /// overseas (971…976).
    static func departement(insee: String?, postcode: String?) -> String? {
      guard let code = insee ?? postcode, code.count == 5 else { return nil }
      return code.hasPrefix("97") ? String(code.prefix(3)) : String(code.prefix(2))
    }
  }

  func run(_ db: Database, limit: Int) throws -> TrainingOffers {
    let imported = try Row.fetchOne(
      db, sql: "SELECT file_name, imported_at, session_count FROM training_import WHERE id = 1"
    ).map {
      TrainingOffers.Imported(
        fileName: $0["file_name"], day: String(($0["imported_at"] as String).prefix(10)),
        sessionCount: $0["session_count"])
    }
    let title: String? =
      switch subject {
      case .rome(let code):
        try String.fetchOne(
          db, sql: "SELECT title FROM occupation WHERE code = ?", arguments: [code])
      case .rncp(let code):
        try String.fetchOne(
          db, sql: "SELECT title FROM certification WHERE code = ?", arguments: [code])
      }
    let originName: String? =
      switch origin {
      case .anywhere: nil
      case .commune(let insee):
        try String.fetchOne(
          db, sql: "SELECT name FROM commune WHERE insee_code = ?", arguments: [insee])
      case .territory(let id):
        try String.fetchOne(db, sql: "SELECT name FROM territory WHERE id = ?", arguments: [id])
      }
    guard imported != nil else {
      return TrainingOffers(
        subject: subject, subjectTitle: title, originName: originName, imported: nil, sessions: [])
    }
    let place = try origin(db)
    let kind: String
    switch subject {
    case .rome: kind = "rome"
    case .rncp: kind = "rncp"
    }
    let rows = try Row.fetchAll(
      db,
      sql: """
        WITH subject_formation(id) AS (
          SELECT formation_id FROM training_formation_code WHERE kind = :kind AND code = :code
          UNION
          SELECT fc.formation_id FROM training_formation_code fc
          JOIN certification_occupation co ON co.code_rncp = fc.code
          WHERE :kind = 'rome' AND fc.kind = 'rncp' AND co.code_rome = :code
        )
        SELECT s.start_day, s.end_day, a.id AS action_id, a.trainer_name, a.trainer_siret, a.place_name,
               a.town, a.postcode, a.insee_code, a.uai, a.permanent_entry, f.id AS formation_id, f.title,
               f.organisation_name, f.organisation_siret, c.bassin_code
        FROM training_session s
        JOIN training_action a ON a.id = s.action_id
        JOIN training_formation f ON f.id = a.formation_id
        LEFT JOIN commune c ON c.insee_code = a.insee_code
        WHERE f.id IN subject_formation
          AND (s.end_day IS NULL OR s.end_day >= :today)
          AND (s.start_day IS NULL OR s.start_day >= :today OR a.permanent_entry = 1)
        """, arguments: ["kind": kind, "code": subject.code, "today": today])
    let formationIDs = Set(rows.map { $0["formation_id"] as Int64 })
    let actionIDs = Set(rows.map { $0["action_id"] as Int64 })
    let formationCodes = try codes(
      db, table: "training_formation_code", key: "formation_id", ids: formationIDs)
    let actionCodes = try codes(db, table: "training_action_code", key: "action_id", ids: actionIDs)
    let rncp = Set(formationCodes.values.flatMap { $0["rncp"] ?? [] })
    // The RNCP title, else Certif Info's for a fiche newer than the 2021 export.
    let titles = try Dictionary(
      Row.fetchAll(
        db,
        sql: """
          SELECT code, title, 0 AS rank FROM certification
          WHERE code IN (SELECT value FROM json_each(:codes))
          UNION ALL
          SELECT code_rncp, title, 1 FROM certifinfo
          WHERE code_rncp IN (SELECT value FROM json_each(:codes))
          ORDER BY rank
          """,
        arguments: ["codes": AppDatabase.jsonArray(Array(rncp))]
      ).map { ($0["code"] as String, $0["title"] as String) },
      uniquingKeysWith: { first, _ in first })
    // Each certification's débouchés, read once however many sessions prepare it.
    var outcomes: [String: [DiplomaOutcome]] = [:]
    for code in rncp { outcomes[code] = try OutcomesReader.outcomes(of: code, in: db) }
    let establishments = try OutcomesReader.establishmentOutcomes(
      of: Set(rows.compactMap { $0["uai"] as String? }), in: db)

    let sessions = rows.map { row -> TrainingSession in
      let formationID: Int64 = row["formation_id"]
      let actionID: Int64 = row["action_id"]
      let trainer: String? = row["trainer_name"]
      let insee: String? = row["insee_code"]
      let postcode: String? = row["postcode"]
      return TrainingSession(
        formationTitle: row["title"], organisation: trainer ?? row["organisation_name"],
        siret: row["trainer_siret"] ?? row["organisation_siret"], placeName: row["place_name"],
        town: row["town"], postcode: postcode, inseeCode: insee, startDay: row["start_day"],
        endDay: row["end_day"], permanentEntry: row["permanent_entry"],
        certifications: (formationCodes[formationID]?["rncp"] ?? []).map {
          TrainingCertification(code: $0, title: titles[$0], outcomes: outcomes[$0] ?? [])
        },
        romeCodes: formationCodes[formationID]?["rome"] ?? [],
        publicCodes: actionCodes[actionID]?["public"] ?? [],
        fundingCodes: actionCodes[actionID]?["financeur"] ?? [],
        uai: row["uai"],
        establishmentOutcomes: (row["uai"] as String?).flatMap { establishments[$0] } ?? [],
        proximity: place.proximity(insee: insee, bassin: row["bassin_code"], postcode: postcode))
    }
    let ordered = sessions.sorted { left, right in
      let leftRank = left.proximity?.rawValue ?? 0
      let rightRank = right.proximity?.rawValue ?? 0
      if leftRank != rightRank { return leftRank < rightRank }
      let leftStart = max(left.startDay ?? today, today)
      let rightStart = max(right.startDay ?? today, today)
      if leftStart != rightStart { return leftStart < rightStart }
      if left.endDay != right.endDay { return (left.endDay ?? Int.max) < (right.endDay ?? Int.max) }
      if left.formationTitle != right.formationTitle {
        return left.formationTitle < right.formationTitle
      }
      return left.placeLabel < right.placeLabel
    }
    return TrainingOffers(
      subject: subject, subjectTitle: title, originName: originName, imported: imported,
      sessions: Array(ordered.prefix(limit)))
  }

  /// The visitor's commune, bassins, the bassins of the territories around, and the départements.
  func origin(_ db: Database) throws -> Origin {
    switch origin {
    case .anywhere:
      return Origin()
    case .commune(let insee):
      var result = Origin(commune: insee)
      if let departement = Origin.departement(insee: insee, postcode: nil) {
        result.departements = [departement]
      }
      guard
        let bassin = try String.fetchOne(
          db, sql: "SELECT bassin_code FROM commune WHERE insee_code = ?", arguments: [insee])
      else { return result }
      result.bassins = [bassin]
      result.territoryBassins = try Set(
        String.fetchAll(
          db,
          sql: """
            SELECT DISTINCT other.bassin_code FROM territory_bassin mine
            JOIN territory_bassin other ON other.territory_id = mine.territory_id
            WHERE mine.bassin_code = ?
            """, arguments: [bassin]))
      return result
    case .territory(let id):
      let bassins = try Set(
        String.fetchAll(
          db, sql: "SELECT bassin_code FROM territory_bassin WHERE territory_id = ?",
          arguments: [id]))
      let departements = try Set(
        String.fetchAll(
          db,
          sql: """
            SELECT DISTINCT CASE WHEN insee_code LIKE '97%' THEN substr(insee_code, 1, 3)
                                 ELSE substr(insee_code, 1, 2) END
            FROM commune WHERE bassin_code IN (SELECT value FROM json_each(?))
            """, arguments: [AppDatabase.jsonArray(Array(bassins))]))
      return Origin(
        commune: nil, bassins: [], territoryBassins: bassins, departements: departements)
    }
  }

  /// Codes by owner and kind, in code order.
  func codes(_ db: Database, table: String, key: String, ids: Set<Int64>) throws
    -> [Int64: [String: [String]]]
  {
    guard !ids.isEmpty else { return [:] }
    let list = ids.map(String.init).joined(separator: ",")
    var result: [Int64: [String: [String]]] = [:]
    for row in try Row.fetchAll(
      db,
      sql:
        "SELECT \(key) AS owner, kind, code FROM \(table) WHERE \(key) IN (\(list)) ORDER BY code")
    {
      result[row["owner"], default: [:]][row["kind"], default: []].append(row["code"])
    }
    return result
  }
}
