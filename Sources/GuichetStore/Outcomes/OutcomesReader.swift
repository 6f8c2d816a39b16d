import GRDB
import GuichetCore

/// Reads the débouchés of a certification: InserJeunes rows of the region reached through the certification's
/// diploma codes (CFD, from the diploma tables and Certif Info), school rows through the BCN N_MEF table. Only the
/// latest millésime of each voie is kept, one entry per diploma row, as published.
enum OutcomesReader {
  static func outcomes(of code: String, in db: Database) throws -> [DiplomaOutcome] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        WITH cfds(cfd) AS (
          SELECT cfd FROM diploma_certification WHERE code_rncp = :code
          UNION SELECT cfd FROM certifinfo WHERE code_rncp = :code AND cfd IS NOT NULL)
        SELECT c.cfd AS diploma, o.* FROM cfds c
        JOIN diploma_outcome o ON o.cfd = c.cfd AND o.region = :region
        UNION ALL
        SELECT c.cfd AS diploma, o.* FROM cfds c
        JOIN mef_diploma m ON m.cfd = c.cfd
        JOIN diploma_outcome o ON o.mefstat11 = m.mefstat11 AND o.region = :region
        """, arguments: ["code": code, "region": InserJeunesImporter.region])
    var latest: [String: String] = [:]
    for row in rows {
      let voie: String = row["voie"]
      let millesime: String = row["millesime"]
      if millesime > latest[voie, default: ""] { latest[voie] = millesime }
    }
    var measured24: [String: Bool] = [:]
    for millesime in Set(latest.values) {
      measured24[millesime] =
        try Bool.fetchOne(
          db,
          sql: """
            SELECT EXISTS (SELECT 1 FROM diploma_outcome
              WHERE millesime = ? AND rate_employed_24 IS NOT NULL)
            """, arguments: [millesime]) ?? false
    }
    let outcomes = rows.compactMap { row -> DiplomaOutcome? in
      let millesime: String = row["millesime"]
      guard let voie = DiplomaOutcome.Voie(rawValue: row["voie"]),
        latest[voie.rawValue] == millesime
      else { return nil }
      let rate24 = rate(row["rate_employed_24"])
      return DiplomaOutcome(
        diplomaCode: row["diploma"], mefCode: row["mefstat11"], voie: voie, millesime: millesime,
        cohort: row["final_year"],
        leavers: row["leavers"], employedAt6Months: rate(row["rate_employed_6"]),
        employedAt12Months: rate(row["rate_employed_12"]),
        employedAt24Months: measured24[millesime] == false ? .notYetMeasured : rate24,
        continuingStudies: rate(row["rate_continuing"]))
    }
    // School then apprenticeship, as the fiches list the voies; the same row reached twice is shown once.
    return Array(Set(outcomes)).sorted {
      ($0.voie == .school ? 0 : 1, $0.diplomaCode, -($0.leavers ?? -1), $0.mefCode ?? "")
        < ($1.voie == .school ? 0 : 1, $1.diplomaCode, -($1.leavers ?? -1), $1.mefCode ?? "")
    }
  }

  /// The InserJeunes figures of each establishment (UAI) that has some: lycée rows then CFA, all leavers
  /// first. They pool the establishment's diplomas (the file names none).
  static func establishmentOutcomes(of uais: Set<String>, in db: Database) throws
    -> [String: [EstablishmentOutcome]]
  {
    guard !uais.isEmpty else { return [:] }
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT * FROM establishment_outcome WHERE uai IN (SELECT value FROM json_each(?))
        ORDER BY uai, kind DESC,
          CASE population WHEN 'ensemble' THEN 0 WHEN 'apprentis' THEN 1 ELSE 2 END
        """, arguments: [AppDatabase.jsonArray(Array(uais))])
    var result: [String: [EstablishmentOutcome]] = [:]
    for row in rows {
      guard let kind = EstablishmentOutcome.Kind(rawValue: row["kind"]),
        let population = EstablishmentOutcome.Population(rawValue: row["population"])
      else { continue }
      let uai: String = row["uai"]
      result[uai, default: []].append(
        EstablishmentOutcome(
          uai: uai, name: row["name"], kind: kind, population: population,
          millesime: row["millesime"], continuingStudies: rate(row["share_continuing"]),
          employedAt6Months: rate(row["share_employed_6"]),
          otherSituations: rate(row["share_other"]),
          employmentRate: rate(row["rate_employed_6"]), expectedRate: rate(row["rate_expected"]),
          valueAdded: row["value_added"]))
    }
    return result
  }

  /// An empty cell is secrecy: it stays secret, never 0.
  private static func rate(_ value: Int?) -> OutcomeRate {
    value.map(OutcomeRate.percent) ?? .secret
  }

  /// The débouchés of the certifications that lead to a métier (by its parent ROME code), those with figures only.
  static func occupationOutcomes(parent: String, in db: Database) throws -> [CertificationOutcomes]
  {
    let certifications = try Row.fetchAll(
      db,
      sql: """
        SELECT code, title FROM (
          SELECT c.code, c.title FROM certification_occupation co
          JOIN certification c ON c.code = co.code_rncp WHERE co.code_rome = :rome
          UNION
          SELECT ci.code_rncp AS code, coalesce(c.title, ci.title) AS title FROM certifinfo_occupation cio
          JOIN certifinfo ci ON ci.code = cio.code
          LEFT JOIN certification c ON c.code = ci.code_rncp
          WHERE cio.code_rome = :rome AND ci.code_rncp IS NOT NULL)
        GROUP BY code ORDER BY title COLLATE french, code
        """, arguments: ["rome": parent])
    return try certifications.compactMap { row in
      let code: String = row["code"]
      let outcomes = try outcomes(of: code, in: db)
      return outcomes.isEmpty
        ? nil : CertificationOutcomes(code: code, title: row["title"], outcomes: outcomes)
    }
  }

  /// The DARES tension category of each FAP2009 family of the métier (the salaries' join), in the visitor's
  /// départements, or in the region when the visit names no territory.
  static func tensions(parent: String, departements: [String], in db: Database) throws
    -> [HiringTension]
  {
    let areas: [(level: String, area: String, name: String)] =
      departements.isEmpty
      ? [("reg", InserJeunesImporter.region, "Auvergne-Rhône-Alpes")]
      : departements.map { ("dep", $0, OperatorsImporter.departements[$0] ?? "département \($0)") }
    var tensions: [HiringTension] = []
    for area in areas {
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT f.family, fam.label, t.year, t.category
          FROM (SELECT DISTINCT substr(fap_code, 1, 3) AS family FROM occupation_fap2009 WHERE code_rome = ?) f
          LEFT JOIN fap2009_family fam ON fam.code = f.family
          JOIN hiring_tension t ON t.fap_code = f.family AND t.area_level = ? AND t.area = ?
          AND t.year = (SELECT max(year) FROM hiring_tension WHERE fap_code = f.family)
          ORDER BY f.family
          """, arguments: [parent, area.level, area.area])
      tensions += rows.map {
        HiringTension(
          familyCode: $0["family"], familyLabel: $0["label"], area: area.name, year: $0["year"],
          category: $0["category"])
      }
    }
    return tensions
  }

  /// The départements (two-digit codes) of a territory's communes, those the tension file covers.
  static func departements(ofTerritory id: Int64, in db: Database) throws -> [String] {
    try String.fetchAll(
      db,
      sql: """
        SELECT DISTINCT substr(c.insee_code, 1, 2) AS dep FROM territory_bassin tb
        JOIN commune c ON c.bassin_code = tb.bassin_code
        WHERE tb.territory_id = ? ORDER BY dep
        """, arguments: [id]
    ).filter { OperatorsImporter.departements[$0] != nil }
  }
}
