import CNCursesW
import GuichetCore
import GuichetUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The only owner of ncurses: one instance, used from one thread, from `start()` to `stop()`.
public final class Terminal {
  /// How long to wait for the rest of an escape sequence or character, on top of ncurses' ESCDELAY.
  private static let sequencePatience: Duration = .milliseconds(30)
  /// How long a paste may pause before it counts as finished without its end marker (SSH delivers in bursts).
  private static let pastePatience: Duration = .seconds(2)
  private static let bracketedPasteOn = "\u{1B}[?2004h"
  private static let bracketedPasteOff = "\u{1B}[?2004l"

  private let palette: Palette
  private var decoder = KeyDecoder(codes: .ncurses)
  private var queued: [TerminalEvent] = []
  private var lastInput = ContinuousClock.now
  private var isActive = true
  private var cursorShown: Bool?
  private var lastSize: Size
  /// The frame ncurses holds now, so the next draw only touches what changed.
  private var lastDrawn: Canvas?
  private var lastDrawnArea = (0, 0)
  /// One grapheme as setcchar wants it: up to CCHARW_MAX scalars, then a zero.
  private var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)

  /// Checks the locale, then takes over the terminal.
  public static func start() throws(TerminalError) -> Terminal {
    guard !EmergencyRestore.isArmed else {
      throw TerminalError(message: "Le terminal est déjà utilisé par Guichet.")
    }
    try TerminalLocale.ensureUTF8()
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw TerminalError(message: "Guichet doit être lancé dans un terminal interactif.")
    }
    EmergencyRestore.saveTTYModes()
    TerminationSignals.install()
    // newterm, unlike initscr, returns instead of exiting when TERM is unknown.
    guard newterm(nil, guichet_stdout(), guichet_stdin()) != nil else {
      TerminationSignals.uninstall()
      let name = getenv("TERM").map { SafeText.clean(String(cString: $0)) } ?? ""
      throw TerminalError(
        message: name.isEmpty
          ? "Type de terminal inconnu : la variable TERM n'est pas définie."
          : "Type de terminal inconnu : « \(name) ». Essayez TERM=xterm-256color."
      )
    }
    // `dumb` and other line terminals start fine but cannot place the cursor: a full screen is impossible.
    guard let move = tigetstr("cup"), Int(bitPattern: move) != -1 else {
      _ = endwin()
      TerminationSignals.uninstall()
      let name = getenv("TERM").map { SafeText.clean(String(cString: $0)) } ?? ""
      throw TerminalError(
        message:
          "Le terminal « \(name) » ne sait pas placer le curseur : Guichet a besoin d'un terminal plein écran. Essayez TERM=xterm-256color (ou TERM=vt100)."
      )
    }
    return Terminal(interactive: true)
  }

  /// A terminal drawing into /dev/null at a fixed size, so `guichet bench` measures the real ncurses blit
  /// without a screen; it reads no input and leaves signals and stdout alone.
  public static func offscreen(size: Size) throws(TerminalError) -> Terminal {
    guard !EmergencyRestore.isArmed else {
      throw TerminalError(message: "Le terminal est déjà utilisé par Guichet.")
    }
    try TerminalLocale.ensureUTF8()
    guard let output = fopen("/dev/null", "w"), let input = fopen("/dev/null", "r"),
      newterm("xterm-256color", output, input) != nil
    else {
      throw TerminalError(
        message: "Impossible d'ouvrir un terminal hors écran (terminfo xterm-256color absent ?).")
    }
    _ = resizeterm(Int32(size.height), Int32(size.width))
    return Terminal(interactive: false)
  }

  private let interactive: Bool

  private init(interactive: Bool) {
    self.interactive = interactive
    let window = guichet_stdscr()
    // raw(), not cbreak(): a pasted Ctrl-\ would otherwise raise SIGQUIT.
    _ = raw()
    _ = noecho()
    _ = nonl()
    _ = keypad(window, true)
    _ = meta(window, true)
    _ = intrflush(window, false)
    _ = set_escdelay(25)
    palette = Palette.install()
    let codes = KeyCodes.ncurses
    _ = define_key("\u{1B}[200~", codes.pasteStart)
    _ = define_key("\u{1B}[201~", codes.pasteEnd)
    lastSize = Size(width: Int(guichet_cols()), height: Int(guichet_rows()))
    if interactive {
      EmergencyRestore.arm(reset: Self.resetSequence())
      send(Self.bracketedPasteOn)
    }
    _ = wrefresh(window)
  }

  deinit {
    stop()
  }

  public var size: Size {
    if isActive { lastSize = Size(width: Int(guichet_cols()), height: Int(guichet_rows())) }
    return lastSize
  }

  /// Set by SIGINT, SIGTERM or SIGHUP; the runtime then calls `stop()`.
  public var pendingTerminationSignal: Int32? {
    let signal = TerminationSignals.received.load(ordering: .relaxed)
    return signal == 0 ? nil : signal
  }

  /// Waits up to `timeoutMilliseconds` (forever when negative) for a key or a resize; nil on timeout or
  /// when a termination signal arrives.
  public func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent? {
    if !queued.isEmpty { return queued.removeFirst() }
    guard isActive else { return nil }
    let clock = ContinuousClock()
    let deadline =
      timeoutMilliseconds < 0 ? nil : clock.now + .milliseconds(Int(timeoutMilliseconds))
    let window = guichet_stdscr()
    while pendingTerminationSignal == nil {
      let now = clock.now
      var wait = deadline.map { max(.zero, $0 - now) }
      if let patience = patience {
        let left = max(.zero, lastInput + patience - now)
        wait = min(wait ?? left, left)
      }
      wtimeout(window, wait.map(Self.milliseconds) ?? -1)
      let code = wgetch(window)
      if code != ERR {
        lastInput = clock.now
        enqueue(decoder.feed(code))
      } else if let patience, clock.now - lastInput >= patience {
        enqueue(decoder.idle())
      } else if deadline.map({ clock.now >= $0 }) ?? true {
        return queued.isEmpty ? nil : queued.removeFirst()
      }
      if !queued.isEmpty { return queued.removeFirst() }
    }
    return nil
  }

  /// Blits the canvas. Only cells that differ from the previous frame are handed to ncurses (which then
  /// sends only what changed to the terminal): a keystroke touches a few dozen cells, not all 12,000 at 200×60.
  public func draw(_ canvas: Canvas) {
    guard isActive else { return }
    let window = guichet_stdscr()
    let rows = min(canvas.size.height, Int(guichet_rows()))
    let columns = min(canvas.size.width, Int(guichet_cols()))
    let previous = lastDrawn.flatMap {
      $0.size == canvas.size && lastDrawnArea == (rows, columns) ? $0 : nil
    }
    if previous == nil { _ = werase(window) }
    var character = cchar_t()
    for y in 0..<rows {
      for x in 0..<columns {
        let index = y * canvas.size.width + x
        let cell = canvas.cells[index]
        if cell.isContinuation { continue }
        if let previous, previous.cells[index] == cell,
          x + 1 >= columns
            || previous.cells[index + 1].isContinuation == canvas.cells[index + 1].isContinuation
        {
          continue
        }
        // A wide glyph cut by a narrower window would wrap onto the next line.
        let fits = x + 1 < columns || DisplayWidth.of(cell.text) < 2
        load(fits ? cell.text : " ")
        let rendition = palette.rendition(of: cell.style)
        characters.withUnsafeBufferPointer { buffer in
          _ = setcchar(&character, buffer.baseAddress, rendition.attributes, rendition.pair, nil)
        }
        _ = mvwadd_wch(window, Int32(y), Int32(x), &character)
      }
    }
    lastDrawn = canvas
    lastDrawnArea = (rows, columns)
    if let cursor = canvas.cursor, (0..<columns).contains(cursor.x), (0..<rows).contains(cursor.y) {
      showCursor(true)
      _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
    } else {
      showCursor(false)
    }
    _ = wrefresh(window)
  }

  /// Forgets what is on screen so the next draw repaints everything (Ctrl-L, after a garbled line).
  public func invalidate() {
    lastDrawn = nil
    _ = clearok(guichet_stdscr(), true)
  }

  /// Gives the terminal back to the shell. Safe to call more than once, and on every exit path.
  public func stop() {
    guard isActive else { return }
    isActive = false
    guard interactive else {
      _ = endwin()
      return
    }
    send(Self.bracketedPasteOff)
    _ = endwin()
    EmergencyRestore.disarm()
    TerminationSignals.uninstall()
  }

  private var patience: Duration? {
    switch decoder.pending {
    case nil: nil
    case .sequence: Self.sequencePatience
    case .paste: Self.pastePatience
    }
  }

  private func enqueue(_ events: [KeyDecoder.Event]) {
    for event in events {
      switch event {
      case .key(let key): queued.append(.key(key))
      case .resize: queued.append(.resized(size))
      }
    }
  }

  /// Fills `characters` with the cell's scalars; anything unsafe for the terminal becomes a space.
  private func load(_ text: String) {
    var count = 0
    for scalar in text.unicodeScalars where count < characters.count - 1 {
      guard SafeText.isAllowed(scalar) else { continue }
      characters[count] = wchar_t(bitPattern: scalar.value)
      count += 1
    }
    if count == 0 {
      characters[0] = 0x20
      count = 1
    }
    characters[count] = 0
  }

  private func showCursor(_ shown: Bool) {
    guard cursorShown != shown else { return }
    cursorShown = shown
    _ = curs_set(shown ? 1 : 0)
  }

  /// What undoes the screen setup, read from terminfo while ncurses is up, for `EmergencyRestore`.
  private static func resetSequence() -> [UInt8] {
    var bytes = Array(bracketedPasteOff.utf8)
    for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
      guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
      bytes += Array(String(cString: value).utf8)
    }
    return bytes
  }

  /// putp goes through stdio, which would hold the bytes until exit.
  private func send(_ sequence: String) {
    _ = putp(sequence)
    _ = fflush(guichet_stdout())
  }

  private static func milliseconds(_ duration: Duration) -> Int32 {
    let (seconds, attoseconds) = duration.components
    return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
  }
}
