import GRDB

extension DatabaseMigrator {
  /// Accounts and roles, and the audit trail of logins and of every access to contact data (issue 6).
  mutating func registerAccountsMigrations() {
    registerMigration("v1-accounts") { db in
      try db.execute(sql: AccountsSchema.v1)
      try db.execute(sql: AuditSchema.v1)
    }
  }

  /// The consent's free-text `agent` (initials typed before accounts existed) goes: the proof's « who » is
  /// the account id since v1-accounts, and a name typed at the desk is data nobody needs. `secure_delete` is
  /// on, so the rewritten table leaves no copy of the old values in free pages.
  mutating func registerConsentProofMigration() {
    registerMigration("v2-consent-account-only") { db in
      try db.execute(sql: "ALTER TABLE consent DROP COLUMN agent")
    }
  }
}

/// Accounts: a login, a role, a scrypt hash with its parameters, and the lockout counters.
/// Accounts are disabled, never deleted, so the audit trail's account ids keep their meaning.
enum AccountsSchema {
  static let v1 = """
    CREATE TABLE account (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      login TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 2 AND 32 AND login = lower(login)),
      role TEXT NOT NULL CHECK (role IN ('agent', 'advisor', 'supervisor', 'administrator')),
      structure_id INTEGER REFERENCES operator_structure(id),
      password_hash TEXT NOT NULL CHECK (password_hash GLOB 'scrypt$*'),
      is_disabled INTEGER NOT NULL DEFAULT 0 CHECK (is_disabled IN (0, 1)),
      failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
      locked_until DATETIME,
      created_at DATETIME NOT NULL,
      password_changed_at DATETIME NOT NULL,
      CHECK ((role = 'advisor') = (structure_id IS NOT NULL))
    );
    CREATE TRIGGER account_kept BEFORE DELETE ON account
    BEGIN SELECT RAISE(ABORT, 'accounts are disabled, never deleted'); END;

    -- The agent who took a consent sees the contact given under it, and no other.
    ALTER TABLE consent ADD COLUMN account_id INTEGER REFERENCES account(id);
    CREATE INDEX consent_account ON consent(account_id) WHERE account_id IS NOT NULL;
    """
}
