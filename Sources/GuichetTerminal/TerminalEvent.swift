import GuichetUI

/// What the runtime gets from the keyboard and the window, already decoded.
public enum TerminalEvent: Equatable, Sendable {
  case key(Key)
  case resized(Size)
}
