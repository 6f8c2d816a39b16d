/// What an import found, printed at the end of `guichet import` and kept in the `dataset` row.
public struct ImportReport: Equatable, Sendable, CustomStringConvertible {
  /// One counted thing, e.g. key `fiches`, label « fiches ROME ».
  public struct Count: Equatable, Sendable {
    public var key: String
    public var label: String
    public var value: Int
  }

  public var dataset: ReferenceDataset
  public var source: String
  public var version: String
  public var counts: [Count]
  /// Facts the agent should know but that do not stop the import (e.g. commune codes with no name).
  public var warnings: [String]

  public init(
    dataset: ReferenceDataset, source: String, version: String, counts: [Count] = [],
    warnings: [String] = []
  ) {
    self.dataset = dataset
    self.source = source
    self.version = version
    self.counts = counts
    self.warnings = warnings
  }

  /// The value counted under `key`, or nil.
  public subscript(key: String) -> Int? {
    counts.first { $0.key == key }?.value
  }

  mutating func add(_ key: String, _ label: String, _ value: Int) {
    counts.append(Count(key: key, label: label, value: value))
  }

  public var description: String {
    let title = version.isEmpty || source.contains(version) ? source : "\(source) (\(version))"
    var lines = ["\(dataset.rawValue) — \(title)"]
    for count in counts {
      lines.append("  \(count.label) : \(Self.frenchNumber(count.value))")
    }
    for warning in warnings {
      lines.append("  attention : \(warning)")
    }
    return lines.joined(separator: "\n")
  }

  /// 17470 → « 17 470 », the French grouping (plain spaces, safe on any terminal).
  static func frenchNumber(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { grouped.append(" ") }
      grouped.append(digit)
    }
    return value < 0 ? "-" + grouped : grouped
  }
}
