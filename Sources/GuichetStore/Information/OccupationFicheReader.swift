import GRDB
import GuichetCore

/// Builds a métier fiche from the reference tables. Links published on the main fiches (certifications,
/// ROME → FAP2009) are read through the parent code, so a sub-fiche (`K1208`) shows those of `K1207`.
enum OccupationFicheReader {
  /// `departements`: the visitor's, for the hiring tension (the region's figure when empty).
  static func fetch(_ code: String, departements: [String] = [], in db: Database) throws
    -> OccupationFiche?
  {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT o.code, o.title, o.parent_code, p.title AS parent_title, o.transition_eco,
                 o.transition_num, o.transition_demo, o.regulated, o.cadre
          FROM occupation o LEFT JOIN occupation p ON p.code = o.parent_code
          WHERE o.code = ?
          """, arguments: [code])
    else { return nil }
    let parent: String = row["parent_code"]
    var fiche = OccupationFiche(
      code: row["code"], title: row["title"], parentCode: parent, parentTitle: row["parent_title"])
    fiche.flags = OccupationFlags(
      regulated: row["regulated"], cadre: row["cadre"], ecologicalTransition: row["transition_eco"],
      digitalTransition: row["transition_num"], demographicTransition: row["transition_demo"])
    fiche.grandDomain = try codeLabel(
      db, "SELECT code, label FROM grand_domain WHERE code = ?", String(parent.prefix(1)))
    fiche.domain = try codeLabel(
      db, "SELECT code, label FROM professional_domain WHERE code = ?", String(parent.prefix(3)))
    try readTexts(&fiche, db)
    fiche.jobTitles = try Row.fetchAll(
      db,
      sql: """
        SELECT masculine, feminine, is_main, rarely_used FROM job_title WHERE code_rome = ?
        ORDER BY is_main DESC, rarely_used, masculine COLLATE french
        """, arguments: [code]
    ).map {
      JobTitle(
        masculine: $0["masculine"], feminine: $0["feminine"], isMain: $0["is_main"],
        rarelyUsed: $0["rarely_used"])
    }
    // The 2021 export's links, then those Certif Info adds (fiches it alone knows, or links the export lacks).
    fiche.certifications = try Row.fetchAll(
      db,
      sql: """
        SELECT code, title, level, type_label, is_active FROM (
          SELECT c.code, c.title, c.level, c.type_label, c.is_active
          FROM certification_occupation co JOIN certification c ON c.code = co.code_rncp
          WHERE co.code_rome = :rome
          UNION
          SELECT ci.code_rncp, coalesce(c.title, ci.title), coalesce(c.level, ci.level),
                 coalesce(c.type_label, ci.type_label),
                 coalesce(c.is_active, ci.state LIKE 'publi%')
          FROM certifinfo_occupation cio JOIN certifinfo ci ON ci.code = cio.code
          LEFT JOIN certification c ON c.code = ci.code_rncp
          WHERE cio.code_rome = :rome AND ci.code_rncp IS NOT NULL)
        GROUP BY code
        ORDER BY is_active DESC, level IS NULL, level, title COLLATE french, code
        """, arguments: ["rome": parent]
    ).map {
      CertificationSummary(
        code: $0["code"], title: $0["title"], level: $0["level"], typeLabel: $0["type_label"],
        isActive: $0["is_active"])
    }
    fiche.neighbours = try codeLabels(
      db,
      """
      SELECT m.target_code AS code, coalesce(o.title, m.target_code) AS label
      FROM occupation_mobility m LEFT JOIN occupation o ON o.code = m.target_code
      WHERE m.code_rome = ? ORDER BY m.position, m.target_code
      """, code)
    fiche.related = try codeLabels(
      db,
      """
      SELECT code, title AS label FROM occupation
      WHERE (parent_code = :parent OR code = :parent) AND code <> :code ORDER BY code
      """, ["parent": parent, "code": code])
    fiche.interests = try Row.fetchAll(
      db,
      sql: """
        SELECT a.label, oi.is_main FROM occupation_interest oi JOIN interest_area a ON a.code = oi.interest_code
        WHERE oi.code_rome = ? ORDER BY oi.is_main DESC, a.label COLLATE french
        """, arguments: [code]
    ).map { Interest(label: $0["label"], isMain: $0["is_main"]) }
    fiche.salaries = try salaries(parent, db)
    fiche.outcomes = try OutcomesReader.occupationOutcomes(parent: parent, in: db)
    fiche.tensions = try OutcomesReader.tensions(parent: parent, departements: departements, in: db)
    fiche.sources = try DataSources.fetch(
      ["rome", "rome-tree", "rncp", "salaries", "certifinfo", "inserjeunes", "tensions"], in: db)
    return fiche
  }

  private static func readTexts(_ fiche: inout OccupationFiche, _ db: Database) throws {
    let rows = try Row.fetchAll(
      db, sql: "SELECT kind, text FROM occupation_text WHERE code_rome = ? ORDER BY kind, position",
      arguments: [fiche.code])
    fiche.definition = rows.filter { ($0["kind"] as String) == "definition" }.map { $0["text"] }
    fiche.access = rows.filter { ($0["kind"] as String) == "acces_metier" }.map { $0["text"] }
    let anyText =
      try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM occupation_text)") ?? false
    fiche.textsImported = !rows.isEmpty || anyText
  }

  /// The latest median of each FAP2009 family (3 characters) the fiche maps to, each family apart.
  private static func salaries(_ parent: String, _ db: Database) throws -> [SalaryFigure] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT f.family AS family_code, fam.label AS family_label, s.period, s.monthly_net
        FROM (SELECT DISTINCT substr(fap_code, 1, 3) AS family FROM occupation_fap2009 WHERE code_rome = ?) f
        LEFT JOIN fap2009_family fam ON fam.code = f.family
        JOIN salary_median s ON s.fap_code = f.family
        AND s.period = (SELECT max(period) FROM salary_median WHERE fap_code = f.family)
        ORDER BY f.family
        """, arguments: [parent])
    return rows.map {
      SalaryFigure(
        familyCode: $0["family_code"], familyLabel: $0["family_label"], period: $0["period"],
        monthlyNet: $0["monthly_net"])
    }
  }

  static func codeLabel(_ db: Database, _ sql: String, _ code: String) throws -> CodeLabel? {
    try codeLabels(db, sql, StatementArguments([code])).first
  }

  static func codeLabels(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws
    -> [CodeLabel]
  {
    try Row.fetchAll(db, sql: sql, arguments: arguments).map {
      CodeLabel(code: $0["code"], label: $0["label"])
    }
  }

  static func codeLabels(_ db: Database, _ sql: String, _ code: String) throws -> [CodeLabel] {
    try codeLabels(db, sql, StatementArguments([code]))
  }
}

/// Builds a certification fiche from the RNCP tables, or from Certif Info for a fiche registered after the 2021
/// export; Certif Info also brings its Formacode, and its NSF and ROME links where the export has none.
enum CertificationFicheReader {
  static func fetch(_ code: String, in db: Database) throws -> CertificationFiche? {
    let certifInfo = try Row.fetchOne(
      db,
      sql: """
        SELECT title, level, type_label, state, formacode, formacode_label, nsf_code FROM certifinfo
        WHERE code_rncp = ? ORDER BY CAST(code AS INTEGER) LIMIT 1
        """, arguments: [code])
    var fiche: CertificationFiche
    if let row = try Row.fetchOne(
      db,
      sql: """
        SELECT code, title, level, type_label, is_active, status, end_date, registration
        FROM certification WHERE code = ?
        """, arguments: [code])
    {
      fiche = CertificationFiche(
        code: row["code"], title: row["title"], level: row["level"], typeLabel: row["type_label"],
        isActive: row["is_active"], status: row["status"], endDate: row["end_date"],
        registration: row["registration"])
    } else if let row = certifInfo {
      // Certif Info's state is not France compétences' publication status: it only says whether the fiche
      // can be prepared.
      let state: String? = row["state"]
      fiche = CertificationFiche(
        code: code, title: row["title"], level: row["level"], typeLabel: row["type_label"],
        isActive: state.map(Self.isPublished) ?? true)
      fiche.fromCertifInfo = true
    } else {
      return nil
    }
    fiche.nsfDomains = try OccupationFicheReader.codeLabels(
      db,
      """
      SELECT cn.nsf_code AS code, coalesce(n.label, cn.nsf_code) AS label
      FROM certification_nsf cn LEFT JOIN nsf_domain n ON n.code = cn.nsf_code
      WHERE cn.code_rncp = ? ORDER BY cn.nsf_code
      """, code)
    if fiche.nsfDomains.isEmpty, let nsf: String = certifInfo?["nsf_code"] {
      fiche.nsfDomains = try OccupationFicheReader.codeLabels(
        db,
        "SELECT :code AS code, coalesce((SELECT label FROM nsf_domain WHERE code = :code), :code) AS label",
        ["code": nsf])
    }
    if let formacode: String = certifInfo?["formacode"] {
      fiche.formacodes = [
        CodeLabel(code: formacode, label: certifInfo?["formacode_label"] ?? formacode)
      ]
    }
    fiche.occupations = try OccupationFicheReader.codeLabels(
      db,
      """
      SELECT co.code_rome AS code, coalesce(o.title, co.rome_label) AS label
      FROM certification_occupation co LEFT JOIN occupation o ON o.code = co.code_rome
      WHERE co.code_rncp = ? ORDER BY co.code_rome
      """, code)
    if fiche.occupations.isEmpty {
      fiche.occupations = try OccupationFicheReader.codeLabels(
        db,
        """
        SELECT DISTINCT cio.code_rome AS code, coalesce(o.title, cio.code_rome) AS label
        FROM certifinfo ci JOIN certifinfo_occupation cio ON cio.code = ci.code
        LEFT JOIN occupation o ON o.code = cio.code_rome
        WHERE ci.code_rncp = ? ORDER BY cio.code_rome
        """, code)
    }
    let succession = try Row.fetchAll(
      db, sql: "SELECT previous_code, next_code FROM certification_succession WHERE code = ?",
      arguments: [code])
    fiche.previousCodes = Array(
      Set(succession.map { $0["previous_code"] as String }.filter { !$0.isEmpty })
    ).sorted()
    fiche.nextCodes = Array(
      Set(succession.map { $0["next_code"] as String }.filter { !$0.isEmpty })
    ).sorted()
    if fiche.nextCodes.isEmpty {
      // Certif Info names the fiche that replaced this one (« Code_Ancien_RNCP » of the newer fiche).
      fiche.nextCodes = try String.fetchAll(
        db,
        sql: """
          SELECT DISTINCT code_rncp FROM certifinfo
          WHERE previous_rncp = ? AND code_rncp IS NOT NULL AND code_rncp <> previous_rncp
          ORDER BY code_rncp
          """, arguments: [code])
    }
    fiche.openToApprenticeship = try Bool.fetchOne(
      db, sql: "SELECT is_open FROM certification_apprenticeship WHERE code_rncp = ?",
      arguments: [code])
    fiche.outcomes = try OutcomesReader.outcomes(of: code, in: db)
    fiche.sources = try DataSources.fetch(
      ["rncp", "certifinfo", "diplomes", "inserjeunes", "rome"], in: db)
    return fiche
  }

  /// Certif Info's « Etat_Libelle »: a published fiche can still be prepared.
  static func isPublished(_ state: String) -> Bool {
    state.lowercased().hasPrefix("publi")
  }
}

extension AppDatabase {
  /// The métier fiche of a ROME code (main fiche or sub-fiche), or nil when the code is unknown. The hiring
  /// tension is that of the départements of the visitor's territory when one is given, else the region's.
  public func occupationFiche(code: String, territoryID: Int64? = nil) throws -> OccupationFiche? {
    try StoreErrors.run("Lecture de la fiche métier") {
      try writer.read { db in
        let departements = try territoryID.map {
          try OutcomesReader.departements(ofTerritory: $0, in: db)
        }
        return try OccupationFicheReader.fetch(code, departements: departements ?? [], in: db)
      }
    }
  }

  /// The fiche of an RNCP code, or nil when the code is unknown.
  public func certificationFiche(code: String) throws -> CertificationFiche? {
    try StoreErrors.run("Lecture de la fiche certification") {
      try writer.read { db in try CertificationFicheReader.fetch(code, in: db) }
    }
  }
}
