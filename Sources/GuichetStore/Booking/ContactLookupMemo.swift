import Crypto
import Foundation
import Synchronization

/// The phone and e-mail lookups this process has just audited, so a screen reloading its lookup (after any
/// other desk's write) does not audit it again each time: every entry is a write the other desks see, and
/// re-recording each reload would make desks wake each other forever, as `AuditLog.appendContactRead` says.
/// Only keyed digests are kept, under a key drawn at launch and never written anywhere.
final class ContactLookupMemo: Sendable {
  /// The same account repeating the same lookup within this window is not audited again.
  static let window: TimeInterval = 900

  private let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
  private let audited = Mutex<[Data: Date]>([:])

  func digest(account: Int64?, phone: String?, email: String?) -> Data {
    let text = [account.map(String.init), phone, email].map { $0 ?? "-" }.joined(separator: "\n")
    return Data(
      HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: key)))
  }

  /// True unless this lookup was audited less than `window` ago.
  func isDue(_ digest: Data, at date: Date) -> Bool {
    audited.withLock { audited in
      guard let last = audited[digest] else { return true }
      return date.timeIntervalSince(last) >= Self.window
    }
  }

  /// Notes a lookup whose entry is committed, forgetting those past the window.
  func record(_ digest: Data, at date: Date) {
    audited.withLock { audited in
      audited = audited.filter { date.timeIntervalSince($0.value) < Self.window }
      audited[digest] = date
    }
  }
}
