import ArgumentParser
import Foundation
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
    let session = try ConsoleSession.open(
      location: location, desk: deskOptions, idleLock: idleLock, witness: witness)
    let terminal: Terminal
    do {
      terminal = try Terminal.start()
    } catch {
      FileHandle.standardError.write(Data("guichet : \(error.message)\n".utf8))
      throw ExitCode.failure
    }
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
    witness: AuditWitnessOptions, systemLog: Bool = true
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
      }
      let workplace: Workplace
      let names: [(Int64, String)]
      do {
        workplace =
          desk.readOnly == nil
          ? try chooseWorkplace(database, desk: deskOptions)
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
        database, workplace: workplace, session: SessionCaller(), readOnly: desk.readOnly != nil)
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

  /// The desk named on the command line, else the only declared desk, else the default one.
  static func chooseWorkplace(_ database: AppDatabase, desk: DeskOptions) throws -> Workplace {
    if desk.siteName != nil || desk.deskName != nil {
      return try database.workplace(
        siteName: desk.siteName ?? DeskOptions.defaultSite,
        deskName: desk.deskName ?? DeskOptions.defaultDesk)
    }
    // Demonstration desks (`guichet demo`) are not this desk: a newcomer's console opens on its own desk.
    let known = try database.workplaces().filter { !$0.siteName.hasPrefix(DemoOptions.sitePrefix) }
    if known.count == 1 { return known[0] }
    if known.isEmpty {
      return try database.workplace(
        siteName: DeskOptions.defaultSite, deskName: DeskOptions.defaultDesk)
    }
    let list = known.map { "  --site \"\($0.siteName)\" --desk \"\($0.deskName)\"" }.joined(
      separator: "\n")
    throw UserError("Plusieurs postes sont déclarés dans cette base ; précisez lequel :\n\(list)")
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
