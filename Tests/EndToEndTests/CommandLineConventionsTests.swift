import Foundation
import Testing

/// The conventions of the command line, on the real binary: every help screen in French, every output ending
/// with a newline, lists in French alphabetical order, and shell completion scripts. The commands are read
/// from the binary's own configuration (ArgumentParser's help dump), so a new command is checked too.
@Suite("Command line: French help, final newlines, order, completions")
struct CommandLineConventionsTests {
  struct Command {
    var path: [String]
    var isLeaf: Bool
    var shown: Bool
  }

  /// Every command under `guichet`, as `guichet --experimental-dump-help` describes the configuration.
  static let commands: Result<[Command], any Error> = Result {
    let outcome = try run(["--experimental-dump-help"])
    guard outcome.status == 0,
      let dump = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
        as? [String: Any], let root = dump["command"] as? [String: Any]
    else { throw Failure(description: "help dump: \(outcome.stderr)") }
    var found: [Command] = []
    func walk(_ node: [String: Any], _ path: [String]) {
      let children = node["subcommands"] as? [[String: Any]] ?? []
      found.append(
        Command(
          path: path, isLeaf: children.isEmpty, shown: node["shouldDisplay"] as? Bool ?? true))
      for child in children {
        walk(child, path + [child["commandName"] as? String ?? ""])
      }
    }
    walk(root, [])
    return found
  }

  /// What ArgumentParser writes in English unless it is replaced.
  static let english = [
    "Show help information", "Show the version", "Show subcommand help", "(default", "default:",
    "(values:", "OVERVIEW:", "USAGE:", "OPTIONS:", "ARGUMENTS:", "SUBCOMMANDS", "<subcommand>",
    "See '", "for detailed help", "for more information", "Error:", "Usage:", "Help:",
  ]

  static func englishIn(_ text: String) -> [String] { english.filter { text.contains($0) } }

  @Test func everyHelpScreenIsFrenchAndEndsWithANewline() throws {
    let commands = try Self.commands.get()
    #expect(commands.count > 40, "\(commands.map(\.path))")
    #expect(commands.contains { $0.path == ["operators", "list"] })
    for command in commands {
      // `guichet help --help` is the root's help.
      let name = (["guichet"] + (command.path == ["help"] ? [] : command.path)).joined(
        separator: " ")
      var forms = [command.path + ["--help"]]
      if command.path != ["help"] { forms.append(["help"] + command.path) }
      for arguments in forms {
        let outcome = try Self.run(arguments)
        #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        #expect(outcome.stderr.isEmpty, "\(arguments): \(outcome.stderr)")
        #expect(Self.englishIn(outcome.stdout).isEmpty, "\(arguments):\n\(outcome.stdout)")
        #expect(
          outcome.stdout.contains("UTILISATION : \(name)"), "\(arguments):\n\(outcome.stdout)")
        #expect(outcome.stdout.contains("Affiche cette aide."), "\(arguments)")
        #expect(outcome.stdout.hasSuffix("\n") && !outcome.stdout.hasSuffix("\n\n\n"))
      }
    }
  }

  /// Example command lines are printed whole in an 80-column terminal: ArgumentParser wraps a longer line
  /// at a space, which cuts a quoted argument (« "Mission locale⏎de Vienne" ») or a comment in two.
  @Test func everyExampleLineIsPrintedWholeAtEightyColumns() throws {
    var examples = 0
    for command in try Self.commands.get() where command.path != ["help"] {
      let arguments = command.path + ["--help"]
      let wide = try Self.run(arguments, environment: ["COLUMNS": "1000"]).stdout
      let narrow = try Self.run(arguments, environment: ["COLUMNS": "80"]).stdout
      let printed = Set(narrow.components(separatedBy: "\n"))
      for line in Self.exampleLines(wide) {
        examples += 1
        #expect(line.count <= 80 && printed.contains(line), "\(arguments): « \(line) »\n\(narrow)")
      }
      if command.path == ["operators"] {
        #expect(wide != narrow, "COLUMNS is honoured")
        #expect(narrow.contains(#"--name "Mission locale de Vienne""#), "\(narrow)")
      }
    }
    #expect(examples > 15)
  }

  /// The lines of a help screen that are commands to type: those starting with « guichet » (or
  /// « Exemple : guichet »), and those a trailing « \ » continues.
  static func exampleLines(_ help: String) -> [String] {
    var examples: [String] = []
    var continued = false
    for line in help.components(separatedBy: "\n") {
      let text = line.trimmingCharacters(in: .whitespaces)
      let command = text.hasPrefix("guichet ") || text.hasPrefix("Exemple : guichet ")
      if command || continued { examples.append(line) }
      continued = (command || continued) && text.hasSuffix("\\")
    }
    return examples
  }

  /// An unknown option, or the missing argument ArgumentParser reports first.
  @Test func everyCommandAnswersAnUnknownOptionInFrench() throws {
    // `search` takes any text, dashes included.
    for command in try Self.commands.get()
    where command.isLeaf && command.path != ["help"] && command.path != ["search"] {
      let outcome = try Self.run(command.path + ["--pas-une-option"])
      #expect(outcome.status == 64, "\(command.path)")
      #expect(
        outcome.stderr.hasPrefix("guichet : option inconnue : « --pas-une-option »")
          || outcome.stderr.hasPrefix("guichet : argument manquant : « "),
        "\(command.path): \(outcome.stderr)")
      #expect(
        outcome.stderr.contains(
          "Voir « guichet \(command.path.joined(separator: " ")) --help » pour plus d'informations."
        ), "\(command.path): \(outcome.stderr)")
      #expect(Self.englishIn(outcome.stderr).isEmpty, "\(command.path): \(outcome.stderr)")
      #expect(outcome.stderr.hasSuffix(".\n"), "\(command.path): \(outcome.stderr)")
      #expect(outcome.stdout.isEmpty)
    }
  }

  @Test func usageMistakesShareOneStyle() throws {
    let cases: [[String]] = [
      ["bogus"], ["report"], ["report", "hourly"], ["search", "x", "--limit"],
      ["users", "add", "--login", "x"], ["init", "--site"], ["operators"],
      ["operators", "list", "--kind", "banque"],
      ["users", "add", "--login", "x", "--role", "chef"],
      ["territories", "create"], ["bench", "--only", "nope"],
    ]
    // A folder that does not exist yet: a usage mistake must create neither it nor a database in it.
    let parent = try GuichetRun.temporaryFolder("usage")
    defer { try? FileManager.default.removeItem(at: parent) }
    let missing = parent.appendingPathComponent("absent")
    let path = missing.appendingPathComponent("test.sqlite").path
    for arguments in cases {
      let outcome = try Self.run(arguments + ["--database", path])
      #expect(outcome.status == 64, "\(arguments): \(outcome.stderr)")
      #expect(
        !FileManager.default.fileExists(atPath: missing.path), "\(arguments) created a folder")
      let first = outcome.stderr.split(separator: "\n").first.map(String.init) ?? ""
      #expect(first.hasPrefix("guichet : "), "\(arguments): \(outcome.stderr)")
      let opening = first.dropFirst("guichet : ".count).first
      #expect(opening.map { !$0.isUppercase } ?? false, "\(arguments): \(outcome.stderr)")
      #expect(outcome.stderr.contains("  Voir « guichet"), "\(arguments): \(outcome.stderr)")
      #expect(Self.englishIn(outcome.stderr).isEmpty, "\(arguments): \(outcome.stderr)")
      #expect(outcome.stderr.hasSuffix("\n"))
    }
  }

  /// Each command run once on a database of its own (a copy of the seeded one), in an order where each
  /// finds what it needs; the commands that are not run here say why.
  @Test func everyCommandsOutputEndsWithANewline() throws {
    let runner = GuichetRun(folder: try GuichetRun.temporaryFolder("newlines"))
    defer { try? FileManager.default.removeItem(at: runner.folder) }
    let path = runner.folder.appendingPathComponent("base.sqlite").path
    try SeededDatabase.copy(to: path)
    let database = ["--database", path]
    let file = { (name: String) in runner.folder.appendingPathComponent(name).path }
    let setup = file("structures.csv")
    let consent = file("consentement.txt")
    try Data(
      "J'accepte que {structure} me recontacte ; mes coordonnées sont gardées {duree}.\n".utf8
    ).write(to: URL(fileURLWithPath: consent))
    var covered: Set<[String]> = []
    let paths = try Self.commands.get().map(\.path)

    func check(_ arguments: [String], input: String? = nil, status: Int32 = 0) throws
      -> GuichetRun.Outcome
    {
      var runner = runner
      runner.input = input
      let outcome = try runner.run(arguments + database)
      #expect(outcome.status == status, "\(arguments): \(outcome.stderr)")
      #expect(!outcome.stdout.isEmpty || !outcome.stderr.isEmpty, "\(arguments) said nothing")
      for (stream, text) in [("stdout", outcome.stdout), ("stderr", outcome.stderr)]
      where !text.isEmpty {
        // Bytes, not characters: a CSV line ends with "\r\n", one Character.
        #expect(
          text.utf8.last == UInt8(ascii: "\n"),
          "\(arguments): \(stream) without a final newline:\n\(text)")
      }
      if let command = paths.filter({ !$0.isEmpty && arguments.starts(with: $0) })
        .max(by: { $0.count < $1.count })
      {
        covered.insert(command)
      }
      return outcome
    }

    _ = try check(["init", "--site", "CIO Vienne", "--desk", "Poste 2"])
    let password = "phrase de passe du test\n"
    _ = try check(["users", "add", "--login", "zoe", "--role", "agent"], input: password)
    for format in ["text", "json"] { _ = try check(["users", "list", "--format", format]) }
    _ = try check(["users", "disable", "zoe"])
    _ = try check(["users", "enable", "zoe"])
    _ = try check(["users", "passwd", "zoe"], input: password)
    let example = try check(["operators", "import", "--example"])
    try Data(example.stdout.utf8).write(to: URL(fileURLWithPath: setup))
    _ = try check(["operators", "import", setup])
    _ = try check(["operators", "export"])
    _ = try check(["operators", "list"])
    let listed = try check(["operators", "list", "--format", "json"])
    let structures =
      try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
    let structure = try #require(
      structures?.first { ($0["name"] as? String)?.contains("Vienne") == true })
    let structureID = try #require(structure["id"] as? Int)
    _ = try check([
      "operators", "add-structure", "--kind", "cio", "--name", "CIO Test", "--phone",
      "04 74 00 00 01",
    ])
    let added = try check([
      "operators", "add-advisor", "--structure", "\(structureID)", "--name", "Paul Durand",
      "--format", "json",
    ])
    let advisor = try #require(
      (try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])?["id"]
        as? Int)
    _ = try check([
      "operators", "add-rule", "--advisor", "\(advisor)", "--days", "lun-ven", "--from", "09:00",
      "--to", "12:00", "--length", "30",
    ])
    _ = try check([
      "operators", "add-absence", "--advisor", "\(advisor)", "--from", "24/12/2030", "--to",
      "31/12/2030",
    ])
    _ = try check(["operators", "slots", "--advisor", "\(advisor)", "--days", "7"])
    _ = try check(["operators", "remove-advisor", "\(advisor)"])
    for format in ["text", "json"] { _ = try check(["territories", "list", "--format", format]) }
    _ = try check(["territories", "create", "ZTEF Essai", "--bassin", "chambery"])
    _ = try check(["territories", "rename", "ZTEF Essai", "ZTEF Épreuve"])
    _ = try check(["territories", "set-target", "ZTEF Épreuve", "--days", "21"])
    for format in ["text", "json"] { _ = try check(["sites", "list", "--format", format]) }
    _ = try check(["sites", "set-wait", "CIO Vienne", "--minutes", "15"])
    _ = try check(["consent", "publish", "--file", consent])
    for format in ["text", "json"] { _ = try check(["consent", "list", "--format", format]) }
    _ = try check(["demo", "--days", "3", "--per-day", "4"])
    for format in ["table", "csv", "json", "markdown"] {
      _ = try check(["report", "monthly", "--format", format])
    }
    _ = try check(["report", "annual"])
    _ = try check(["report", "daily", "--format", "csv", "--excel"])
    for format in ["text", "json"] {
      _ = try check(["search", "boulanger", "--format", format])
      _ = try check(["formations", "--rome", "D1102", "--format", format])
    }
    _ = try check(["audit", "head", "--witness", file("temoin")])
    _ = try check(["audit", "verify", "--witness", file("temoin")])
    _ = try check(["audit", "list", "--limit", "5"])
    _ = try check(["purge", "--dry-run", "--witness", file("temoin")])
    _ = try check(["purge", "--witness", file("temoin")])
    for action in ["find", "export", "erase"] {
      _ = try check(["person", action, "--phone", "06 12 34 56 78"])
    }
    _ = try check(["check"])
    _ = try check(["backup", file("copie.sqlite")])
    _ = try check(["restore", file("copie.sqlite")])
    _ = try check(["import", "lheo", "/nonexistent/offres.xml"], status: 64)

    let notRun: [[String]: String] = [
      ["console"]: "the full-screen console (its screens have their own tests)",
      ["first-frame"]: "the console's first frame (the cold-start bench)",
      ["bench"]: "minutes of measures (BenchCommand's JSON lines are checked by the bench tests)",
      ["selftest-writer"]: "a test helper", ["bench-booking-worker"]: "a bench helper",
      ["help"]: "checked with every help screen",
    ]
    for command in try Self.commands.get() where command.isLeaf {
      #expect(
        covered.contains(command.path) || notRun[command.path] != nil,
        "guichet \(command.path.joined(separator: " ")) is neither run here nor excused")
    }
  }

  @Test func listsComeInFrenchAlphabeticalOrder() throws {
    let runner = GuichetRun(folder: try GuichetRun.temporaryFolder("collation"))
    defer { try? FileManager.default.removeItem(at: runner.folder) }
    let path = runner.folder.appendingPathComponent("base.sqlite").path
    try SeededDatabase.copy(to: path)
    let names = [
      "Villefranche essai", "CIO Vénissieux essai", "CIO Villeurbanne essai", "CIO Vaulx essai",
      "L’Arbresle essai", "L'Isle essai",
      "La Mulatière essai", "Écully essai", "Eybens essai", "cio Ambérieu essai",
    ]
    for (index, name) in names.enumerated() {
      let outcome = try runner.run([
        "operators", "add-structure", "--kind", "cio", "--name", name, "--phone",
        "04 74 00 00 \(10 + index)", "--database", path,
      ])
      #expect(outcome.status == 0, "\(outcome.stderr)")
      let territory = try runner.run([
        "territories", "create", "T \(name)", "--bassin", "chambery", "--database", path,
      ])
      #expect(territory.status == 0, "\(territory.stderr)")
    }
    let expected = [
      "cio Ambérieu essai", "CIO Vaulx essai", "CIO Vénissieux essai", "CIO Villeurbanne essai",
      "Écully essai", "Eybens essai",
      "L’Arbresle essai", "L'Isle essai", "La Mulatière essai", "Villefranche essai",
    ]
    let structures = try runner.run(["operators", "list", "--format", "json", "--database", path])
    let listed = try #require(
      try JSONSerialization.jsonObject(with: Data(structures.stdout.utf8)) as? [[String: Any]]
    ).compactMap { $0["name"] as? String }.filter(names.contains)
    #expect(listed == expected)
    let text = try runner.run(["operators", "list", "--database", path])
    let shown = text.stdout.split(separator: "\n").compactMap { line in
      expected.first { line.contains("  \($0) — ") }
    }
    #expect(shown == expected, "\(text.stdout)")
    let territories = try runner.run(["territories", "list", "--database", path])
    let order = territories.stdout.split(separator: "\n").compactMap { line in
      expected.first { line.contains("T \($0)") && !line.hasPrefix(" ") }
    }
    #expect(order == expected, "\(territories.stdout)")
  }

  @Test func completionScriptsNameTheCommandsAndTheirValues() throws {
    let top = try Self.commands.get().filter { $0.path.count == 1 && $0.shown }.map { $0.path[0] }
    #expect(top.contains("report") && top.contains("users"))
    for shell in ["bash", "zsh", "fish"] {
      let outcome = try Self.run(["--generate-completion-script", shell])
      #expect(outcome.status == 0, "\(shell): \(outcome.stderr)")
      let script = outcome.stdout
      #expect(script.hasSuffix("\n"))
      for command in top { #expect(script.contains(command), "\(shell) misses \(command)") }
      for value in ["markdown", "administrateur", "mission_locale", "telephone"] {
        #expect(script.contains(value), "\(shell) does not offer \(value)")
      }
      #expect(Self.englishIn(script).isEmpty, "\(shell): \(Self.englishIn(script))")
    }
    let bash = try Self.run(["--generate-completion-script", "bash"])
    let folder = try GuichetRun.temporaryFolder("completion")
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("guichet.bash")
    try Data(bash.stdout.utf8).write(to: script)
    let syntax = try Spawn.run(
      ["sh", "-c", "bash -n \(TmuxConsole.quote(script.path)) 2>&1; echo \"rc=$?\""],
      outputFile: folder.appendingPathComponent("syntax.out").path)
    #expect(syntax == "rc=0\n", "\(syntax)")
    let unknown = try Self.run(["--generate-completion-script", "tcsh"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.hasPrefix("guichet : "), "\(unknown.stderr)")
  }

  /// What `Scripts/manual` asks for: the help dump the manual generator reads, in ASCII with « ~u00E9~ » for
  /// « é » (the generator drops the rest); the help screens stay as they are.
  @Test func theManualsHelpDumpSpellsAccentsInASCII() throws {
    let folder = try GuichetRun.temporaryFolder("manual")
    defer { try? FileManager.default.removeItem(at: folder) }
    let runner = GuichetRun(folder: folder, environment: ["GUICHET_MANUAL_ESCAPES": "1"])
    let dump = try runner.run(["--experimental-dump-help"])
    #expect(dump.status == 0, "\(dump.stderr)")
    #expect(!dump.stdout.unicodeScalars.contains { !$0.isASCII })
    #expect(dump.stdout.contains("r~u00E9~gional de l'orientation"))
    #expect(dump.stdout.contains("Affiche cette aide."))
    #expect((try? JSONSerialization.jsonObject(with: Data(dump.stdout.utf8))) is [String: Any])
    let help = try runner.run(["--help"])
    #expect(help.stdout.contains("régional de l'orientation"))
  }

  // MARK: helpers

  struct Failure: Error, CustomStringConvertible { var description: String }

  static func run(_ arguments: [String], environment: [String: String] = [:]) throws
    -> GuichetRun.Outcome
  {
    let folder = try GuichetRun.temporaryFolder("conventions")
    defer { try? FileManager.default.removeItem(at: folder) }
    return try GuichetRun(folder: folder, environment: environment).run(arguments)
  }
}
