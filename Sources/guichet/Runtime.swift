import Foundation
import GuichetCore
import GuichetTerminal
import GuichetUI

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
    checkFileAfterFirstFrame()
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

  /// A damaged file found by `quick_check` once the agent already sees the home screen: from then on the
  /// console only browses, and says so. Checking before the first frame would slow every start.
  func checkFileAfterFirstFrame() {
    guard state.context.readOnly == nil, let problem = interpreter.services.damage() else { return }
    state.context.readOnly = interpreter.services.damageReason(problem)
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
    guard day != lastPurgeDay else { return }
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
