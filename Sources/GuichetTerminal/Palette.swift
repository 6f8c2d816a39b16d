import CNCursesW
import GuichetUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One colour pair per hue and fixed attributes per `Tone`, set up once so drawing a cell is a lookup.
/// Without colours, tones fall back to bold and dim so errors and titles still stand out.
struct Palette {
  private let colors: Bool
  private let bold = guichet_a_bold()
  private let dim = guichet_a_dim()
  private let reverse = guichet_a_reverse()
  private let underline = guichet_a_underline()

  private static let cyan: Int16 = 1
  private static let green: Int16 = 2
  private static let yellow: Int16 = 3
  private static let red: Int16 = 4

  /// Needs ncurses started.
  /// `NO_COLOR` (set and not empty, as no-color.org says) keeps bold and reverse video, so titles, errors
  /// and the selected row still stand out.
  static func install() -> Palette {
    let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
    guard has_colors(), !noColor else { return Palette(colors: false) }
    _ = start_color()
    // The agent's own background and text colours stay when the terminal allows it.
    let defaults = use_default_colors() == OK
    let background = defaults ? -1 : Int16(COLOR_BLACK)
    for (pair, color) in [
      (cyan, COLOR_CYAN), (green, COLOR_GREEN), (yellow, COLOR_YELLOW), (red, COLOR_RED),
    ] {
      _ = init_pair(pair, Int16(color), background)
    }
    return Palette(colors: true)
  }

  private init(colors: Bool) {
    self.colors = colors
  }

  func rendition(of style: Style) -> (attributes: attr_t, pair: Int16) {
    var attributes = guichet_a_normal()
    var pair: Int16 = 0
    switch style.tone {
    case .normal: break
    case .muted: attributes |= dim
    case .accent: pair = Self.cyan
    case .title:
      pair = Self.cyan
      attributes |= bold
    case .success: pair = Self.green
    case .warning: pair = Self.yellow
    case .error: pair = Self.red
    }
    if !colors {
      if pair != 0 && style.tone != .success { attributes |= bold }
      pair = 0
    }
    if style.bold { attributes |= bold }
    if style.reverse { attributes |= reverse }
    if style.underline { attributes |= underline }
    return (attributes, pair)
  }
}
