/// The audit trail: ids and codes only (never a name, phone or e-mail), each entry carrying the SHA-256 of the
/// previous one. SQL refuses to edit an entry, and to delete one unless an anchor (the hash of the last purged
/// entry, written first by the retention purge) covers it, so the chain stays verifiable after a purge.
enum AuditSchema {
  static let v1 = """
    CREATE TABLE audit_entry (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at DATETIME NOT NULL,
      via TEXT NOT NULL CHECK (via IN ('console', 'command_line', 'system')),
      account_id INTEGER,
      role TEXT,
      action TEXT NOT NULL,
      subject TEXT,
      subject_id INTEGER,
      count INTEGER,
      previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
      hash TEXT NOT NULL CHECK (length(hash) = 64)
    );
    CREATE INDEX audit_entry_subject ON audit_entry(subject, subject_id);
    CREATE INDEX audit_entry_at ON audit_entry(at);
    CREATE TRIGGER audit_entry_frozen BEFORE UPDATE ON audit_entry
    BEGIN SELECT RAISE(ABORT, 'audit entries are never edited'); END;
    CREATE TRIGGER audit_entry_kept BEFORE DELETE ON audit_entry
    WHEN OLD.id > coalesce((SELECT max(through_id) FROM audit_anchor), 0)
    BEGIN SELECT RAISE(ABORT, 'audit entries are only removed by the retention purge'); END;

    CREATE TABLE audit_anchor (
      through_id INTEGER PRIMARY KEY,
      hash TEXT NOT NULL CHECK (length(hash) = 64),
      purged_at DATETIME NOT NULL
    );
    CREATE TRIGGER audit_anchor_frozen BEFORE UPDATE ON audit_anchor
    BEGIN SELECT RAISE(ABORT, 'audit anchors are never edited'); END;
    CREATE TRIGGER audit_anchor_kept BEFORE DELETE ON audit_anchor
    BEGIN SELECT RAISE(ABORT, 'audit anchors are kept'); END;
    CREATE TRIGGER audit_anchor_forward BEFORE INSERT ON audit_anchor
    WHEN NEW.through_id <= coalesce((SELECT max(through_id) FROM audit_anchor), 0)
    BEGIN SELECT RAISE(ABORT, 'audit anchors only move forward'); END;
    """
}
