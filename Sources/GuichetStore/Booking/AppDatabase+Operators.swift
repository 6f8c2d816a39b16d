import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// Structures by name, optionally of one kind or serving one territory; inactive ones only when asked;
  /// `withAdvisors` keeps those with at least one advisor (the agenda has nothing to show for the others).
  public func operatorStructures(
    kind: OperatorKind? = nil, territoryID: Int64? = nil, includeInactive: Bool = false,
    withAdvisors: Bool = false
  ) throws -> [OperatorStructure] {
    try StoreErrors.run("Lecture des structures") {
      try writer.read { db in
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let kind {
          conditions.append("kind = ?")
          arguments.append(kind.rawValue)
        }
        if let territoryID {
          conditions.append(
            "id IN (SELECT structure_id FROM operator_structure_territory WHERE territory_id = ?)")
          arguments.append(territoryID)
        }
        if !includeInactive { conditions.append("is_active") }
        if withAdvisors { conditions.append("id IN (SELECT structure_id FROM advisor)") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let records = try OperatorStructureRecord.fetchAll(
          db,
          sql: "SELECT * FROM operator_structure \(filter) ORDER BY name COLLATE french, id",
          arguments: StatementArguments(arguments))
        return try records.map { try $0.structure(territoryIDs: Self.territoryIDs(db, $0.id)) }
      }
    }
  }

  public func operatorStructure(id: Int64) throws -> OperatorStructure? {
    try StoreErrors.run("Lecture de la structure") {
      try writer.read { db in
        try OperatorStructureRecord.fetchOne(db, key: id).map {
          try $0.structure(territoryIDs: Self.territoryIDs(db, $0.id))
        }
      }
    }
  }

  /// Inserts (id nil) or updates a structure and replaces its territories, in one transaction. Administrators only.
  public func saveOperatorStructure(_ structure: OperatorStructure, by caller: Caller) throws
    -> OperatorStructure
  {
    var cleaned = structure
    cleaned.name = Self.cleanName(structure.name)
    for path in [
      \OperatorStructure.address, \.postcode, \.city, \.phone, \.email,
    ] {
      cleaned[keyPath: path] = cleaned[keyPath: path].map(Self.cleanField).flatMap {
        $0.isEmpty ? nil : $0
      }
    }
    guard !cleaned.name.isEmpty else { throw UserError("Indiquez le nom de la structure.") }
    // The same checks as a person's contact: a slip must not send someone to « abc ». Stored as printed.
    if let phone = cleaned.phone {
      cleaned.phone = try Self.structureField("Téléphone", phone) {
        try PhoneNumber(parsing: $0).description
      }
    }
    if let email = cleaned.email {
      cleaned.email = try Self.structureField("Courriel", email) {
        try EmailAddress(parsing: $0).value
      }
    }
    return try StoreErrors.run("Enregistrement de la structure") {
      try writer.write { db in
        try caller.require(.administerOperators, in: db)
        var record = OperatorStructureRecord(cleaned)
        if record.inseeCode == nil {
          record.inseeCode = try Self.communeCode(
            city: cleaned.city, postcode: cleaned.postcode, db)
        }
        if record.id == nil {
          try record.insert(db)
        } else if try !record.exists(db) {
          throw UserError("Cette structure n'existe plus.")
        } else {
          if cleaned.phone == nil, try Self.isBookable(db, structureID: record.id) {
            throw UserError(Self.phoneRequired(cleaned.name))
          }
          // A note about the published address (« adresse à compléter ») goes once the address is corrected.
          let stored = try OperatorStructureRecord.fetchOne(db, key: record.id)
          if let stored, stored.address != record.address || stored.city != record.city {
            record.note = nil
          }
          try record.update(db)
        }
        guard let id = record.id else { throw UserError("Structure enregistrée sans identifiant.") }
        try db.execute(
          sql: "DELETE FROM operator_structure_territory WHERE structure_id = ?", arguments: [id])
        for territoryID in Set(cleaned.territoryIDs) {
          guard
            try Int.fetchOne(
              db, sql: "SELECT 1 FROM territory WHERE id = ?", arguments: [territoryID]) != nil
          else { throw UserError("Territoire inconnu (n° \(territoryID)).") }
          try db.execute(
            sql: "INSERT INTO operator_structure_territory VALUES (?, ?)",
            arguments: [id, territoryID])
        }
        try SearchIndex.rebuild(.structure, in: db)
        return record.structure(territoryIDs: try Self.territoryIDs(db, id))
      }
    }
  }

  /// A contact field of a structure, checked by `parse`; the refusal names the field and what was typed.
  static func structureField(
    _ label: String, _ text: String, _ parse: (String) throws -> String
  ) throws -> String {
    do {
      return try parse(text)
    } catch let error as UserError {
      throw UserError(
        "\(label) de la structure refusé (« \(SafeText.clean(String(text.prefix(40)))) ») : \(error.message)"
      )
    }
  }

  /// Creates structures from the imported or bundled directory (Missions locales, CIO); returns how many were added.
  /// Call it after loading reference data: structures already present are only refreshed.
  @discardableResult
  public func seedOperatorStructuresFromDirectory(by caller: Caller) throws -> Int {
    try StoreErrors.run("Création des structures depuis l'annuaire") {
      try writer.write { db in
        try caller.require(.administerOperators, in: db)
        return try OperatorSeeding.seedFromDirectory(db)
      }
    }
  }

  /// Active advisors of a structure (all of them when `includeInactive`), by name.
  public func advisors(structureID: Int64, includeInactive: Bool = false) throws -> [Advisor] {
    try StoreErrors.run("Lecture des conseillers") {
      try writer.read { db in
        try AdvisorRecord.fetchAll(
          db,
          sql: """
            SELECT * FROM advisor WHERE structure_id = ? \(includeInactive ? "" : "AND is_active")
            ORDER BY display_name COLLATE french, id
            """, arguments: [structureID]
        ).map(\.advisor)
      }
    }
  }

  public func advisor(id: Int64) throws -> Advisor? {
    try StoreErrors.run("Lecture du conseiller") {
      try writer.read { db in try AdvisorRecord.fetchOne(db, key: id)?.advisor }
    }
  }

  /// Administrators only.
  public func saveAdvisor(_ advisor: Advisor, by caller: Caller) throws -> Advisor {
    var cleaned = advisor
    cleaned.displayName = Self.cleanName(advisor.displayName)
    guard !cleaned.displayName.isEmpty else { throw UserError("Indiquez le nom du conseiller.") }
    return try StoreErrors.run("Enregistrement du conseiller") {
      try writer.write { db in
        try caller.require(.administerOperators, in: db)
        guard let structure = try OperatorStructureRecord.fetchOne(db, key: cleaned.structureID)
        else {
          throw UserError("La structure de ce conseiller n'existe plus.")
        }
        if cleaned.isActive, structure.phone == nil {
          throw UserError(Self.phoneRequired(structure.name))
        }
        var record = AdvisorRecord(cleaned)
        try record.insertOrUpdate(db, missing: AdvisorRecord.missing)
        return record.advisor
      }
    }
  }

  /// Removes an advisor from booking. Refused while appointments are still to come: they must be
  /// moved or cancelled first, so nobody turns up to an advisor who is gone. Past appointments keep the name.
  /// Administrators only.
  public func removeAdvisor(id: Int64, by caller: Caller, now: Date = Date()) throws {
    try StoreErrors.run("Retrait du conseiller") {
      try writer.write { db in
        try caller.require(.administerOperators, in: db)
        let coming =
          try Int.fetchOne(
            db,
            sql: """
              SELECT count(*) FROM appointment
              WHERE advisor_id = ? AND cancelled_at IS NULL AND starts_at >= ?
              """, arguments: [id, now]) ?? 0
        if coming > 0 {
          throw UserError(
            "Ce conseiller a encore \(coming) rendez-vous à venir : déplacez-les ou annulez-les d'abord."
          )
        }
        try db.execute(sql: "UPDATE advisor SET is_active = 0 WHERE id = ?", arguments: [id])
        if db.changesCount == 0 { throw UserError(AdvisorRecord.missing) }
      }
    }
  }

  /// A structure is bookable once it has an active advisor: the slip then gives its phone.
  static func isBookable(_ db: Database, structureID: Int64?) throws -> Bool {
    guard let structureID else { return false }
    return try Bool.fetchOne(
      db, sql: "SELECT EXISTS (SELECT 1 FROM advisor WHERE structure_id = ? AND is_active)",
      arguments: [structureID]) ?? false
  }

  /// The refusal when a bookable structure would have no phone (the schema's triggers say the same in English).
  static func phoneRequired(_ name: String) -> String {
    "« \(SafeText.clean(String(name.prefix(60)))) » prend des rendez-vous : indiquez son téléphone, "
      + "qui figure sur la convocation (--phone, colonne telephone de guichet operators import, "
      + "ou la fiche de la structure dans l'administration)."
  }

  /// The INSEE code of a commune named `city` (« Annecy », « Lyon Cedex 03 »), in the postcode's département when known.
  static func communeCode(city: String?, postcode: String?, _ db: Database) throws -> String? {
    guard let city, !city.isEmpty else { return nil }
    let key = StructureCity.key(city)
    let departement = postcode.map { String($0.prefix(2)) } ?? ""
    return try String.fetchOne(
      db,
      sql: """
        SELECT insee_code FROM commune WHERE name_search = ? AND insee_code LIKE ?
        ORDER BY insee_code LIMIT 1
        """, arguments: [key, departement + "%"])
  }

  static func territoryIDs(_ db: Database, _ structureID: Int64?) throws -> [Int64] {
    guard let structureID else { return [] }
    return try Int64.fetchAll(
      db,
      sql:
        "SELECT territory_id FROM operator_structure_territory WHERE structure_id = ? ORDER BY 1",
      arguments: [structureID])
  }

  /// Addresses, phones and e-mails typed by an administrator: printable, single spaces, bounded.
  static func cleanField(_ text: String) -> String {
    String(
      SafeText.clean(text).split(whereSeparator: \.isWhitespace).joined(separator: " ").prefix(200))
  }
}

extension AppDatabase {
  /// The commune and bassin of each INSEE code asked for (codes not in the territory model are left out):
  /// where `guichet operators list` places each structure.
  public func communePlaces(_ inseeCodes: [String]) throws -> [String: (
    commune: String, bassin: String
  )] {
    try StoreErrors.run("Lecture des communes") {
      try writer.read { db in
        var places: [String: (commune: String, bassin: String)] = [:]
        for code in Set(inseeCodes) {
          if let row = try Row.fetchOne(
            db,
            sql: """
              SELECT c.name AS commune, b.name AS bassin FROM commune c
              JOIN bassin b ON b.code = c.bassin_code WHERE c.insee_code = ?
              """, arguments: [code])
          {
            places[code] = (row["commune"], row["bassin"])
          }
        }
        return places
      }
    }
  }
}
