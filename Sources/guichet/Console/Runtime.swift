import Foundation
import GuichetConsole
import GuichetCore
import GuichetTerminal
import GuichetUI
import Synchronization

/// The single-threaded console loop: read a key, reduce, carry out effects, redraw what changed.
final class Runtime {
  let terminal: Terminal
  let interpreter: EffectInterpreter
  var state: AppState
  var lastCanvas: Canvas?
  var lastDataVersion: Int?
  var lastTick = Date.distantPast
  /// The Paris day of the last retention purge (the console's start purged already).
  var lastPurgeDay: Int?
  let fileCheck = FileCheckOutcome()

  /// How often the clock, waiting times and other desks' writes are checked.
  static let tickInterval: TimeInterval = 1

  init(
    terminal: Terminal, services: Services, context: AppContext,
    clock: ConsoleClock = ConsoleClock()
  ) {
    self.terminal = terminal
    self.interpreter = EffectInterpreter(services: services, now: clock.now)
    self.state = AppState(context: context, size: terminal.size)
    self.lastPurgeDay = Day.number(of: clock.now(), in: Day.parisTimeZone)
  }

  func run() {
    defer { terminal.stop() }
    lastDataVersion = try? interpreter.services.dataVersion()
    perform(App.start(&state))
    draw()
    startFileCheck()
    while !state.quitting && terminal.pendingTerminationSignal == nil {
      if let event = terminal.nextEvent(timeoutMilliseconds: 200) {
        switch event {
        case .key(.ctrl("l")):
          terminal.invalidate()
          lastCanvas = nil
        case .key(let key): send(.key(key))
        case .resized(let size): send(.resized(size))
        }
      }
      let now = interpreter.now()
      if now.timeIntervalSince(lastTick) >= Self.tickInterval {
        lastTick = now
        send(.tick(now))
        purgeIfNewDay(now)
        applyFileCheck()
        pollDatabase()
      }
      if !state.quitting { draw() }
    }
  }

  /// Start-up up to the first frame, without the loop: what `guichet bench` times as a cold start.
  func drawFirstFrame() {
    perform(App.start(&state))
    draw()
  }

  /// `quick_check` once the agent already sees the home screen, on another thread: it reads the whole file
  /// (about 0.1 s for 24 MB), and the loop must keep reading keys and resizes meanwhile. Checking before the
  /// first frame would slow every start.
  func startFileCheck() {
    guard state.context.readOnly == nil else { return }
    let services = interpreter.services
    let outcome = fileCheck
    DispatchQueue.global(qos: .utility).async {
      let problem = services.damage()
      outcome.state.withLock { $0 = .done(problem) }
    }
  }

  /// A damaged file found by the check: from then on the console only browses, and says so.
  func applyFileCheck() {
    guard case .done(let problem?) = fileCheck.state.withLock({ $0 }), state.context.readOnly == nil
    else { return }
    let reason = interpreter.services.damageReason(problem)
    state.context.readOnly = reason
    // Found after the login, it must not hide behind the greeting the status line shows meanwhile.
    state.message = StatusMessage(reason.banner, isError: true)
  }

  func send(_ action: AppAction) {
    perform(App.reduce(&state, action))
  }

  func perform(_ effect: Effect) {
    for action in interpreter.run(effect, context: state.context) {
      send(action)
    }
  }

  /// Consoles stay open for days: the retention purge also runs when the Paris day changes.
  func purgeIfNewDay(_ now: Date) {
    let day = Day.number(of: now, in: Day.parisTimeZone)
    // A file opened for browsing only is never written, not even by the purge.
    guard day != lastPurgeDay, state.context.readOnly == nil else { return }
    lastPurgeDay = day
    interpreter.services.purgeExpiredContacts(now)
  }

  /// `PRAGMA data_version` moves when another desk commits; then the open screen reloads.
  func pollDatabase() {
    guard let version = try? interpreter.services.dataVersion() else { return }
    if let last = lastDataVersion, last != version { send(.databaseChanged) }
    lastDataVersion = version
  }

  func draw() {
    let canvas = App.render(state)
    guard canvas != lastCanvas || lastCanvas == nil else { return }
    terminal.draw(canvas)
    lastCanvas = canvas
  }
}

/// What the background file check found, handed from its thread to the console loop.
final class FileCheckOutcome: Sendable {
  enum State: Sendable {
    case pending
    /// The first problem found, nil for a sound file.
    case done(String?)
  }

  let state = Mutex<State>(.pending)
}
