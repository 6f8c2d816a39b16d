/// A failure told to the agent in French; it never carries personal data.
public struct UserError: Error, Equatable, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
}
