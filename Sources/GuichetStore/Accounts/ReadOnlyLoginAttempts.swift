import Foundation
import Synchronization

/// The failed logins of a desk whose file cannot be written (read-only, damaged): the account table's
/// counter cannot move, so they are counted here, per login typed (known or not, so the count says nothing
/// about which logins exist), for as long as the process runs. The lockout is the same as on a writable desk.
final class ReadOnlyLoginAttempts: Sendable {
  private struct Attempts {
    var failures = 0
    var lockedUntil: Date?
  }

  private let state = Mutex<[String: Attempts]>([:])

  /// True while `login` is locked on this desk.
  func isLocked(_ login: String, now: Date) -> Bool {
    state.withLock { attempts in
      guard let until = attempts[login]?.lockedUntil else { return false }
      return until > now
    }
  }

  /// Counts one failure (not while locked) and locks at the threshold; returns the failures in a row so far.
  func recordFailure(_ login: String, now: Date, threshold: Int, lockout: TimeInterval) -> Int {
    state.withLock { attempts in
      var entry = attempts[login] ?? Attempts()
      if let until = entry.lockedUntil, until > now { return threshold }
      if entry.lockedUntil != nil { entry = Attempts() }
      entry.failures += 1
      if entry.failures >= threshold { entry.lockedUntil = now.addingTimeInterval(lockout) }
      attempts[login] = entry
      return entry.failures
    }
  }

  func recordSuccess(_ login: String) {
    _ = state.withLock { $0.removeValue(forKey: login) }
  }
}
