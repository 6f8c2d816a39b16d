import ArgumentParser
import Foundation
import GuichetConsole
import GuichetCore
import GuichetStore
import GuichetTerminal
import GuichetUI

struct ConsoleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "console",
    abstract: "Ouvre la console plein écran du poste d'accueil (commande par défaut).")

  @OptionGroup var location: DatabaseOptions
  @OptionGroup var deskOptions: DeskOptions
  @OptionGroup var idleLock: IdleLockOption
  @OptionGroup var witness: AuditWitnessOptions

  func run() throws {
    // The terminal starts early only when the desk must be asked; the same one then runs the console.
    var started: Terminal?
    func terminal() throws -> Terminal {
      if let started { return started }
      do {
        let terminal = try Terminal.start()
        started = terminal
        return terminal
      } catch {
        CommandLineMessage.error(error.message)
        throw ExitCode.failure
      }
    }
    let session = try ConsoleSession.open(
      location: location, desk: deskOptions, idleLock: idleLock, witness: witness,
      pickDesk: { desks in
        let screen = try terminal()
        guard let chosen = DeskPickerLoop.run(DeskPicker(desks: desks), on: screen) else {
          screen.stop()
          if let signal = screen.pendingTerminationSignal { throw ExitCode(128 + signal) }
          throw ExitCode.success
        }
        return chosen
      })
    let terminal = try terminal()
    let runtime = Runtime(
      terminal: terminal, services: session.services, context: session.context,
      clock: session.clock)
    runtime.run()
    if let signal = terminal.pendingTerminationSignal { throw ExitCode(128 + signal) }
  }
}

/// What a console needs before its first frame: the open database, this desk, and names to show.
struct ConsoleSession {
  var services: Services
  var context: AppContext
  var clock: ConsoleClock

  static func open(
    location: DatabaseOptions, desk deskOptions: DeskOptions, idleLock: IdleLockOption,
    witness: AuditWitnessOptions, systemLog: Bool = true,
    pickDesk: ([Workplace]) throws -> Workplace = DeskResolution.refuse
  ) throws -> ConsoleSession {
    let path = location.path
    DatabaseLocation.announceIfNew(path)
    ExposureNotice.report(path: path)
    return try CommandLineErrors.report {
      let clock = try ConsoleClock.fromEnvironment()
      let desk = try AppDatabase.openForDesk(path: path)
      var witnessed = desk.database
      witnessed.auditWitness = witness.witness(forDatabase: path, systemLog: systemLog)
      let database = witnessed
      if desk.readOnly == nil {
        // Retention runs at every start (and daily, from the runtime), finishing any erasure scrub left
        // pending and writing the trail's head to the witness (a witness that cannot be written is said in
        // the system log); a busy or read-only file must not keep the desk from opening, the next run purges.
        _ = try? database.purgeForRetention(
          now: clock.now(), occasion: .consoleStart, alwaysCheckpoint: false)
        // Yesterday's arrivals nobody took leave the queue before the first frame shows it.
        _ = try? database.closeStaleArrivals(now: clock.now())
      }
      let workplace: Workplace
      let names: [(Int64, String)]
      do {
        workplace =
          desk.readOnly == nil
          ? try chooseWorkplace(database, desk: deskOptions).workplace(pickDesk)
          : try browsingWorkplace(database, desk: deskOptions)
        names = try database.territories().map { ($0.id, $0.name) }
      } catch let error as UserError {
        // Too damaged even to browse: say what to do about the file, not which read failed.
        throw desk.readOnly.map { UserError($0.message) } ?? error
      }
      var context = AppContext(
        workplace: workplace, now: clock.now(),
        territoryNames: Dictionary(names, uniquingKeysWith: { first, _ in first }),
        idleLockDelay: try idleLock.delay)
      context.readOnly = desk.readOnly
      context.asciiCharts = Charts.prefersASCII(environment: ProcessInfo.processInfo.environment)
      var services = Services.live(
        database, workplace: workplace, session: SessionCaller(), readOnly: desk.readOnly != nil,
        slips: SlipFiles.directory(besideDatabase: path))
      services.damage = { try? database.quickCheckProblem() }
      services.damageReason = { ReadOnlyReason.damaged(path: path, detail: $0) }
      return ConsoleSession(services: services, context: context, clock: clock)
    }
  }

  /// In read-only mode nothing may be created: a known desk, else a stand-in that is never written.
  static func browsingWorkplace(_ database: AppDatabase, desk: DeskOptions) throws -> Workplace {
    let known = try database.workplaces()
    let named = known.first {
      (desk.siteName == nil || $0.siteName == desk.siteName)
        && (desk.deskName == nil || $0.deskName == desk.deskName)
    }
    return named ?? known.first
      ?? Workplace(
        siteID: 0, siteName: desk.siteName ?? DeskOptions.defaultSite, deskID: 0,
        deskName: desk.deskName ?? DeskOptions.defaultDesk)
  }

  /// The desk named by `--site`/`--desk` (or `GUICHET_SITE`/`GUICHET_DESK`), else the only declared desk,
  /// else the default one on a new database; several desks and no name: the console asks. A desk name
  /// alone must be a declared desk: a typo does not create a new site.
  static func chooseWorkplace(_ database: AppDatabase, desk: DeskOptions) throws -> DeskResolution {
    if let site = desk.siteName {
      return .known(
        try database.workplace(siteName: site, deskName: desk.deskName ?? DeskOptions.defaultDesk))
    }
    // Demonstration desks (`guichet demo`) are not this desk: a newcomer's console opens on its own desk.
    let known = try database.workplaces().filter { !$0.siteName.hasPrefix(DemoOptions.sitePrefix) }
    if let name = desk.deskName {
      if known.isEmpty {
        return .known(try database.workplace(siteName: DeskOptions.defaultSite, deskName: name))
      }
      let matches = known.filter { Self.sameName($0.deskName, name) }
      if matches.count == 1 { return .known(matches[0]) }
      if matches.count > 1 { return .ask(matches) }
      throw UserError(
        """
        Le poste « \(SafeText.clean(String(name.prefix(60)))) » n'est pas déclaré dans cette base. Postes déclarés :
        \(DeskResolution.list(known))
        Pour déclarer un nouveau poste, nommez aussi son site : --site "NOM DU SITE" --desk "NOM DU POSTE".
        """)
    }
    if known.count == 1 { return .known(known[0]) }
    if known.isEmpty {
      return .known(
        try database.workplace(siteName: DeskOptions.defaultSite, deskName: DeskOptions.defaultDesk)
      )
    }
    return .ask(known)
  }

  /// Desk names as typed in `authorized_keys` or a script: case and accents aside.
  static func sameName(_ a: String, _ b: String) -> Bool {
    a.trimmingCharacters(in: .whitespaces).compare(
      b.trimmingCharacters(in: .whitespaces),
      options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame
  }
}

/// This console's desk, or the declared desks to choose from.
enum DeskResolution {
  case known(Workplace)
  case ask([Workplace])

  func workplace(_ pick: ([Workplace]) throws -> Workplace) throws -> Workplace {
    switch self {
    case .known(let workplace): workplace
    case .ask(let desks): try pick(desks)
    }
  }

  /// Where no screen can ask (the cold-start bench): the desks, said as options to add.
  static func refuse(_ desks: [Workplace]) throws -> Workplace {
    throw UserError(
      "Plusieurs postes sont déclarés dans cette base ; précisez lequel :\n\(list(desks))")
  }

  static func list(_ desks: [Workplace]) -> String {
    desks.map { "  --site \"\($0.siteName)\" --desk \"\($0.deskName)\"" }.joined(separator: "\n")
  }
}

/// The desk picker on the real terminal, before anything else is drawn.
enum DeskPickerLoop {
  static func run(_ picker: DeskPicker, on terminal: Terminal) -> Workplace? {
    var picker = picker
    terminal.draw(picker.render(size: terminal.size))
    while terminal.pendingTerminationSignal == nil {
      guard let event = terminal.nextEvent(timeoutMilliseconds: 200) else { continue }
      switch event {
      case .key(.ctrl("l")): terminal.invalidate()
      case .key(let key):
        switch picker.handle(key) {
        case .chosen(let workplace): return workplace
        case .quit: return nil
        case nil: break
        }
      case .resized: break
      }
      terminal.draw(picker.render(size: terminal.size))
    }
    return nil
  }
}

/// `--idle-lock MINUTES` (or `GUICHET_IDLE_LOCK`): how long an untouched desk stays open, 10 minutes by default.
struct IdleLockOption: ParsableArguments {
  @ArgumentParser.Option(
    name: .long,
    help: ArgumentHelp(
      "Minutes sans frappe avant que le poste se verrouille (10 par défaut, 1 à 60 ; sinon GUICHET_IDLE_LOCK).",
      valueName: "minutes"))
  var idleLock: Double?

  var delay: TimeInterval {
    get throws {
      let text = ProcessInfo.processInfo.environment["GUICHET_IDLE_LOCK"]
      guard let minutes = idleLock ?? text.flatMap(Double.init) else { return 600 }
      guard minutes > 0, minutes <= 60 else {
        throw UserError("Le délai de verrouillage va de 1 seconde à 60 minutes.")
      }
      return minutes * 60
    }
  }
}
