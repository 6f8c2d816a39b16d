import Foundation
import GRDB
import GuichetCore

extension DatabaseMigrator {
  /// What keeps an erasure complete after the transaction that made it (see `ErasureLedger` and
  /// `AppDatabase.completePendingScrub`), and the reduction of search misses to reference words.
  ///
  /// - `erasure_key`: the secret of this file (32 random bytes) that keys the ledger's digests; a restored file
  ///   also holds the keys of the files whose ledger was carried into it.
  /// - `erasure_ledger`: one HMAC-SHA256 digest per erased phone or e-mail, never the value, with the time of
  ///   the erasure; kept `ErasureLedger.retentionDays`, as long as backups may be kept.
  /// - `erasure_scrub`: at most one row, written in the erasing transaction and removed once a TRUNCATE
  ///   checkpoint has emptied the `-wal`.
  mutating func registerErasureMigrations() {
    registerMigration("v3-erasure-ledger") { db in
      try db.execute(
        sql: """
          CREATE TABLE erasure_key (
            id INTEGER PRIMARY KEY,
            secret BLOB NOT NULL UNIQUE CHECK (length(secret) = 32)
          );
          CREATE TABLE erasure_ledger (
            id INTEGER PRIMARY KEY,
            key_id INTEGER NOT NULL REFERENCES erasure_key(id),
            kind TEXT NOT NULL CHECK (kind IN ('phone', 'email')),
            digest BLOB NOT NULL CHECK (length(digest) = 32),
            erased_at DATETIME NOT NULL,
            UNIQUE (key_id, kind, digest)
          );
          CREATE INDEX erasure_ledger_erased_at ON erasure_ledger(erased_at);
          CREATE TABLE erasure_scrub (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            since DATETIME NOT NULL
          );
          """)
      var secret = Data(count: 32)
      for index in secret.indices { secret[index] = UInt8.random(in: 0...255) }
      try db.execute(sql: "INSERT INTO erasure_key (secret) VALUES (?)", arguments: [secret])
    }
    // Misses recorded before the vocabulary rule kept any plain word, a typed name among them: keep only
    // the words found in the reference labels, drop the rest, and scrub what was there.
    registerMigration("v3-search-miss-vocabulary") { db in
      let rows = try Row.fetchAll(db, sql: "SELECT id, query_normalized FROM search_miss")
      for row in rows {
        let id: Int64 = row["id"]
        let query: String = row["query_normalized"]
        let kept = try query.split(separator: " ").map(String.init).filter {
          try SearchMissVocabulary.contains($0, db)
        }
        if kept.isEmpty {
          try db.execute(sql: "DELETE FROM search_miss WHERE id = ?", arguments: [id])
        } else if kept.count != query.split(separator: " ").count {
          try db.execute(
            sql: "UPDATE search_miss SET query_normalized = ? WHERE id = ?",
            arguments: [kept.joined(separator: " "), id])
        }
      }
      if !rows.isEmpty {
        try db.execute(
          sql: "INSERT OR REPLACE INTO erasure_scrub (id, since) VALUES (1, ?)", arguments: [Date()]
        )
      }
    }
  }
}
