import GRDB
import Synchronization

/// Notices when SQLite replays a `-wal` file left by a process that died mid-write. That is the one cheap
/// moment to run `PRAGMA quick_check` at start: a full check of a large file costs more than a cold start,
/// while a recovery is rare and is exactly when a torn write would show.
enum RecoveryWatch {
  private static let recovered = Atomic<Bool>(false)

  /// SQLite's error log can only be set before the first connection of the process; later calls do nothing.
  static let install: Void = {
    Database.logError = { code, _ in
      if code == .SQLITE_NOTICE_RECOVER_WAL { recovered.store(true, ordering: .relaxed) }
    }
  }()

  /// True once after a recovery happened in this process.
  static func consume() -> Bool {
    recovered.exchange(false, ordering: .relaxed)
  }
}
