import GuichetCore
import GuichetUI

/// Turns getch codes (bytes 0–255, or ncurses key codes from 256 up) into keys. It decodes UTF-8 itself
/// because get_wch stops delivering keys for good after one invalid byte (ncursesw 6.4), and it is pure so
/// the whole keyboard path is tested without a terminal.
struct KeyDecoder: Sendable {
  enum Event: Equatable, Sendable {
    case key(Key)
    case resize
  }

  /// What the decoder is waiting for, so the terminal knows how long to wait before calling `idle()`.
  enum Pending: Equatable, Sendable {
    /// The rest of an escape sequence or of a UTF-8 character: it comes at once, or not at all.
    case sequence
    /// The rest of a bracketed paste, which a slow link can deliver in bursts.
    case paste
  }

  /// Bytes kept from one paste; the rest is dropped until the end marker comes.
  static let pasteLimit = 64 * 1024

  private enum Mode: Sendable {
    case ground, escape, controlSequence, singleShift, string, stringEscape, paste
  }

  private static let pasteEndMarker: [UInt8] = Array("\u{1B}[201~".utf8)

  private let codes: KeyCodes
  private let keys: [Int32: Key]
  private var mode = Mode.ground
  private var utf8 = UTF8Scanner()
  /// Parameter bytes of the escape sequence being read, kept short: only plain keys are decoded from it.
  private var parameters: [UInt8] = []
  private var pasted: [UInt8] = []
  private var endMarkerMatched = 0

  init(codes: KeyCodes) {
    self.codes = codes
    var keys: [Int32: Key] = [
      codes.up: .up, codes.down: .down, codes.left: .left, codes.right: .right,
      codes.home: .home, codes.end: .end, codes.pageUp: .pageUp, codes.pageDown: .pageDown,
      codes.delete: .delete, codes.backTab: .backTab, codes.enter: .enter,
      codes.backspace: .backspace,
    ]
    for (index, code) in codes.functionKeys.enumerated() { keys[code] = .function(index + 1) }
    self.keys = keys
  }

  var pending: Pending? {
    switch mode {
    case .ground: utf8.isMidSequence ? .sequence : nil
    case .paste: .paste
    case .escape, .controlSequence, .singleShift, .string, .stringEscape: .sequence
    }
  }

  mutating func feed(_ code: Int32) -> [Event] {
    var events: [Event] = []
    feed(code, into: &events)
    return events
  }

  /// No more input came in time: a lone ESC is the Esc key, a paste without its end marker is over, and any
  /// half-read sequence or character is dropped.
  mutating func idle() -> [Event] {
    var events: [Event] = []
    switch mode {
    case .escape: events.append(.key(.escape))
    case .paste: finishPaste(into: &events)
    case .ground, .controlSequence, .singleShift, .string, .stringEscape: break
    }
    mode = .ground
    utf8.reset()
    return events
  }

  private mutating func feed(_ code: Int32, into events: inout [Event]) {
    if code == codes.resize {
      events.append(.resize)
      return
    }
    switch mode {
    case .ground: feedGround(code, into: &events)
    case .escape: feedEscape(code, into: &events)
    case .controlSequence, .singleShift: feedControlSequence(code, into: &events)
    case .string: feedString(code, into: &events)
    case .stringEscape:
      if code == 0x5C {  // ESC \ ends the string
        mode = .ground
      } else {
        mode = .escape
        feedEscape(code, into: &events)
      }
    case .paste: feedPaste(code, into: &events)
    }
  }

  private mutating func feedGround(_ code: Int32, into events: inout [Event]) {
    guard let byte = UInt8(exactly: code) else {
      utf8.reset()
      if code == codes.pasteStart {
        startPaste()
      } else if let key = keys[code] {
        events.append(.key(key))
      }
      // Other codes (ncurses' extended keys such as Ctrl-arrows, a stray paste end) mean nothing here.
      return
    }
    if byte >= 0x80 {
      if let scalar = utf8.feed(byte), SafeText.isAllowed(scalar) {
        events.append(.key(.char(Character(scalar))))
      }
      return
    }
    utf8.reset()  // an ASCII byte cuts a partial character short
    switch byte {
    case 9: events.append(.key(.tab))
    case 10, 13: events.append(.key(.enter))
    case 8, 127: events.append(.key(.backspace))
    case 27: mode = .escape
    case 1...26: events.append(.key(.ctrl(Character(Unicode.Scalar(byte + 0x60)))))
    case 0, 28...31:
      break  // Ctrl-Space, Ctrl-\ and friends: nothing to do, and never a signal under raw()
    default: events.append(.key(.char(Character(Unicode.Scalar(byte)))))
    }
  }

  private mutating func feedEscape(_ code: Int32, into events: inout [Event]) {
    parameters.removeAll(keepingCapacity: true)
    switch code {
    case 0x5B: mode = .controlSequence  // [
    case 0x4F: mode = .singleShift  // O
    case 0x5D, 0x50, 0x58, 0x5E, 0x5F: mode = .string  // ] P X ^ _
    case 27: events.append(.key(.escape))
    default:
      // Esc then another key, typed quickly or sent as Alt+key: both keys count.
      events.append(.key(.escape))
      mode = .ground
      feedGround(code, into: &events)
    }
  }

  /// Reads a CSI or SS3 sequence ncurses did not recognise (typically one split by a slow link): plain keys
  /// are decoded, anything else is dropped whole so "[1;5A" never shows up as typed text.
  private mutating func feedControlSequence(_ code: Int32, into events: inout [Event]) {
    guard let byte = UInt8(exactly: code), (0x20...0x7E).contains(byte) else {
      // A control byte or a key code cuts the sequence short and counts on its own.
      mode = .ground
      feedGround(code, into: &events)
      return
    }
    if byte == 0x5B, mode == .controlSequence, parameters.isEmpty {
      parameters.append(byte)  // the Linux console's F1…F5 are ESC [ [ A…E
      return
    }
    guard (0x40...0x7E).contains(byte) else {
      if parameters.count < 16 { parameters.append(byte) }
      return
    }
    let isSingleShift = mode == .singleShift
    mode = .ground
    if !isSingleShift, byte == 0x7E, parameters == Array("200".utf8) {
      startPaste()
    } else if let key = Self.key(parameters: parameters, final: byte, singleShift: isSingleShift) {
      events.append(.key(key))
    }
  }

  private static func key(parameters: [UInt8], final: UInt8, singleShift: Bool) -> Key? {
    if parameters == [0x5B] {
      return (0x41...0x45).contains(final) ? .function(Int(final) - 0x40) : nil
    }
    // With modifiers (Ctrl-Up is ESC [ 1 ; 5 A) it is not a plain key: dropped.
    guard parameters.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
    let number = parameters.isEmpty ? nil : Int(String(decoding: parameters, as: UTF8.self))
    switch (Unicode.Scalar(final), number) {
    case ("A", nil), ("A", 1): return .up
    case ("B", nil), ("B", 1): return .down
    case ("C", nil), ("C", 1): return .right
    case ("D", nil), ("D", 1): return .left
    case ("H", nil), ("H", 1): return .home
    case ("F", nil), ("F", 1): return .end
    case ("Z", nil): return singleShift ? nil : .backTab
    case ("M", nil): return singleShift ? .enter : nil
    case ("P", nil), ("Q", nil), ("R", nil), ("S", nil):
      return singleShift ? .function(Int(final) - 0x4F) : nil
    case ("~", let number?) where !singleShift:
      switch number {
      case 1, 7: return .home
      case 4, 8: return .end
      case 3: return .delete
      case 5: return .pageUp
      case 6: return .pageDown
      case 11...15: return .function(number - 10)
      case 17...21: return .function(number - 11)
      case 23, 24: return .function(number - 12)
      default: return nil
      }
    default:
      return nil
    }
  }

  /// OSC, DCS and the like end with BEL or ESC \; what they carry is never input.
  private mutating func feedString(_ code: Int32, into events: inout [Event]) {
    switch code {
    case 7: mode = .ground
    case 27: mode = .stringEscape
    case 0...255: break
    default:
      mode = .ground
      feedGround(code, into: &events)
    }
  }

  private mutating func startPaste() {
    mode = .paste
    utf8.reset()
    pasted.removeAll()
    endMarkerMatched = 0
  }

  private mutating func feedPaste(_ code: Int32, into events: inout [Event]) {
    if code == codes.pasteEnd {
      finishPaste(into: &events)
      return
    }
    // Key codes here are pasted escape sequences that ncurses recognised: not text, so dropped.
    guard let byte = UInt8(exactly: code) else { return }
    if pasted.count < Self.pasteLimit { pasted.append(byte) }
    // ncurses misses the end marker when a slow link splits it; then it arrives as plain bytes.
    if byte == Self.pasteEndMarker[endMarkerMatched] {
      endMarkerMatched += 1
    } else {
      endMarkerMatched = byte == 0x1B ? 1 : 0
    }
    if endMarkerMatched == Self.pasteEndMarker.count {
      if pasted.suffix(Self.pasteEndMarker.count).elementsEqual(Self.pasteEndMarker) {
        pasted.removeLast(Self.pasteEndMarker.count)
      }
      finishPaste(into: &events)
    }
  }

  private mutating func finishPaste(into events: inout [Event]) {
    let text = PasteText.clean(pasted)
    pasted.removeAll()
    mode = .ground
    if !text.isEmpty { events.append(.key(.paste(text))) }
  }
}
