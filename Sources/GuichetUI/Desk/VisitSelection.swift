import GuichetCore

/// A list of visits with a highlighted row that survives reloads: when another desk's write reloads the
/// list, the agent stays on the same person rather than on the same row number.
public struct VisitSelection: Equatable, Sendable {
  public var visits: [Visit] = []
  public var index = 0
  public var loaded = false

  public init(visits: [Visit] = [], index: Int = 0) {
    self.visits = visits
    self.index = index
  }

  public var selected: Visit? { visits.indices.contains(index) ? visits[index] : nil }

  /// Replaces the list, keeping the same visit highlighted; on the first load, starts on `initial`.
  public mutating func load(_ newVisits: [Visit], initial: Initial = .first) {
    let selectedID = selected?.id
    let fallback =
      loaded
      ? min(index, max(0, newVisits.count - 1))
      : (initial == .first ? 0 : max(0, newVisits.count - 1))
    visits = newVisits
    index = newVisits.firstIndex { $0.id == selectedID && selectedID != nil } ?? fallback
    loaded = true
  }

  public enum Initial: Sendable { case first, last }

  public mutating func move(by delta: Int) {
    index = min(max(0, index + delta), max(0, visits.count - 1))
  }

  public mutating func moveToEnd() { index = max(0, visits.count - 1) }

  /// The rows that fit in `rows` lines, scrolled so the highlighted one shows, with their indices.
  public func window(rows: Int) -> [(index: Int, line: Int, visit: Visit)] {
    let top = max(0, index - rows + 1)
    return visits.indices.dropFirst(top).prefix(max(0, rows)).map { ($0, $0 - top, visits[$0]) }
  }
}
