import Foundation
import GRDB
import GuichetCore

/// The one CSV file that sets up and saves a site's operators (`guichet operators import|export`): structures,
/// advisors, opening rules and absences, one per line, the first column saying which. Read with the reference
/// importers' reader (`;` or `,`, BOM, UTF-8 or Windows-1252, quotes), written as a French spreadsheet opens it
/// (UTF-8 with BOM, `;`). An import is one transaction: the first refused cell stops it with its line and column,
/// and nothing is written; a line already in the base changes nothing, so the same file twice is harmless.
public enum OperatorsSetupFile {
  /// The header, in this order on export; on import only `objet` and `structure` are required and columns may come in any order.
  public static let columns = [
    "objet", "structure", "type", "nom", "adresse", "code_postal", "commune", "telephone",
    "courriel", "territoires", "conseiller", "jours", "debut", "fin", "duree", "lieu", "places",
    "du", "au", "motif",
  ]

  /// What an import did, line kinds counted; `unchanged` lines were already in the base.
  public struct Summary: Equatable, Sendable {
    public var structuresAdded = 0
    public var structuresUpdated = 0
    public var advisorsAdded = 0
    public var rulesAdded = 0
    public var absencesAdded = 0
    public var unchanged = 0

    public var changed: Bool {
      structuresAdded + structuresUpdated + advisorsAdded + rulesAdded + absencesAdded > 0
    }
  }

  /// A small valid file: one structure (a bundled France Travail agency could be named by its reference instead),
  /// one advisor, two opening rules and an absence.
  public static let example = """
    objet;structure;type;nom;adresse;code_postal;commune;telephone;courriel;territoires;conseiller;jours;debut;fin;duree;lieu;places;du;au;motif
    structure;exemple-ml-vienne;mission_locale;Mission locale de Vienne (exemple);2 place de l'Hôtel de Ville;38200;Vienne;04 74 00 00 00;accueil@exemple.fr;;;;;;;;;;;
    conseiller;exemple-ml-vienne;;Claire Martin;;;;;;;;;;;;;;;;
    plage;exemple-ml-vienne;;;;;;;;;Claire Martin;lun,mar,jeu;09:00;12:00;45;site;;;;
    plage;exemple-ml-vienne;;;;;;;;;Claire Martin;ven;14:00;16:00;30;telephone;;;;
    absence;exemple-ml-vienne;;;;;;;;;Claire Martin;;;;;;;24/12/2030;31/12/2030;conges

    """

  // MARK: Import

  /// Parses `bytes` (named `name` in messages) and applies it inside the caller's transaction.
  static func apply(_ bytes: [UInt8], name: String, now: Date, in db: Database) throws -> Summary {
    let file = try CSVFile.parse(bytes, name: name)
    var reader = try LineReader(file: file, db: db, today: LocalDate(now))
    var summary = Summary()
    for record in file.records {
      try reader.apply(record, into: &summary)
    }
    if summary.structuresAdded + summary.structuresUpdated > 0 {
      try SearchIndex.rebuild(.structure, in: db)
    }
    return summary
  }

  private struct LineReader {
    var file: CSVFile
    var db: Database
    var today: LocalDate
    var index: [String: Int] = [:]
    var territories: [(id: Int64, key: String)] = []

    init(file: CSVFile, db: Database, today: LocalDate) throws {
      self.file = file
      self.db = db
      self.today = today
      for (position, name) in file.header.enumerated() {
        let key = SearchText.normalize(name).replacingOccurrences(of: " ", with: "_")
        guard OperatorsSetupFile.columns.contains(key) else {
          throw ImportError(
            file: file.name, line: 1, column: position + 1,
            message:
              "colonne « \(SafeText.clean(String(name.prefix(40)))) » inconnue : les colonnes sont "
              + OperatorsSetupFile.columns.joined(separator: ", "))
        }
        if index[key] != nil {
          throw ImportError(
            file: file.name, line: 1, column: position + 1, message: "colonne « \(key) » en double")
        }
        index[key] = position
      }
      for required in ["objet", "structure"] where index[required] == nil {
        throw ImportError(
          file: file.name, line: 1, message: "colonne « \(required) » absente de l’en-tête")
      }
      territories = try Row.fetchAll(db, sql: "SELECT id, name FROM territory ORDER BY id").map {
        (id: $0["id"], key: SearchText.normalize($0["name"]))
      }
    }

    func cell(_ record: CSVRecord, _ column: String) -> String {
      guard let position = index[column] else { return "" }
      return SafeText.clean(record[position]).split(whereSeparator: \.isWhitespace)
        .joined(separator: " ")
    }

    func optional(_ record: CSVRecord, _ column: String) -> String? {
      let text = cell(record, column)
      return text.isEmpty ? nil : text
    }

    func error(_ record: CSVRecord, _ column: String, _ message: String) -> ImportError {
      ImportError(
        file: file.name, line: record.line, column: index[column].map { $0 + 1 },
        message: "\(column) : \(message)")
    }

    func shown(_ text: String) -> String { SafeText.clean(String(text.prefix(40))) }

    mutating func apply(_ record: CSVRecord, into summary: inout Summary) throws {
      let kind = SearchText.normalize(cell(record, "objet"))
      switch kind {
      case "structure": try structure(record, &summary)
      case "conseiller": try advisor(record, &summary)
      case "plage": try rule(record, &summary)
      case "absence": try absence(record, &summary)
      case "": throw error(record, "objet", "vide : structure, conseiller, plage ou absence")
      default:
        throw error(
          record, "objet",
          "« \(shown(cell(record, "objet"))) » inconnu : structure, conseiller, plage ou absence")
      }
    }

    /// By reference (the directory id shown by `guichet operators list`), else by exact name.
    func findStructure(_ key: String) throws -> [OperatorStructureRecord] {
      if let found = try OperatorStructureRecord.fetchOne(
        db, sql: "SELECT * FROM operator_structure WHERE source_id = ?", arguments: [key])
      {
        return [found]
      }
      return try OperatorStructureRecord.fetchAll(
        db, sql: "SELECT * FROM operator_structure WHERE name = ? COLLATE NOCASE ORDER BY id",
        arguments: [key])
    }

    func structureFor(_ record: CSVRecord) throws -> OperatorStructureRecord {
      let key = cell(record, "structure")
      guard !key.isEmpty else {
        throw error(record, "structure", "vide : indiquez la référence ou le nom de la structure")
      }
      let found = try findStructure(key)
      guard found.count == 1, let structure = found.first else {
        throw error(
          record, "structure",
          found.isEmpty
            ? "« \(shown(key)) » inconnue : ajoutez une ligne structure plus haut, ou reprenez la référence de guichet operators list"
            : "plusieurs structures s'appellent « \(shown(key)) » : indiquez sa référence (guichet operators list)"
        )
      }
      return structure
    }

    mutating func structure(_ record: CSVRecord, _ summary: inout Summary) throws {
      let reference = optional(record, "structure")
      var candidates = try reference.map(findStructure) ?? []
      if candidates.isEmpty, let name = optional(record, "nom") {
        candidates = try findStructure(name)
      }
      if candidates.count > 1 {
        throw error(
          record, "structure",
          "plusieurs structures portent ce nom : donnez une référence distincte dans la colonne structure"
        )
      }
      let stored = candidates.first
      let isNew = stored == nil
      var target =
        stored
        ?? OperatorStructureRecord(
          OperatorStructure(kind: .other, name: "", sourceID: reference))
      if let text = optional(record, "type") {
        guard let kind = OperatorKind(setupCode: text) else {
          throw error(
            record, "type",
            "« \(shown(text)) » inconnu : \(OperatorKind.allCases.map(\.rawValue).joined(separator: ", "))"
          )
        }
        target.kind = kind.rawValue
      } else if isNew {
        throw error(record, "type", "vide pour une nouvelle structure")
      }
      if let name = optional(record, "nom") {
        target.name = String(name.prefix(200))
      } else if isNew {
        throw error(record, "nom", "vide pour une nouvelle structure")
      }
      if let address = optional(record, "adresse") { target.address = String(address.prefix(200)) }
      if let postcode = optional(record, "code_postal") {
        guard postcode.count == 5, postcode.allSatisfy({ $0.isASCII && $0.isNumber }) else {
          throw error(record, "code_postal", "5 chiffres attendus (reçu « \(shown(postcode)) »)")
        }
        target.postcode = postcode
      }
      if let city = optional(record, "commune") { target.city = String(city.prefix(200)) }
      if let phone = optional(record, "telephone") {
        do {
          target.phone = try PhoneNumber(parsing: phone).description
        } catch let refusal {
          throw error(record, "telephone", "« \(shown(phone)) » refusé : \(refusal.message)")
        }
      }
      if let email = optional(record, "courriel") {
        do {
          target.email = try EmailAddress(parsing: email).value
        } catch let refusal {
          throw error(record, "courriel", "« \(shown(email)) » refusé : \(refusal.message)")
        }
      }
      var territoryIDs: [Int64]?
      if let text = optional(record, "territoires") {
        territoryIDs = try text.split(separator: "|").map { part in
          let key = SearchText.normalize(String(part))
          if let id = Int64(key), territories.contains(where: { $0.id == id }) { return id }
          guard let found = territories.first(where: { $0.key == key }) else {
            throw error(
              record, "territoires",
              "territoire « \(shown(String(part))) » inconnu (séparez plusieurs territoires par |)")
          }
          return found.id
        }
      }
      if stored?.address != target.address || stored?.city != target.city {
        if !isNew { target.note = nil }
        target.inseeCode =
          try AppDatabase.communeCode(city: target.city, postcode: target.postcode, db)
          ?? (isNew ? nil : target.inseeCode)
      }
      let valuesChanged = stored.map { !Self.sameValues($0, target) } ?? true
      if isNew {
        target.edited = true
        try target.insert(db)
        summary.structuresAdded += 1
      } else if valuesChanged {
        if target.phone == nil, try AppDatabase.isBookable(db, structureID: target.id) {
          throw error(record, "telephone", AppDatabase.phoneRequired(target.name))
        }
        target.edited = true
        try target.update(db)
        summary.structuresUpdated += 1
      }
      guard let id = target.id else { return }
      let current = try AppDatabase.territoryIDs(db, id)
      var wanted = current
      if let territoryIDs {
        wanted = Array(Set(territoryIDs)).sorted()
      } else if isNew {
        wanted = try OperatorSeeding.territories(
          sourceID: "", insee: target.inseeCode, city: target.city, db)
      }
      if wanted != current {
        try db.execute(
          sql: "DELETE FROM operator_structure_territory WHERE structure_id = ?", arguments: [id])
        for territoryID in wanted {
          try db.execute(
            sql: "INSERT INTO operator_structure_territory VALUES (?, ?)",
            arguments: [id, territoryID])
        }
        if !isNew && !valuesChanged {
          try db.execute(
            sql: "UPDATE operator_structure SET edited = 1 WHERE id = ?", arguments: [id])
          summary.structuresUpdated += 1
        }
      } else if !isNew && !valuesChanged {
        summary.unchanged += 1
      }
    }

    static func sameValues(_ a: OperatorStructureRecord, _ b: OperatorStructureRecord) -> Bool {
      a.kind == b.kind && a.name == b.name && a.address == b.address && a.postcode == b.postcode
        && a.city == b.city && a.phone == b.phone && a.email == b.email && a.note == b.note
        && a.inseeCode == b.inseeCode
    }

    func advisorFor(_ record: CSVRecord, column: String, in structure: OperatorStructureRecord)
      throws -> AdvisorRecord
    {
      guard let name = optional(record, column) else {
        throw error(record, column, "vide : indiquez le nom du conseiller")
      }
      guard
        let advisor = try AdvisorRecord.fetchOne(
          db,
          sql: """
            SELECT * FROM advisor WHERE structure_id = ? AND display_name = ? COLLATE NOCASE
            ORDER BY is_active DESC, id LIMIT 1
            """, arguments: [structure.id, name])
      else {
        throw error(
          record, column,
          "aucun conseiller « \(shown(name)) » dans « \(shown(structure.name)) » : ajoutez une ligne conseiller plus haut"
        )
      }
      return advisor
    }

    mutating func advisor(_ record: CSVRecord, _ summary: inout Summary) throws {
      let structure = try structureFor(record)
      guard let name = optional(record, "nom") else {
        throw error(record, "nom", "vide : indiquez le nom du conseiller")
      }
      let existing = try AdvisorRecord.fetchOne(
        db,
        sql: """
          SELECT * FROM advisor WHERE structure_id = ? AND display_name = ? COLLATE NOCASE
          ORDER BY is_active DESC, id LIMIT 1
          """, arguments: [structure.id, name])
      if existing?.isActive == true {
        summary.unchanged += 1
        return
      }
      guard structure.phone != nil else {
        throw error(
          record, "structure",
          "« \(SafeText.clean(String(structure.name.prefix(60)))) » n'a pas de téléphone, or il en "
            + "faut un dès qu'elle prend des rendez-vous (il figure sur la convocation) : ajoutez avant "
            + "ce conseiller une ligne structure « \(String(cell(record, "structure").prefix(60))) » "
            + "avec son numéro dans la colonne telephone")
      }
      if var existing {
        existing.isActive = true
        try existing.update(db)
      } else {
        guard let structureID = structure.id else { return }
        var created = AdvisorRecord(
          Advisor(structureID: structureID, displayName: String(name.prefix(120))))
        try created.insert(db)
      }
      summary.advisorsAdded += 1
    }

    mutating func rule(_ record: CSVRecord, _ summary: inout Summary) throws {
      let structure = try structureFor(record)
      let advisor = try advisorFor(record, column: "conseiller", in: structure)
      guard let advisorID = advisor.id else { return }
      guard let days = Weekday.parseList(cell(record, "jours")) else {
        throw error(
          record, "jours",
          "« \(shown(cell(record, "jours"))) » illisible : par exemple lun,mar,jeu ou lun-ven")
      }
      let start = try time(record, "debut")
      let end = try time(record, "fin")
      guard let length = Int(cell(record, "duree")), OpeningRule.slotMinutesRange.contains(length)
      else {
        throw error(
          record, "duree",
          "« \(shown(cell(record, "duree"))) » : une durée en minutes de \(OpeningRule.slotMinutesRange.lowerBound) à \(OpeningRule.slotMinutesRange.upperBound) attendue"
        )
      }
      var place = AppointmentPlace.onSite
      if let text = optional(record, "lieu") {
        guard let parsed = AppointmentPlace(setupCode: text) else {
          throw error(record, "lieu", "« \(shown(text)) » inconnu : site, telephone ou visio")
        }
        place = parsed
      }
      var capacity: Int?
      if let text = optional(record, "places") {
        guard let value = Int(text), (1...OpeningRule.groupCapacityRange.upperBound).contains(value)
        else {
          throw error(
            record, "places",
            "« \(shown(text)) » : un nombre de 1 à \(OpeningRule.groupCapacityRange.upperBound) attendu"
          )
        }
        capacity = value == 1 ? nil : value
      }
      let from = try optional(record, "du").map { try date(record, "du", $0) }
      let to = try optional(record, "au").map { try date(record, "au", $0) }
      let rule = OpeningRule(
        advisorID: advisorID, weekdays: days, start: start, end: end, slotMinutes: length,
        place: place, groupCapacity: capacity, validFrom: from ?? today, validTo: to)
      do {
        try rule.validate()
      } catch let refusal {
        throw error(record, "debut", refusal.message)
      }
      let same = try OpeningRuleRecord.fetchAll(
        db, sql: "SELECT * FROM opening_rule WHERE advisor_id = ?", arguments: [advisorID]
      ).compactMap(\.rule).contains { existing in
        existing.weekdays == rule.weekdays && existing.start == rule.start
          && existing.end == rule.end && existing.slotMinutes == rule.slotMinutes
          && existing.place == rule.place && existing.groupCapacity == rule.groupCapacity
          && existing.validTo == rule.validTo
          && (from == nil || existing.validFrom == rule.validFrom)
      }
      if same {
        summary.unchanged += 1
        return
      }
      var created = OpeningRuleRecord(rule)
      try created.insert(db)
      summary.rulesAdded += 1
    }

    mutating func absence(_ record: CSVRecord, _ summary: inout Summary) throws {
      let structure = try structureFor(record)
      let advisor = try advisorFor(record, column: "conseiller", in: structure)
      guard let advisorID = advisor.id else { return }
      var reason = AbsenceReason.leave
      if let text = optional(record, "motif") {
        guard let parsed = AbsenceReason(setupCode: text) else {
          throw error(
            record, "motif",
            "« \(shown(text)) » inconnu : conges, formation, reunion, permanence ou autre")
        }
        reason = parsed
      }
      let absence = Absence(
        advisorID: advisorID, from: try moment(record, "du"), to: try moment(record, "au"),
        reason: reason)
      do {
        try absence.validate()
      } catch let refusal {
        throw error(record, "au", refusal.message)
      }
      let exists =
        try Bool.fetchOne(
          db,
          sql: """
            SELECT EXISTS (SELECT 1 FROM absence WHERE advisor_id = ? AND starts_at = ?
              AND ends_at = ? AND reason = ?)
            """,
          arguments: [advisorID, absence.startsAt, absence.endsAt, reason.rawValue]) ?? false
      if exists {
        summary.unchanged += 1
        return
      }
      var created = AbsenceRecord(absence)
      try created.insert(db)
      summary.absencesAdded += 1
    }

    func time(_ record: CSVRecord, _ column: String) throws -> TimeOfDay {
      guard let time = TimeOfDay(parsing: cell(record, column)) else {
        throw error(
          record, column, "« \(shown(cell(record, column))) » : une heure comme 09:00 attendue")
      }
      return time
    }

    func date(_ record: CSVRecord, _ column: String, _ text: String) throws -> LocalDate {
      guard let date = LocalDate(parsing: text) else {
        throw error(record, column, "« \(shown(text)) » : une date comme 01/12/2026 attendue")
      }
      return date
    }

    /// « 01/12/2026 » (the whole day) or « 01/12/2026 14:00 ».
    func moment(_ record: CSVRecord, _ column: String) throws -> (LocalDate, TimeOfDay?) {
      let words = cell(record, column).split(separator: " ").map(String.init)
      guard (1...2).contains(words.count), let day = LocalDate(parsing: words[0]) else {
        throw error(
          record, column,
          "« \(shown(cell(record, column))) » : une date, éventuellement suivie d'une heure (01/12/2026 14:00), attendue"
        )
      }
      guard words.count == 2 else { return (day, nil) }
      guard let time = TimeOfDay(parsing: words[1]) else {
        throw error(record, column, "« \(shown(words[1])) » : une heure comme 14:00 attendue")
      }
      return (day, time)
    }
  }

  // MARK: Export

  /// The site's set-up: every structure an administrator saved or gave advisors, or typed from scratch, with its
  /// advisors, their rules still valid on `now` and their absences not over yet. Bundled structures left as
  /// published are not written: a fresh base has them already.
  static func export(now: Date, in db: Database) throws -> String {
    let today = LocalDate(now)
    var lines = [columns.joined(separator: ";")]
    let structures = try OperatorStructureRecord.fetchAll(
      db,
      sql: """
        SELECT * FROM operator_structure
        WHERE edited OR source_id IS NULL OR id IN (SELECT structure_id FROM advisor)
        ORDER BY name COLLATE french, id
        """)
    let territoryNames = Dictionary(
      try Row.fetchAll(db, sql: "SELECT id, name FROM territory").map {
        ($0["id"] as Int64, $0["name"] as String)
      }, uniquingKeysWith: { first, _ in first })
    func line(_ values: [String: String]) -> String {
      columns.map { quoted(values[$0] ?? "") }.joined(separator: ";")
    }
    for structure in structures {
      guard let id = structure.id else { continue }
      let key = structure.sourceID ?? structure.name
      let territories = try AppDatabase.territoryIDs(db, id).compactMap { territoryNames[$0] }
      lines.append(
        line([
          "objet": "structure", "structure": structure.sourceID ?? "", "type": structure.kind,
          "nom": structure.name, "adresse": structure.address ?? "",
          "code_postal": structure.postcode ?? "", "commune": structure.city ?? "",
          "telephone": structure.phone ?? "", "courriel": structure.email ?? "",
          "territoires": territories.joined(separator: "|"),
        ]))
      let advisors = try AdvisorRecord.fetchAll(
        db,
        sql: """
          SELECT * FROM advisor WHERE structure_id = ? AND is_active
          ORDER BY display_name COLLATE french, id
          """,
        arguments: [id])
      for advisor in advisors {
        guard let advisorID = advisor.id else { continue }
        lines.append(
          line(["objet": "conseiller", "structure": key, "nom": advisor.displayName]))
        let rules = try OpeningRuleRecord.fetchAll(
          db,
          sql: """
            SELECT * FROM opening_rule WHERE advisor_id = ? AND (valid_to IS NULL OR valid_to >= ?)
            ORDER BY valid_from, start_minute, id
            """, arguments: [advisorID, today.number]
        ).compactMap(\.rule)
        for rule in rules {
          lines.append(
            line([
              "objet": "plage", "structure": key, "conseiller": advisor.displayName,
              "jours": Weekday.listText(rule.weekdays), "debut": "\(rule.start)",
              "fin": "\(rule.end)", "duree": "\(rule.slotMinutes)", "lieu": rule.place.setupCode,
              "places": rule.groupCapacity.map(String.init) ?? "",
              "du": rule.validFrom.frenchNumeric, "au": rule.validTo?.frenchNumeric ?? "",
            ]))
        }
        let absences = try AbsenceRecord.fetchAll(
          db,
          sql: "SELECT * FROM absence WHERE advisor_id = ? AND ends_at > ? ORDER BY starts_at, id",
          arguments: [advisorID, now]
        ).map(\.absence)
        for absence in absences {
          let first = LocalClock.wallTime(of: absence.startsAt)
          let last = LocalClock.wallTime(of: absence.endsAt)
          let wholeDays = first.time.minutes == 0 && last.time.minutes == 0
          lines.append(
            line([
              "objet": "absence", "structure": key, "conseiller": advisor.displayName,
              "du": wholeDays
                ? first.date.frenchNumeric : "\(first.date.frenchNumeric) \(first.time)",
              "au": wholeDays
                ? last.date.adding(days: -1).frenchNumeric
                : "\(last.date.frenchNumeric) \(last.time)",
              "motif": absence.reason.setupCode,
            ]))
        }
      }
    }
    return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
  }

  /// Quotes a cell holding the separator, a quote or a line break; a leading `=`, `+`, `-` or `@` is
  /// prefixed with an apostrophe so a spreadsheet does not run it as a formula.
  static func quoted(_ value: String) -> String {
    var text = value
    if let first = text.first, "=+-@".contains(first) { text = "'" + text }
    guard text.contains(where: { ";\"\n\r".contains($0) }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

extension AppDatabase {
  /// Applies a set-up file (`guichet operators import`) in one transaction: all of it or, at the first refused
  /// cell, nothing (`ImportError` with line and column). Administrators only.
  public func importOperatorsSetup(
    _ data: Data, name: String, by caller: Caller, now: Date = Date()
  )
    throws -> OperatorsSetupFile.Summary
  {
    do {
      return try writer.write { db in
        try caller.require(.administerOperators, in: db)
        return try OperatorsSetupFile.apply([UInt8](data), name: name, now: now, in: db)
      }
    } catch let error as ImportError {
      throw error
    } catch let error as UserError {
      throw error
    } catch {
      throw UserError("Import impossible : \(StoreErrors.reason(error)). Rien n'a été modifié.")
    }
  }

  /// The set-up file of this base (`guichet operators export`), which `importOperatorsSetup` reads back unchanged.
  public func exportOperatorsSetup(by caller: Caller, now: Date = Date()) throws -> String {
    try StoreErrors.run("Export des structures") {
      try writer.read { db in
        try caller.require(.administerOperators, in: db)
        return try OperatorsSetupFile.export(now: now, in: db)
      }
    }
  }
}
