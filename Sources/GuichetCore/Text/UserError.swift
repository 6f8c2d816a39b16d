/// A failure told to the agent in French; it never carries personal data.
public struct UserError: Error, Equatable, Sendable {
  public var message: String
  /// True when the same action may succeed a moment later (another desk held the file): screens then
  /// offer to try again with what was typed, rather than only showing the message.
  public var retryable: Bool

  public init(_ message: String, retryable: Bool = false) {
    self.message = message
    self.retryable = retryable
  }
}
