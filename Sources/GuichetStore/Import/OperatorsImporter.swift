import Foundation
import GRDB
import GuichetCore

/// Imports the second-level operators of the 8 Rhône-Alpes départements into the structures directory
/// (`orientation_structure`, dataset `operators`), from the files as published:
/// - France Travail local agencies (`ALE`) of the 2019 referential, each joined on its 7-character agency code to the
///   May 2023 Services Publics+ list, which gives its INSEE commune and says whether it is still open: an agency missing
///   from 2023 is dropped (reported), and agencies of 2023 absent in 2019 are added, flagged « adresse à compléter »
///   since the 2023 list has no street;
/// - Transitions Pro contacts per département (a JavaScript module), kept as published even when doubtful (the Loire row
///   points to Clermont-Ferrand): such a row gets a note, and an administrator corrects the bookable structure;
/// - France services (first-level partners, directory only) with their opening hours.
/// Bookable structures are then made from the France Travail and Transitions Pro rows (`OperatorSeeding`).
enum OperatorsImporter {
  struct Files {
    var agencies: CSVFile
    var servicesPublics: CSVFile
    var franceServices: CSVFile
    var transitionsPro: JSModuleLiteral.Value
    var transitionsProFile: String
  }

  /// The départements the bundle and the territory model cover, with their names.
  static let departements: [String: String] = [
    "01": "Ain", "07": "Ardèche", "26": "Drôme", "38": "Isère", "42": "Loire", "69": "Rhône",
    "73": "Savoie", "74": "Haute-Savoie",
  ]

  static let franceTravailSource =
    "France Travail – référentiel des agences (2019) ; DITP – Services Publics+ (mai 2023)"
  static let transitionsProSource = "Transitions Pro – contacts par département (mai 2022)"
  static let franceServicesSource = "ANCT – France services (2024)"
  static let missingAddress = "adresse à compléter (absente de la liste Services Publics+ 2023)"

  static func read(_ folder: inout SourceFolder) throws -> Files {
    let agencies = try folder.csv("france_travail_agences")
    let servicesPublics = try folder.csv("services_publics_plus")
    let franceServices = try folder.csv("france_services")
    let script = try folder.file("transitions_pro", suffix: ".js")
    return Files(
      agencies: agencies, servicesPublics: servicesPublics, franceServices: franceServices,
      transitionsPro: try JSModuleLiteral.read(script), transitionsProFile: script.lastPathComponent
    )
  }

  /// One directory row.
  struct Entry {
    var id: String
    var name: String
    var tag: String
    var email: String?
    var address: String?
    var postcode: String?
    var city: String?
    var departement: String
    var phone: String?
    var website: String?
    var inseeCode: String?
    var hours: String?
    var note: String?
    var source: String
  }

  static func write(_ files: Files, into db: Database) throws -> ImportReport {
    var warnings: [String] = []
    var entries = try franceTravail(files, db, warnings: &warnings)
    let agencyCount = entries.count
    entries += try transitionsPro(files, db, warnings: &warnings)
    let transitionsCount = entries.count - agencyCount
    entries += try franceServices(files.franceServices)
    try db.execute(sql: "DELETE FROM orientation_structure WHERE dataset = 'operators'")
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO orientation_structure(id, name, type_tag, email, address, postcode, city, departement,
          phone, website, insee_code, hours, note, source, dataset)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'operators')
        """)
    for entry in entries {
      do {
        try insert.execute(arguments: [
          entry.id, entry.name, entry.tag, entry.email, entry.address, entry.postcode, entry.city,
          entry.departement, entry.phone, entry.website, entry.inseeCode, entry.hours, entry.note,
          entry.source,
        ])
      } catch let error as DatabaseError
        where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
      {
        throw ImportError(
          file: files.agencies.name,
          message:
            "identifiant « \(entry.id) » déjà présent dans l’annuaire d’un autre jeu de données")
      }
    }
    var report = ImportReport(
      dataset: .operators, source: ReferenceDataset.operators.source, version: "2019-2024",
      warnings: warnings)
    report.add("structures", "structures", entries.count)
    report.add("type_france_travail", "dont agences France Travail", agencyCount)
    report.add("type_transitions_pro", "dont Transitions Pro", transitionsCount)
    report.add(
      "type_france_services", "dont France services", entries.count - agencyCount - transitionsCount
    )
    try SearchIndex.rebuild(.structure, in: db)
    return report
  }

  // MARK: France Travail

  /// 2019 local agencies still open in 2023, then the 2023 agencies absent from 2019.
  static func franceTravail(_ files: Files, _ db: Database, warnings: inout [String]) throws
    -> [Entry]
  {
    let sp = files.servicesPublics
    let s = try sp.columns(
      "Intitulé du réseau", "Intitulé de la typologie", "Intitulé de la structure",
      "Identifiant de la structure", "Adresse", "Code postal de la structure", "Ville", "Actif",
      "INSEE Ville", "INSEE Département")
    // Agency code → 2023 row, for France Travail (« POLE EMPLOI » in May 2023) sites of the 8 départements.
    var open: [String: CSVRecord] = [:]
    for record in sp.records where record[s[0]].uppercased() == "POLE EMPLOI" {
      let departement = String(record[s[9]].dropFirst(3))
      guard departements[departement] != nil else { continue }
      let code = record[s[3]].trimmingSpaces()
      guard !code.isEmpty else { continue }
      if ImportText.flag(record[s[7]]) == false { continue }
      open[code] = record
    }
    let file = files.agencies
    let a = try file.columns(
      "REFERENCE_PE", "NOM", "TYPE_SITE", "COMPLEMENT_ADRESSE", "DC_COMPLEMENTADRSITEPHYSIQUE",
      "ADRESSE", "CODE_POSTAL", "COMMUNE")
    var entries: [Entry] = []
    var known: Set<String> = []
    for record in file.records {
      let reference = record[a[0]].trimmingSpaces()
      guard reference.count >= 7 else {
        if published(record[a[6]]).map({ departements[String($0.prefix(2))] != nil }) == true {
          throw file.error(record, column: a[0], "code agence illisible « \(reference) »")
        }
        continue
      }
      let code = String(reference.prefix(7))
      known.insert(code)
      guard let postcode = published(record[a[6]]).map(paddedPostcode),
        let departement = Optional(String(postcode.prefix(2))), departements[departement] != nil,
        record[a[2]] == "ALE"
      else { continue }
      let name = agencyName(published(record[a[1]]) ?? code)
      guard let current = open[code] else {
        warnings.append(
          "agence « \(name) » (\(code)) absente de la liste 2023 : fermée, non reprise")
        continue
      }
      let insee = inseeCode(current[s[8]])
      let street = [record[a[3]], record[a[4]], record[a[5]]].compactMap(published)
        .joined(separator: ", ")
      entries.append(
        Entry(
          id: "france_travail-\(code)", name: name, tag: "france_travail", email: nil,
          address: street.isEmpty ? nil : street, postcode: postcode,
          city: try communeName(insee, db) ?? published(record[a[7]]), departement: departement,
          phone: nil, website: nil, inseeCode: insee, hours: nil,
          note: street.isEmpty ? missingAddress : nil, source: franceTravailSource))
    }
    // Sites opened since 2019 that receive the public: agencies, relay agencies, specialised agencies.
    for (code, record) in open.sorted(by: { $0.key < $1.key }) where !known.contains(code) {
      guard record[s[1]].uppercased().hasPrefix("AGENCE") else { continue }
      let insee = inseeCode(record[s[8]])
      let street = ImportText.optional(record[s[4]])
      var title = record[s[2]].trimmingSpaces()
      if title.uppercased().hasSuffix("-PE") { title = String(title.dropLast(3)) }
      entries.append(
        Entry(
          id: "france_travail-\(code)", name: agencyName(title), tag: "france_travail",
          email: nil, address: street, postcode: published(record[s[5]]).map(paddedPostcode),
          city: try communeName(insee, db) ?? ImportText.optional(record[s[6]]),
          departement: String(record[s[9]].dropFirst(3)), phone: nil, website: nil,
          inseeCode: insee, hours: nil, note: street == nil ? missingAddress : nil,
          source: franceTravailSource))
    }
    return entries
  }

  /// The 2019 file writes the string `NULL` for an empty field.
  static func published(_ raw: String) -> String? {
    let text = SafeText.clean(raw).trimmingSpaces()
    return text.isEmpty || text.uppercased() == "NULL" ? nil : text
  }

  /// « 1702 » lost its leading zero (Ain, Ardèche) in the 2023 list.
  static func paddedPostcode(_ postcode: String) -> String {
    postcode.count == 4 && postcode.allSatisfy(\.isNumber) ? "0" + postcode : postcode
  }

  /// `com26281` → `26281`.
  static func inseeCode(_ raw: String) -> String? {
    let code = raw.hasPrefix("com") ? String(raw.dropFirst(3)) : raw
    return code.count == 5 ? code : nil
  }

  /// The official name of a commune; nil where the territory model is absent (a reference-only base).
  static func communeName(_ insee: String?, _ db: Database) throws -> String? {
    guard let insee, try db.tableExists("commune") else { return nil }
    return try String.fetchOne(
      db, sql: "SELECT name FROM commune WHERE insee_code = ?", arguments: [insee])
  }

  /// « ANNECY GENEVE 127 » → « France Travail Annecy Geneve 127 »: the published names are upper case
  /// (accents lost); a lost character (`¿`) stays as published.
  static func agencyName(_ published: String) -> String {
    let small: Set<String> = ["de", "d", "du", "des", "la", "le", "les", "en", "et", "sur", "sous"]
    let words = published.split(separator: " ").enumerated().map { index, word in
      word.split(separator: "-", omittingEmptySubsequences: false).map { part -> String in
        let lower = part.lowercased()
        if index > 0, small.contains(lower) { return lower }
        return lower.prefix(1).uppercased() + lower.dropFirst()
      }.joined(separator: "-")
    }
    return "France Travail " + words.joined(separator: " ")
  }

  // MARK: Transitions Pro

  static func transitionsPro(_ files: Files, _ db: Database, warnings: inout [String]) throws
    -> [Entry]
  {
    guard case .array(let rows) = files.transitionsPro else {
      throw ImportError(file: files.transitionsProFile, message: "liste de contacts attendue")
    }
    var entries: [Entry] = []
    for row in rows {
      guard let departement = row["departement"]?.string, let served = departements[departement]
      else { continue }
      var entry = Entry(
        id: "transitions_pro-\(departement)", name: "Transitions Pro – \(served) (\(departement))",
        tag: "transitions_pro", email: row["email"]?.string.map(ImportText.label),
        departement: departement, website: row["website"]?.string.map(ImportText.label),
        source: transitionsProSource)
      if let address = row["address"]?.string.map(ImportText.label), !address.isEmpty {
        // « 83/85 Boulevard Vivier Merle, 69003 Lyon »: the last comma part is the postcode and town.
        var parts = address.components(separatedBy: ",").map { $0.trimmingSpaces() }
        let town = parts.removeLast()
        let pieces = town.split(separator: " ", maxSplits: 1).map(String.init)
        if pieces.count == 2, pieces[0].count == 5, pieces[0].allSatisfy(\.isNumber), !parts.isEmpty
        {
          entry.address = parts.joined(separator: ", ")
          entry.postcode = pieces[0]
          entry.city = pieces[1]
          entry.inseeCode =
            try !db.tableExists("commune")
            ? nil
            : String.fetchOne(
              db,
              sql:
                "SELECT insee_code FROM commune WHERE name_search = ? AND insee_code LIKE ? LIMIT 1",
              arguments: [CommuneSearchKey.make(pieces[1]), String(pieces[0].prefix(2)) + "%"])
        } else {
          entry.address = address
        }
      }
      if let postcode = entry.postcode, departements[String(postcode.prefix(2))] == nil {
        entry.note =
          "adresse publiée hors des 8 départements (\(entry.city ?? postcode)) : à vérifier ; "
          + "un administrateur peut la corriger"
        warnings.append(
          "Transitions Pro \(served) : adresse publiée à \(entry.city ?? postcode), gardée telle quelle"
        )
      } else if entry.address == nil {
        entry.note = "adresse non publiée"
      }
      if let comment = row["comment"]?.string.map(ImportText.label), !comment.isEmpty {
        entry.note = [entry.note, comment].compactMap { $0 }.joined(separator: " · ")
      }
      entries.append(entry)
    }
    return entries
  }

  // MARK: France services

  static let weekdayColumns = [
    ("h_lundi", "lun."), ("h_mardi", "mar."), ("h_mercredi", "mer."), ("h_jeudi", "jeu."),
    ("h_vendredi", "ven."), ("h_samedi", "sam."),
  ]

  static func franceServices(_ file: CSVFile) throws -> [Entry] {
    let c = try file.columns(
      "id_fs", "insee_dep", "lib_fs", "adresse", "complement_adresse", "insee_com", "code_postal",
      "lib_com", "mail", "telephone", "commentaire")
    let days = try weekdayColumns.map { (try file.column($0.0), $0.1) }
    var entries: [Entry] = []
    for record in file.records where departements[record[c[1]]] != nil {
      let id = record[c[0]].trimmingSpaces()
      guard !id.isEmpty else { throw file.error(record, column: c[0], "identifiant absent") }
      let hours = days.compactMap { column, label -> String? in
        ImportText.optional(record[column]).map { "\(label) \($0)" }
      }.joined(separator: " · ")
      let street = [record[c[3]], record[c[4]]].compactMap(ImportText.optional)
        .joined(separator: ", ")
      entries.append(
        Entry(
          id: "france_services-\(id)", name: ImportText.label(record[c[2]]),
          tag: "france_services", email: ImportText.optional(record[c[8]]),
          address: street.isEmpty ? nil : street, postcode: ImportText.optional(record[c[6]]),
          city: ImportText.optional(record[c[7]]), departement: record[c[1]],
          phone: ImportText.optional(record[c[9]]), website: nil,
          inseeCode: ImportText.optional(record[c[5]]), hours: hours.isEmpty ? nil : hours,
          note: ImportText.optional(record[c[10]]), source: franceServicesSource))
    }
    return entries
  }
}
