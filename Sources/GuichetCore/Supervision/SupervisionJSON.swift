import Foundation

/// The figures as one JSON document: period, scope, synthetic rows, and every line (masked ones as null, with
/// `masked` true). What `guichet report --format json` prints.
public enum SupervisionJSON {
  public struct Document: Codable, Equatable, Sendable {
    public var periodFirst: String
    public var periodLast: String
    public var period: String
    public var filter: String
    /// null when the count of demonstration visits is masked.
    public var syntheticVisits: Int?
    public var includesSynthetic: Bool
    public var lines: [Line]
  }

  public struct Line: Codable, Equatable, Sendable {
    public var indicator: String
    public var label: String
    public var group: String
    public var item: String
    public var value: Double?
    public var unit: String
    public var masked: Bool
  }

  public static func document(_ figures: SupervisionFigures) -> Document {
    let lines = figures.lines()
    let synthetic = lines.first { $0.item == "dont données de démonstration" }
    return Document(
      periodFirst: figures.period.first.description, periodLast: figures.period.last.description,
      period: figures.period.label, filter: figures.filter.label(names: figures.names),
      syntheticVisits: synthetic?.masked ?? true ? nil : figures.syntheticVisits,
      includesSynthetic: figures.includesSynthetic,
      lines: lines.map { line in
        Line(
          indicator: line.indicator.rawValue, label: line.indicator.label, group: line.group,
          item: line.item,
          value: line.masked || line.plainValue.isEmpty ? nil : Double(line.plainValue),
          unit: line.unit.rawValue, masked: line.masked)
      })
  }

  /// One line of JSON, keys sorted.
  public static func text(_ figures: SupervisionFigures) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(document(figures)), as: UTF8.self)
  }
}
