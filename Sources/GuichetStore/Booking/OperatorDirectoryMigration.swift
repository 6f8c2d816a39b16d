import GRDB

extension DatabaseMigrator {
  /// One list of structures (issue 14): a bookable structure keeps its commune's INSEE code, a note
  /// (« adresse à compléter ») and whether an administrator edited it; a bookable structure must have a phone.
  mutating func registerOperatorDirectoryMigration() {
    registerMigration("v4-operator-directory") { db in
      try db.execute(sql: OperatorDirectorySchema.v4)
    }
  }
}

enum OperatorDirectorySchema {
  static let directoryDetails = """
    ALTER TABLE orientation_structure ADD COLUMN dataset TEXT NOT NULL DEFAULT 'structures';
    ALTER TABLE orientation_structure ADD COLUMN insee_code TEXT;
    ALTER TABLE orientation_structure ADD COLUMN hours TEXT;
    ALTER TABLE orientation_structure ADD COLUMN note TEXT;
    ALTER TABLE orientation_structure ADD COLUMN source TEXT;
    CREATE INDEX orientation_structure_dataset ON orientation_structure(dataset);
    """

  static let v4 = """
    ALTER TABLE operator_structure ADD COLUMN insee_code TEXT;
    ALTER TABLE operator_structure ADD COLUMN note TEXT;
    -- Set when an administrator saves the structure: a later directory refresh keeps their corrections.
    ALTER TABLE operator_structure ADD COLUMN edited INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1));

    -- A structure is bookable once it has an active advisor; the slip then tells the person its phone.
    CREATE TRIGGER advisor_needs_structure_phone BEFORE INSERT ON advisor
    WHEN NEW.is_active AND (SELECT phone FROM operator_structure WHERE id = NEW.structure_id) IS NULL
    BEGIN SELECT RAISE(ABORT, 'structure phone required for a bookable structure'); END;
    CREATE TRIGGER advisor_back_needs_structure_phone BEFORE UPDATE OF is_active, structure_id ON advisor
    WHEN NEW.is_active AND (SELECT phone FROM operator_structure WHERE id = NEW.structure_id) IS NULL
    BEGIN SELECT RAISE(ABORT, 'structure phone required for a bookable structure'); END;
    CREATE TRIGGER bookable_structure_keeps_phone BEFORE UPDATE OF phone ON operator_structure
    WHEN NEW.phone IS NULL
      AND EXISTS (SELECT 1 FROM advisor WHERE structure_id = NEW.id AND is_active)
    BEGIN SELECT RAISE(ABORT, 'structure phone required for a bookable structure'); END;
    """

  /// Every structure once: the directory rows (with the bookable structure's own values when one was made from
  /// them, so an administrator's correction shows), then the operator structures that no directory row brought.
  /// `structure_id` is the bookable structure, if any. Read by the directory screen and the search index.
  static func entriesSQL(_ db: Database) throws -> String {
    // A reference-only base (the importers' tests) has the directory but no bookable structures.
    guard try db.tableExists("operator_structure") else { return directoryOnlySQL }
    return entriesSQL
  }

  static let directoryOnlySQL = """
    SELECT id, name, type_tag, email, address, postcode, city, departement, phone, website, hours,
      insee_code, note, source, NULL AS structure_id
    FROM orientation_structure
    """

  static let entriesSQL = """
    SELECT o.id AS id, coalesce(s.name, o.name) AS name, o.type_tag AS type_tag,
      CASE WHEN s.id IS NULL THEN o.email ELSE s.email END AS email,
      CASE WHEN s.id IS NULL THEN o.address ELSE s.address END AS address,
      CASE WHEN s.id IS NULL THEN o.postcode ELSE s.postcode END AS postcode,
      CASE WHEN s.id IS NULL THEN o.city ELSE s.city END AS city,
      o.departement AS departement,
      CASE WHEN s.id IS NULL THEN o.phone ELSE s.phone END AS phone,
      o.website AS website, o.hours AS hours,
      CASE WHEN s.id IS NULL THEN o.insee_code ELSE coalesce(s.insee_code, o.insee_code) END AS insee_code,
      CASE WHEN s.id IS NULL THEN o.note ELSE s.note END AS note, o.source AS source,
      s.id AS structure_id
    FROM orientation_structure o LEFT JOIN operator_structure s ON s.source_id = o.id
    UNION ALL
    SELECT 'operateur-' || s.id, s.name, s.kind, s.email, s.address, s.postcode, s.city,
      substr(s.postcode, 1, 2), s.phone, NULL, NULL, s.insee_code, s.note, NULL, s.id
    FROM operator_structure s
    WHERE s.is_active
      AND (s.source_id IS NULL OR s.source_id NOT IN (SELECT id FROM orientation_structure))
    """
}
