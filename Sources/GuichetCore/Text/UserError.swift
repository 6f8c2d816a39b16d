/// A failure told to the agent in French; it never carries personal data.
public struct UserError: Error, Equatable, Sendable {
  /// What the console must do beyond showing the message.
  public enum Kind: Equatable, Sendable {
    case ordinary
    /// The signed-in account was disabled, or its role or structure changed, since the desk logged in:
    /// the console drops its screens and goes back to the login screen.
    case accountNoLongerValid
  }

  public var message: String
  /// True when the same action may succeed a moment later (another desk held the file): screens then
  /// offer to try again with what was typed, rather than only showing the message.
  public var retryable: Bool
  public var kind: Kind

  public init(_ message: String, retryable: Bool = false, kind: Kind = .ordinary) {
    self.message = message
    self.retryable = retryable
    self.kind = kind
  }

  /// The store's refusal of a caller whose account no longer matches the one that logged in.
  public static let accountNoLongerValid = UserError(
    "Votre compte a été désactivé ou modifié : reconnectez-vous.", kind: .accountNoLongerValid)
}
