import Foundation
import GuichetCore

/// French date and duration formats used across screens.
public enum Format {
  private static let weekdays = ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."]

  static func calendar(_ timeZone: TimeZone) -> Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar
  }

  /// « 14:05 »
  public static func time(_ date: Date, _ timeZone: TimeZone) -> String {
    let c = calendar(timeZone).dateComponents([.hour, .minute], from: date)
    return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
  }

  /// « lun. 29/11/2026 »
  public static func day(_ date: Date, _ timeZone: TimeZone) -> String {
    let c = calendar(timeZone).dateComponents([.weekday, .day, .month, .year], from: date)
    let weekday = weekdays[((c.weekday ?? 1) - 1) % 7]
    return String(format: "%@ %02d/%02d/%04d", weekday, c.day ?? 0, c.month ?? 0, c.year ?? 0)
  }

  /// « 4 min », « 1 h 05 »: waiting times as an agent says them.
  public static func duration(_ seconds: TimeInterval) -> String {
    let minutes = Int(seconds / 60)
    if minutes < 60 { return "\(minutes) min" }
    return String(format: "%d h %02d", minutes / 60, minutes % 60)
  }
}

extension Format {
  /// One list line for a structure: its short label (network and town), then the address's town for
  /// the names that carry none; the kind filter and the detail below give the rest.
  static func structureRow(_ structure: OperatorStructure) -> String {
    Text.column(
      structure.shortLabel + (structure.isActive ? "" : " (désactivée)"), width: 58)
      + (structure.city ?? "")
  }

  /// The kind is named once: « Mission locale Aix-les-Bains », « Agence Essai (Mission locale) ».
  static func structureWithKind(_ structure: OperatorStructure) -> String {
    let label = structure.shortLabel
    let kind = structure.kind.label
    return label.hasPrefix(kind) ? label : "\(label) (\(kind))"
  }
}
