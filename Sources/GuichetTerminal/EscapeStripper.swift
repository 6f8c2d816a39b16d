/// Removes ECMA-48 escape sequences (7-bit and C1 forms) from text. A string sequence (OSC, DCS…)
/// that never ends swallows the rest: better lose text than let a sequence reach the terminal.
enum EscapeStripper {
  private enum State {
    case text, escape, intermediate, singleShift, control, string, stringEscape
  }

  static func strip(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var result: [Unicode.Scalar] = []
    result.reserveCapacity(scalars.count)
    var state = State.text
    for scalar in scalars {
      var again = true
      while again {
        again = false
        let value = scalar.value
        switch state {
        case .text:
          switch value {
          case 0x1B: state = .escape
          case 0x9B: state = .control
          case 0x90, 0x98, 0x9D, 0x9E, 0x9F: state = .string
          case 0x8E, 0x8F: state = .singleShift
          default: result.append(scalar)
          }
        case .escape:
          switch value {
          case 0x1B: break
          case 0x5B: state = .control  // [
          case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .string  // ] P X ^ _
          case 0x4E, 0x4F: state = .singleShift  // N O
          case 0x20...0x2F: state = .intermediate  // e.g. ESC ( B
          case 0x30...0x7E: state = .text  // a two-byte sequence such as ESC c (full reset)
          default:
            state = .text
            again = true
          }
        case .intermediate:
          again = !continues(&state, with: value, upTo: 0x2F)
        case .singleShift:
          state = .text
          if !(0x20...0x7E).contains(value) { again = true }
        case .control:
          again = !continues(&state, with: value, upTo: 0x3F)
        case .string:
          switch value {
          case 0x07, 0x9C: state = .text
          case 0x1B: state = .stringEscape
          default: break
          }
        case .stringEscape:
          if value == 0x5C {  // ESC \ is the string terminator
            state = .text
          } else {
            state = .escape
            again = true
          }
        }
      }
    }
    return result
  }

  /// Inside a sequence, bytes from 0x20 to `last` carry on and a byte from there to 0x7E ends it. Anything
  /// else cuts it short and is read again as text: returns false then.
  private static func continues(_ state: inout State, with value: UInt32, upTo last: UInt32) -> Bool
  {
    switch value {
    case 0x20...last: return true
    case (last + 1)...0x7E:
      state = .text
      return true
    default:
      state = .text
      return false
    }
  }
}
