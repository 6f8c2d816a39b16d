import Foundation
import GuichetCore

/// « Source : France Travail – enquête BMO 2024 · données de 2024 (il y a 2 ans), importées le 29/11/2026 »:
/// the line every screen showing reference data carries, with how old the figures are.
public enum SourceLine {
  public static func text(_ source: DataSource, context: AppContext) -> String {
    var parts: [String] = []
    if let vintage = source.vintage {
      var data = "données de \(vintage)"
      if let age = age(source, context: context) { data += " (\(age))" }
      parts.append(data)
    } else if !source.version.isEmpty, !source.source.contains(source.version) {
      parts.append("version \(source.version)")
    }
    let day = Format.shortDay(source.importedAt, context.timeZone)
    parts.append(
      source.bundled ? "jeu fourni, chargé le \(day)" : "importées le \(day)")
    return "Source : \(source.source) · " + parts.joined(separator: ", ")
  }

  /// « cette année », « l'an dernier », « il y a 7 ans ».
  static func age(_ source: DataSource, context: AppContext) -> String? {
    guard let year = source.vintageYear else { return nil }
    let years = Format.year(context.now, context.timeZone) - year
    switch years {
    case ..<1: return "cette année"
    case 1: return "l'an dernier"
    default: return "il y a \(years) ans"
    }
  }

  /// Figures five years old or more are shown as a warning: addresses move, recruitments change.
  public static func isOld(_ source: DataSource, context: AppContext) -> Bool {
    guard let year = source.vintageYear else { return false }
    return Format.year(context.now, context.timeZone) - year >= 5
  }

  public static func style(_ source: DataSource, context: AppContext) -> Style {
    isOld(source, context: context) ? Style(tone: .warning) : .muted
  }

  /// Rows the line takes at this width: 1, or 2 when the age goes under the source.
  public static func rows(_ source: DataSource?, width: Int, context: AppContext) -> Int {
    guard let source else { return 1 }
    return DisplayWidth.of(text(source, context: context)) <= width ? 1 : 2
  }

  /// Draws the line ending on row `y`: on one row when it fits, else the source on the row above and the age on `y`.
  public static func render(
    _ source: DataSource?, x: Int, y: Int, width: Int, on canvas: inout Canvas,
    context: AppContext
  ) {
    guard let source else {
      canvas.putPadded(
        "Source : données non chargées (guichet import)", x: x, y: y, width: width, style: .muted)
      return
    }
    let line = text(source, context: context)
    let style = style(source, context: context)
    if DisplayWidth.of(line) <= width {
      canvas.putPadded(line, x: x, y: y, width: width, style: style)
      return
    }
    let head = "Source : \(source.source) · "
    canvas.putPadded(head, x: x, y: y - 1, width: width, style: style)
    canvas.putPadded(
      "  " + String(line.dropFirst(head.count)), x: x, y: y, width: width, style: style)
  }
}

extension Format {
  /// « 29/11/2026 »
  public static func shortDay(_ date: Date, _ timeZone: TimeZone) -> String {
    let c = calendar(timeZone).dateComponents([.day, .month, .year], from: date)
    return String(format: "%02d/%02d/%04d", c.day ?? 0, c.month ?? 0, c.year ?? 0)
  }

  static func year(_ date: Date, _ timeZone: TimeZone) -> Int {
    calendar(timeZone).component(.year, from: date)
  }

  /// « 1 800 € »: French thousands separator (narrow no-break space shown as a plain space).
  public static func euros(_ amount: Int) -> String {
    grouped(amount) + " €"
  }

  /// « 12 345 »
  public static func grouped(_ number: Int) -> String {
    let digits = String(abs(number))
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result += " " }
      result.append(digit)
    }
    return (number < 0 ? "-" : "") + result
  }

  /// « 31/08/2016 » from `2016-08-31`; other text unchanged.
  public static func isoDay(_ text: String) -> String {
    let parts = text.split(separator: "-")
    guard parts.count == 3 else { return text }
    return "\(parts[2])/\(parts[1])/\(parts[0])"
  }
}
