/// SQL of the reference tables. Flags read from the files keep three states (1, 0, NULL when the file says nothing);
/// figures hidden by statistical secrecy are NULL with a `_secret` flag set, never 0.
enum ReferenceSchema {
  static let v1 = """
    CREATE TABLE dataset (
      name TEXT PRIMARY KEY NOT NULL,
      source TEXT NOT NULL,
      version TEXT NOT NULL,
      file_date TEXT,
      imported_at TEXT NOT NULL,
      bundled INTEGER NOT NULL DEFAULT 0,
      bundle_version TEXT,
      counts TEXT NOT NULL DEFAULT ''
    );

    CREATE TABLE occupation (
      code TEXT PRIMARY KEY NOT NULL,
      title TEXT NOT NULL,
      parent_code TEXT NOT NULL,
      fiche_code TEXT,
      ogr_code TEXT,
      transition_eco TEXT,
      transition_num INTEGER,
      transition_demo INTEGER,
      regulated INTEGER,
      cadre INTEGER
    );
    CREATE INDEX occupation_parent ON occupation(parent_code);

    CREATE TABLE job_title (
      ogr_code TEXT PRIMARY KEY NOT NULL,
      code_rome TEXT NOT NULL,
      label TEXT NOT NULL,
      short_label TEXT NOT NULL,
      masculine TEXT NOT NULL,
      feminine TEXT NOT NULL,
      is_main INTEGER NOT NULL,
      rarely_used INTEGER NOT NULL,
      transition_eco TEXT,
      transition_num INTEGER,
      transition_demo INTEGER,
      regulated INTEGER,
      cadre INTEGER
    );
    CREATE INDEX job_title_rome ON job_title(code_rome);

    CREATE TABLE occupation_text (
      code_rome TEXT NOT NULL,
      kind TEXT NOT NULL,
      position INTEGER NOT NULL,
      text TEXT NOT NULL,
      PRIMARY KEY (code_rome, kind, position)
    ) WITHOUT ROWID;

    CREATE TABLE occupation_mobility (
      code_rome TEXT NOT NULL,
      target_code TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (code_rome, target_code)
    ) WITHOUT ROWID;

    CREATE TABLE interest_area (
      code INTEGER PRIMARY KEY NOT NULL,
      label TEXT NOT NULL,
      definition TEXT
    );

    CREATE TABLE occupation_interest (
      interest_code INTEGER NOT NULL,
      code_rome TEXT NOT NULL,
      is_main INTEGER NOT NULL,
      PRIMARY KEY (interest_code, code_rome)
    ) WITHOUT ROWID;
    CREATE INDEX occupation_interest_rome ON occupation_interest(code_rome);

    CREATE TABLE activity_sector (
      code INTEGER PRIMARY KEY NOT NULL,
      label TEXT NOT NULL,
      parent_code INTEGER,
      definition TEXT
    );

    CREATE TABLE occupation_sector (
      sector_code INTEGER NOT NULL,
      code_rome TEXT NOT NULL,
      PRIMARY KEY (sector_code, code_rome)
    ) WITHOUT ROWID;
    CREATE INDEX occupation_sector_rome ON occupation_sector(code_rome);

    CREATE TABLE grand_domain (
      code TEXT PRIMARY KEY NOT NULL,
      label TEXT NOT NULL
    );

    CREATE TABLE professional_domain (
      code TEXT PRIMARY KEY NOT NULL,
      label TEXT NOT NULL,
      grand_domain_code TEXT NOT NULL
    );

    CREATE TABLE certification (
      code TEXT PRIMARY KEY NOT NULL,
      title TEXT NOT NULL,
      level INTEGER,
      type_code TEXT,
      type_label TEXT,
      is_active INTEGER NOT NULL,
      status TEXT,
      end_date TEXT,
      registration TEXT
    );

    CREATE TABLE certification_succession (
      code TEXT NOT NULL,
      previous_code TEXT NOT NULL DEFAULT '',
      next_code TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (code, previous_code, next_code)
    ) WITHOUT ROWID;

    CREATE TABLE nsf_domain (
      code TEXT PRIMARY KEY NOT NULL,
      label TEXT NOT NULL
    );

    CREATE TABLE certification_nsf (
      code_rncp TEXT NOT NULL,
      nsf_code TEXT NOT NULL,
      PRIMARY KEY (code_rncp, nsf_code)
    ) WITHOUT ROWID;

    CREATE TABLE certification_occupation (
      code_rncp TEXT NOT NULL,
      code_rome TEXT NOT NULL,
      rome_label TEXT NOT NULL,
      PRIMARY KEY (code_rncp, code_rome)
    ) WITHOUT ROWID;
    CREATE INDEX certification_occupation_rome ON certification_occupation(code_rome);

    CREATE TABLE fap2021 (
      code TEXT PRIMARY KEY NOT NULL,
      label TEXT NOT NULL,
      level INTEGER NOT NULL,
      parent_code TEXT
    );

    CREATE TABLE bmo (
      year INTEGER NOT NULL,
      fap_code TEXT NOT NULL,
      fap_label TEXT NOT NULL,
      family_code TEXT NOT NULL,
      family_label TEXT NOT NULL,
      departement TEXT NOT NULL,
      bassin_code TEXT NOT NULL,
      bassin_name TEXT NOT NULL,
      recruitments INTEGER,
      recruitments_secret INTEGER NOT NULL,
      difficult INTEGER,
      difficult_secret INTEGER NOT NULL,
      seasonal INTEGER,
      seasonal_secret INTEGER NOT NULL,
      PRIMARY KEY (year, fap_code, bassin_code, departement)
    ) WITHOUT ROWID;
    CREATE INDEX bmo_bassin ON bmo(bassin_code);

    CREATE TABLE fap2009_family (
      code TEXT PRIMARY KEY NOT NULL,
      label TEXT NOT NULL
    );

    CREATE TABLE salary_median (
      fap_code TEXT NOT NULL,
      period TEXT NOT NULL,
      monthly_net INTEGER,
      PRIMARY KEY (fap_code, period)
    ) WITHOUT ROWID;

    CREATE TABLE occupation_fap2009 (
      code_rome TEXT NOT NULL,
      fap_code TEXT NOT NULL,
      rome_label TEXT NOT NULL,
      PRIMARY KEY (code_rome, fap_code)
    ) WITHOUT ROWID;

    CREATE TABLE orientation_structure (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      type_tag TEXT NOT NULL,
      email TEXT,
      address TEXT,
      postcode TEXT,
      city TEXT,
      departement TEXT,
      phone TEXT,
      fax TEXT,
      website TEXT
    );
    CREATE INDEX orientation_structure_departement ON orientation_structure(departement, type_tag);
    """
}
