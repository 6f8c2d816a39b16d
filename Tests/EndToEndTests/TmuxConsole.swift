import Foundation

/// Runs the real `guichet` binary in a private tmux server and reads its screen, as an agent would see it.
final class TmuxConsole {
  let socket = "guichet-e2e-\(UUID().uuidString.prefix(8))"
  let databasePath: String
  let directory: URL

  /// The freshly built binary sits next to the test bundle, whatever the build folder is.
  static var binary: String {
    if let override = ProcessInfo.processInfo.environment["GUICHET_BINARY"] { return override }
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while url.path != "/" {
      let candidate = url.appendingPathComponent("guichet").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      url.deleteLastPathComponent()
    }
    return ".build/debug/guichet"
  }

  /// `database` puts the seeded copy elsewhere (a small file system); `prepare` runs on the copy before
  /// the console starts (to damage it, or change its mode); `prefix` goes before the binary (setpriv).
  /// Unless `login` is nil, the console is logged in as that account: the one place where every end-to-end
  /// test gets past the login screen. A console that exits before it (bad terminal…) is left as is.
  init(
    width: Int = 100, height: Int = 30, arguments: [String] = [],
    environment: [String: String] = [:], sharing other: TmuxConsole? = nil,
    database: String? = nil, prefix: [String] = [], prepare: ((String) throws -> Void)? = nil,
    login: E2EAccount? = .agent
  ) throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guichet-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    // A second desk opens the first one's file, as desks of one site do.
    databasePath =
      other?.databasePath ?? database ?? directory.appendingPathComponent("guichet.sqlite").path
    if other == nil { try SeededDatabase.copy(to: databasePath) }
    try prepare?(databasePath)
    var env = ["LANG": "C.UTF-8", "TERM": "xterm-256color"]
    env.merge(environment) { $1 }
    let assignments = env.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
    let command =
      "env \(assignments) \(prefix.map(Self.quote).joined(separator: " ")) \(Self.quote(Self.binary)) --database \(Self.quote(databasePath)) "
      + arguments.map(Self.quote).joined(separator: " ") + "; echo __EXIT__$?; sleep 60"
    try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", command])
    try tmux(["set-option", "-g", "set-clipboard", "on"])
    if let login { try logIn(as: login) }
  }

  /// Types the account's login and password on the login screen (or the unlock screen's password).
  func logIn(as account: E2EAccount, timeout: TimeInterval = 60) throws {
    try logIn(login: account.rawValue, password: E2EAccount.password, timeout: timeout)
  }

  /// The same for an account created during the test.
  func logIn(login: String, password: String, timeout: TimeInterval = 60) throws {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if last.contains("__EXIT__") { return }
      if last.contains("Mot de passe de « ") {
        try type(password)
        try press("Enter")
        return
      }
      if last.contains("Identifiant :") {
        try type(login)
        try press("Enter")
        try type(password)
        try press("Enter")
        return
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw E2EError.timeout(waitingFor: "the login screen", screen: last)
  }

  deinit {
    _ = try? tmux(["kill-server"])
    try? FileManager.default.removeItem(at: directory)
  }

  static func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    try Spawn.run(
      ["tmux", "-L", socket] + arguments,
      outputFile: directory.appendingPathComponent("tmux.out").path)
  }

  /// Named keys (`Enter`, `F2`, `C-q`) or single characters.
  func press(_ keys: String...) throws {
    for key in keys { try tmux(["send-keys", "-t", "0", key]) }
  }

  func type(_ text: String) throws {
    try tmux(["send-keys", "-t", "0", "-l", text])
  }

  /// Raw bytes, outside any paste, as a hostile or broken terminal would send them.
  func sendBytes(_ bytes: [UInt8]) throws {
    try tmux(["send-keys", "-t", "0", "-H"] + bytes.map { String(format: "%02x", $0) })
  }

  /// Pastes bytes as the terminal does (bracketed when the program asked for it).
  func paste(_ bytes: [UInt8]) throws {
    let file = directory.appendingPathComponent("paste.bin")
    try Data(bytes).write(to: file)
    try tmux(["load-buffer", "-b", "e2e", file.path])
    try tmux(["paste-buffer", "-p", "-b", "e2e", "-t", "0"])
  }

  /// Home → new visit → the commune field, the one field that echoes whatever is typed.
  func openCommuneField() throws {
    try waitFor("Nouvelle visite (au guichet)")
    try press("n")
    try waitFor("Demande(s)")
    try press("Tab", "Tab", "Tab")
    try waitFor("Commune :")
  }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
  }

  func screen() throws -> String {
    try tmux(["capture-pane", "-p", "-t", "0"])
  }

  /// Polls until `text` is on a settled screen and returns it. tmux can show a frame half drawn (the new
  /// screen's title above the old screen's rows), so a match counts once two captures 50 ms apart agree;
  /// a screen that keeps changing (a ticking clock) is taken after a second of matching.
  @discardableResult
  func waitFor(_ text: String, timeout: TimeInterval = 30) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    var firstMatch: Date?
    while Date() < deadline {
      let current = try screen()
      if current.contains(text) {
        let since = firstMatch ?? Date()
        firstMatch = since
        if current == last || Date().timeIntervalSince(since) > 1 { return current }
      } else {
        firstMatch = nil
      }
      last = current
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw E2EError.timeout(waitingFor: text, screen: last)
  }

  func waitUntilGone(_ text: String, timeout: TimeInterval = 30) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if !last.contains(text) { return last }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw E2EError.timeout(waitingFor: "absence of \(text)", screen: last)
  }

  /// True when the program left the alternate screen, i.e. restored the terminal.
  func alternateScreenOn() throws -> Bool {
    try tmux(["display-message", "-p", "-t", "0", "#{alternate_on}"]).trimmingCharacters(
      in: .whitespacesAndNewlines)
      == "1"
  }

  /// Process id of the running console (child of the pane's shell).
  func consolePID() throws -> Int32? {
    let shell = try tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"]).trimmingCharacters(
      in: .whitespacesAndNewlines)
    let children = try String(
      contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
    return children.split(separator: " ").compactMap { Int32($0) }.first
  }

  func buffers() throws -> [String] {
    try tmux(["list-buffers", "-F", "#{buffer_name}"]).split(separator: "\n").map(String.init)
  }
}

enum E2EError: Error, CustomStringConvertible {
  case timeout(waitingFor: String, screen: String)

  var description: String {
    switch self {
    case .timeout(let text, let screen): "Timed out waiting for « \(text) ». Screen:\n\(screen)"
    }
  }
}
