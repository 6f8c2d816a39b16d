import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Puts the terminal back when the process dies with the screen up (a crash, abort(), or exit() without
/// `stop()`). The handler may only make async-signal-safe calls, so the bytes to send and the tty modes to
/// restore are captured beforehand into memory it can read without locks or allocation.
enum EmergencyRestore {
  static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGQUIT]

  /// True while the screen is up and nobody has restored it yet.
  private static let armed = Atomic<Bool>(false)
  private static let hasSavedModes = Atomic<Bool>(false)
  private static let resetLength = Atomic<Int>(0)
  private static let resetCapacity = 512
  nonisolated(unsafe) private static let resetBytes = UnsafeMutablePointer<UInt8>.allocate(
    capacity: resetCapacity
  )
  nonisolated(unsafe) private static let savedModes = UnsafeMutablePointer<termios>.allocate(
    capacity: 1
  )
  nonisolated(unsafe) private static let previousActions = UnsafeMutablePointer<sigaction>
    .allocate(capacity: 65)
  private static let exitHookInstalled = Atomic<Bool>(false)

  static var isArmed: Bool { armed.load(ordering: .relaxed) }

  /// Called before ncurses changes anything, so these are the modes of the shell.
  static func saveTTYModes() {
    hasSavedModes.store(tcgetattr(STDIN_FILENO, savedModes) == 0, ordering: .relaxed)
  }

  /// `reset` is what undoes the screen setup (leave the alternate screen, show the cursor…).
  static func arm(reset: [UInt8]) {
    let count = min(reset.count, resetCapacity)
    for index in 0..<count { resetBytes[index] = reset[index] }
    resetLength.store(count, ordering: .relaxed)
    var action = sigaction()
    action.__sigaction_handler.sa_sigaction = { signal, info, _ in
      EmergencyRestore.restoreNow()
      // Hand the signal to whoever had it before (Swift's backtracer, or the default action).
      _ = sigaction(signal, EmergencyRestore.previousActions + Int(signal), nil)
      // A real fault happens again on return; a sent signal (kill, abort) has to be sent again.
      if (info?.pointee.si_code ?? 0) <= 0 { _ = raise(signal) }
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_SIGINFO
    for signal in fatalSignals {
      _ = sigaction(signal, &action, previousActions + Int(signal))
    }
    if !exitHookInstalled.exchange(true, ordering: .relaxed) {
      _ = atexit { EmergencyRestore.restoreNow() }
    }
    armed.store(true, ordering: .relaxed)
  }

  /// The screen was closed properly: nothing left to restore.
  static func disarm() {
    guard armed.exchange(false, ordering: .relaxed) else { return }
    for signal in fatalSignals {
      _ = sigaction(signal, previousActions + Int(signal), nil)
    }
  }

  /// Async-signal-safe: write(2) and tcsetattr(3) only.
  private static func restoreNow() {
    guard armed.exchange(false, ordering: .relaxed) else { return }
    _ = write(STDOUT_FILENO, resetBytes, resetLength.load(ordering: .relaxed))
    if hasSavedModes.load(ordering: .relaxed) {
      _ = tcsetattr(STDIN_FILENO, TCSADRAIN, savedModes)
    }
  }
}
