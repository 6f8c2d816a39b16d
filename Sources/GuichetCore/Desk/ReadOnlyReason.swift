/// Why a console opened its file for browsing only (damaged, or not writable by this account): every
/// screen shows the banner, and every write is refused with the message, which says what to do.
public struct ReadOnlyReason: Equatable, Sendable {
  /// One line for the status row.
  public var banner: String
  /// The whole message, given when a write is refused.
  public var message: String

  public init(banner: String, message: String) {
    self.banner = banner
    self.message = message
  }
}
