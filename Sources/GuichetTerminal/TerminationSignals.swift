import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SIGINT, SIGTERM and SIGHUP only raise a flag, since nothing about ncurses is safe in a handler: the runtime
/// polls it each tick and stops cleanly. No SA_RESTART, so a waiting getch returns at once.
enum TerminationSignals {
  /// The last termination signal received, 0 for none.
  static let received = Atomic<Int32>(0)

  static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(
    capacity: 3
  )

  /// Installed before ncurses starts, so that ncurses leaves these signals to us.
  static func install() {
    received.store(0, ordering: .relaxed)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { signal in
      TerminationSignals.received.store(signal, ordering: .relaxed)
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    for (index, signal) in handled.enumerated() {
      _ = sigaction(signal, &action, previous + index)
    }
    // A parent may hand us a blocked mask (some launchers and test runners do): then SIGTERM, SIGHUP and
    // SIGWINCH would never arrive, the console would ignore a dropped session and never relayout.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for signal in handled + [SIGWINCH] { sigaddset(&unblock, signal) }
    _ = sigprocmask(SIG_UNBLOCK, &unblock, nil)
    // A closed pipe must surface as a write error, not kill the process with the screen still up.
    _ = signal(SIGPIPE, SIG_IGN)
  }

  static func uninstall() {
    for (index, signal) in handled.enumerated() {
      _ = sigaction(signal, previous + index, nil)
    }
  }
}
