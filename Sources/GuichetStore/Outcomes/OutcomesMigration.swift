import GRDB

extension DatabaseMigrator {
  /// Issue 15: diploma outcomes (InserJeunes) and the tables that bring them to a certification (BCN N_MEF,
  /// diploma codes, apprenticeship kit, Certif Info), and the DARES hiring tensions. Like the other reference
  /// tables they carry no foreign keys: each dataset is replaced on its own and joined when a fiche is read.
  mutating func registerOutcomesMigration() {
    registerMigration("v5-outcomes") { db in
      try db.execute(sql: OutcomesSchema.v5)
    }
  }
}

enum OutcomesSchema {
  static let v5 = """
    CREATE TABLE diploma_outcome (
      id TEXT PRIMARY KEY NOT NULL,
      millesime TEXT NOT NULL,
      region TEXT NOT NULL,
      voie TEXT NOT NULL CHECK (voie IN ('scolaire', 'apprentissage')),
      cfd TEXT,
      mefstat11 TEXT,
      final_year INTEGER,
      leavers INTEGER,
      rate_employed_6 INTEGER,
      rate_employed_12 INTEGER,
      rate_employed_24 INTEGER,
      rate_continuing INTEGER,
      CHECK (cfd IS NOT NULL OR mefstat11 IS NOT NULL)
    );
    CREATE INDEX diploma_outcome_cfd ON diploma_outcome(cfd, region);
    CREATE INDEX diploma_outcome_mef ON diploma_outcome(mefstat11, region);
    CREATE INDEX diploma_outcome_millesime ON diploma_outcome(millesime, rate_employed_24);

    CREATE TABLE mef_diploma (
      mefstat11 TEXT NOT NULL,
      cfd TEXT NOT NULL,
      PRIMARY KEY (mefstat11, cfd)
    ) WITHOUT ROWID;
    CREATE INDEX mef_diploma_cfd ON mef_diploma(cfd);

    CREATE TABLE diploma_certification (
      cfd TEXT NOT NULL,
      code_rncp TEXT NOT NULL,
      PRIMARY KEY (cfd, code_rncp)
    ) WITHOUT ROWID;
    CREATE INDEX diploma_certification_rncp ON diploma_certification(code_rncp);

    CREATE TABLE certification_apprenticeship (
      code_rncp TEXT PRIMARY KEY NOT NULL,
      is_open INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE certifinfo (
      code TEXT PRIMARY KEY NOT NULL,
      title TEXT NOT NULL,
      type_label TEXT,
      level INTEGER,
      formacode TEXT,
      formacode_label TEXT,
      nsf_code TEXT,
      code_rncp TEXT,
      code_rs TEXT,
      cfd TEXT,
      previous_rncp TEXT,
      state TEXT,
      certifier TEXT
    );
    CREATE INDEX certifinfo_rncp ON certifinfo(code_rncp);
    CREATE INDEX certifinfo_previous_rncp ON certifinfo(previous_rncp);
    CREATE INDEX certifinfo_cfd ON certifinfo(cfd);

    CREATE TABLE certifinfo_occupation (
      code TEXT NOT NULL,
      code_rome TEXT NOT NULL,
      PRIMARY KEY (code, code_rome)
    ) WITHOUT ROWID;
    CREATE INDEX certifinfo_occupation_rome ON certifinfo_occupation(code_rome);

    CREATE TABLE hiring_tension (
      fap_code TEXT NOT NULL,
      year INTEGER NOT NULL,
      area_level TEXT NOT NULL CHECK (area_level IN ('nat', 'reg', 'dep')),
      area TEXT NOT NULL,
      category INTEGER CHECK (category BETWEEN 1 AND 5),
      PRIMARY KEY (fap_code, area_level, area, year)
    ) WITHOUT ROWID;
    """
}
