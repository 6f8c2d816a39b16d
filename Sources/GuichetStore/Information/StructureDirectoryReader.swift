import GRDB
import GuichetCore

extension AppDatabase {
  /// The orientation directory, placed relative to a territory: structures whose commune lies in one of the
  /// territory's bassins first, then the rest of its départements, then the region; by type, city and name
  /// within each. Without a territory, the whole region by type, city and name.
  public func structureDirectory(territoryID: Int64?) throws -> StructureDirectory {
    try StoreErrors.run("Lecture de l'annuaire des structures") {
      try writer.read { db in try Self.structureDirectory(territoryID: territoryID, in: db) }
    }
  }

  static func structureDirectory(territoryID: Int64?, in db: Database) throws -> StructureDirectory
  {
    var territory: Territory?
    var communeKeys: Set<String> = []
    var communeCodes: Set<String> = []
    var departements: Set<String> = []
    if let territoryID,
      let name = try String.fetchOne(
        db, sql: "SELECT name FROM territory WHERE id = ?", arguments: [territoryID])
    {
      territory = Territory(id: territoryID, name: name)
      let communes = try Row.fetchAll(
        db,
        sql: """
          SELECT c.insee_code, c.name_search FROM territory_bassin tb JOIN commune c ON c.bassin_code = tb.bassin_code
          WHERE tb.territory_id = ?
          """, arguments: [territoryID])
      for commune in communes {
        let departement = String((commune["insee_code"] as String).prefix(2))
        departements.insert(departement)
        communeCodes.insert(commune["insee_code"])
        communeKeys.insert(departement + "|" + (commune["name_search"] as String))
      }
    }
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT id, name, type_tag, address, postcode, city, departement, phone, email, website,
          hours, insee_code, note, source, structure_id
        FROM (\(try OperatorDirectorySchema.entriesSQL(db)))
        """)
    let structures = rows.map { row in
      let tag: String = row["type_tag"]
      let city: String? = row["city"]
      let departement: String? = row["departement"]
      var place = OrientationStructure.Place.region
      if let departement, departements.contains(departement) {
        // The INSEE code when the data gives one of the territory's communes, else the town's name in the
        // département (Lyon's arrondissements have codes of their own).
        let inTerritory =
          (row["insee_code"] as String?).map(communeCodes.contains) == true
          || communeKeys.contains(departement + "|" + StructureCity.key(city ?? ""))
        place = inTerritory ? .territory : .departement
      }
      return OrientationStructure(
        id: row["id"], name: row["name"], typeTag: tag,
        typeLabel: StructureType.label(forTag: tag) ?? tag, address: row["address"],
        postcode: row["postcode"], city: city, phone: row["phone"], email: row["email"],
        website: row["website"], place: place, hours: row["hours"], note: row["note"],
        source: row["source"], bookableStructureID: row["structure_id"])
    }.sorted {
      if $0.place != $1.place { return $0.place < $1.place }
      let left = [$0.typeLabel, $0.city ?? "", $0.name]
      let right = [$1.typeLabel, $1.city ?? "", $1.name]
      return left == right ? $0.id < $1.id : FrenchCollation.precedes(left, right)
    }
    return StructureDirectory(
      territory: territory, structures: structures,
      source: try DataSources.fetch(["structures"], in: db).first)
  }
}

/// The commune key of a directory city: « Ambérieu-en-Bugey Cedex », « Lyon 3e » and « LYON CEDEX 07 » are postal
/// forms of a commune name; the key keeps the words before « cedex » or an arrondissement number.
enum StructureCity {
  static func key(_ city: String) -> String {
    var words: [String] = []
    for word in CommuneSearchKey.make(city).split(separator: " ") {
      if word == "cedex" || word.first?.isNumber == true { break }
      words.append(String(word))
    }
    return words.joined(separator: " ")
  }
}
