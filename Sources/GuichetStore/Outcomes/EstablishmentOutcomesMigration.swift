import GRDB

extension DatabaseMigrator {
  /// Issue 15: InserJeunes by establishment (UAI), a reference table like the regional figures (no foreign
  /// keys: replaced on its own, joined when read).
  mutating func registerEstablishmentOutcomesMigration() {
    registerMigration("v6-establishment-outcomes") { db in
      try db.execute(sql: EstablishmentOutcomesSchema.v6)
    }
  }

  /// Issue 15: the UAI an LHÉO action gives its place or organisation, so « Se former » shows the
  /// establishment's figures beside the diploma's. Additive: one nullable column.
  mutating func registerTrainingPlaceUAIMigration() {
    registerMigration("v6-training-action-uai") { db in
      try db.execute(
        sql: """
          ALTER TABLE training_action ADD COLUMN uai TEXT CHECK (uai IS NULL OR length(uai) = 8);
          CREATE INDEX training_action_uai ON training_action(uai);
          """)
    }
  }
}

enum EstablishmentOutcomesSchema {
  /// Rates as published (percent, NULL when the file says `nd`, never 0); `value_added` in points.
  static let v6 = """
    CREATE TABLE establishment_outcome (
      uai TEXT NOT NULL CHECK (length(uai) = 8),
      kind TEXT NOT NULL CHECK (kind IN ('lycee', 'cfa')),
      population TEXT NOT NULL CHECK (population IN ('ensemble', 'apprentis', 'scolaires')),
      name TEXT NOT NULL CHECK (length(name) > 0),
      millesime TEXT NOT NULL,
      rate_continuing INTEGER CHECK (rate_continuing BETWEEN 0 AND 100),
      rate_employed_6 INTEGER CHECK (rate_employed_6 BETWEEN 0 AND 100),
      rate_expected INTEGER CHECK (rate_expected BETWEEN 0 AND 100),
      value_added INTEGER CHECK (value_added BETWEEN -100 AND 100),
      share_continuing INTEGER CHECK (share_continuing BETWEEN 0 AND 100),
      share_employed_6 INTEGER CHECK (share_employed_6 BETWEEN 0 AND 100),
      share_other INTEGER CHECK (share_other BETWEEN 0 AND 100),
      PRIMARY KEY (uai, kind, population)
    ) WITHOUT ROWID;
    """
}
