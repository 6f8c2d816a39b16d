import GuichetUI

@testable import GuichetTerminal

/// Feeds bytes (or key codes) through a fresh decoder, then lets it go idle as the terminal does when input stops.
func decode(_ codes: [Int32]) -> [KeyDecoder.Event] {
  var decoder = KeyDecoder(codes: .ncurses)
  var events = codes.flatMap { decoder.feed($0) }
  events += decoder.idle()
  return events
}

func decode(_ text: String) -> [KeyDecoder.Event] {
  decode(bytes(text))
}

func bytes(_ text: String) -> [Int32] {
  text.utf8.map { Int32($0) }
}

func keys(_ events: [KeyDecoder.Event]) -> [Key] {
  events.compactMap {
    if case .key(let key) = $0 { key } else { nil }
  }
}
