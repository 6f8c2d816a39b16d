import GuichetCore

/// One row of a screen's key table: the same table drives key dispatch, the bottom key bar and the F1 help.
public struct KeyBinding<Command: Sendable & Equatable>: Sendable, Equatable {
  public var keys: [Key]
  /// Short French text for the key bar, e.g. « Nouvelle ».
  public var hint: String
  /// Longer French text for the help screen.
  public var help: String
  public var command: Command
  public var inKeyBar: Bool
  /// The store permission the key leads to; nil when every signed-in role may use it. The same row then
  /// gives the hint, the dispatch and the refusal (`ConsoleAccess`), and the store checks the call again.
  public var permission: Permission?

  public init(
    _ keys: [Key], _ hint: String, help: String? = nil, _ command: Command, inKeyBar: Bool = true,
    needs permission: Permission? = nil
  ) {
    self.keys = keys
    self.hint = hint
    self.help = help ?? hint
    self.command = command
    self.inKeyBar = inKeyBar
    self.permission = permission
  }

  /// Key label as shown to the agent (« F2 », « N/n »…).
  public var keyLabel: String {
    keys.first?.displayName ?? ""
  }

  public var hintLine: HintLine {
    HintLine(
      key: keyLabel, text: hint, inKeyBar: inKeyBar, help: help, keys: keys, needs: permission)
  }
}

/// A key table entry stripped of its command, so the app chrome can show any screen's keys.
public struct HintLine: Equatable, Sendable {
  public var key: String
  public var text: String
  public var inKeyBar: Bool
  public var help: String
  /// The keys of the binding the line comes from (empty for a line written by hand), so the console can
  /// refuse a key the role may not use before the screen sees it.
  public var keys: [Key]
  /// The binding's permission: the key bar and the help list the line only for the roles it names.
  public var permission: Permission?
  public init(
    key: String, text: String, inKeyBar: Bool = true, help: String? = nil, keys: [Key] = [],
    needs permission: Permission? = nil
  ) {
    self.key = key
    self.text = text
    self.inKeyBar = inKeyBar
    self.help = help ?? text
    self.keys = keys
    self.permission = permission
  }

  /// True when the signed-in role may use the key (a line without permission is everyone's).
  public func allowed(for role: Role?) -> Bool {
    permission == nil || ConsoleAccess.allows(permission, role)
  }

  /// True when `key` is one of this line's keys (letters without regard to case).
  public func binds(_ key: Key) -> Bool { keys.contains { $0.matches(key) } }
}

extension Array {
  /// The command bound to `key` in a key table, matching letters without regard to case.
  public func command<C>(for key: Key) -> C? where Element == KeyBinding<C> {
    binding(for: key)?.command
  }

  /// The row bound to `key`, with its hint and the permission it needs.
  public func binding<C>(for key: Key) -> KeyBinding<C>? where Element == KeyBinding<C> {
    first { $0.keys.contains { $0.matches(key) } }
  }
}

extension Key {
  /// Letters bind case-insensitively so Caps Lock never stops the desk.
  func matches(_ other: Key) -> Bool {
    if case .char(let a) = self, case .char(let b) = other {
      return a.lowercased() == b.lowercased()
    }
    return self == other
  }
}
