/// Why the console could not take over the terminal; `message` is French, shown to the agent as is.
public struct TerminalError: Error {
  public var message: String

  public init(message: String) {
    self.message = message
  }
}
